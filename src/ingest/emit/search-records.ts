/**
 * Search records (`_data/search.json`): one record per question and edition, indexed by Pagefind
 * as its own result (src/integrations/question-search.ts). `text` is what the reader sees on the
 * page (title, prompt, follow-ups, answer), so excerpts show only visible text; `keywords` and
 * `terms` are the question's concepts named in both languages (content/concepts.yaml), with their
 * stems, indexed as metadata: searchable, never shown.
 */
import type { Nodes } from 'mdast';
import { words } from '../concepts/words.ts';
import type { SearchData } from '../../data/contract.ts';
import type { Content, Handbook, Lang, Question } from '../model.ts';
import { localize, type Labels } from './localize.ts';

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'tableCell', 'code', 'caution']);

/**
 * Plain text of rich content as a reader sees it, without formulas (LaTeX source is no reading
 * text); blocks are separated by a space so that list items do not run together.
 * @example visibleText(markdownToContent('- Loss $L$\n- is low')) // 'Loss is low'
 */
export function visibleText(content: Content | undefined): string {
  if (!content) return '';
  const out: string[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'math' || node.type === 'inlineMath') return;
    if ('value' in node && typeof node.value === 'string') out.push(node.value);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
    if (BLOCKS.has(node.type)) out.push(' ');
  };
  walk(content);
  return out.join('').replace(/\s+/g, ' ').trim();
}

/** Names, synonyms and their stems of some concepts, as one space-separated string. */
function conceptWords(ids: readonly string[], vocabulary: NonNullable<Handbook['vocabulary']>): string {
  const out = new Set<string>();
  for (const id of ids) {
    const c = vocabulary[id];
    if (!c) continue;
    for (const name of [c.ru, c.en, ...c.forms]) {
      out.add(name);
      for (const w of words(name)) out.add(w.stem);
    }
  }
  return [...out].join(' ');
}

/** The search records of every question in every edition. */
export function searchData(
  questions: readonly Question[],
  urls: ReadonlyMap<string, Partial<Record<Lang, string>>>,
  langs: readonly Lang[],
  handbook: Pick<Handbook, 'vocabulary' | 'labels' | 'questionWords'>,
): SearchData {
  const labels: Labels = handbook.labels ?? {};
  const vocabulary = handbook.vocabulary ?? {};
  const editions = Object.fromEntries(
    langs.map((lang) => [
      lang,
      questions.map((q) => {
        const shown = localize(q, lang, labels);
        const main = (q.concepts ?? []).filter((c) => c.core || c.inTitle).map((c) => c.id);
        const rest = (q.concepts ?? []).filter((c) => !c.core && !c.inTitle).map((c) => c.id);
        return {
          id: q.id,
          url: urls.get(q.id)?.[lang] ?? '',
          title: shown.title.value,
          question: [visibleText(shown.prompt?.value), ...(shown.followUps?.value ?? [])].filter(Boolean).join('\n'),
          answer: Object.values(shown.answer)
            .map((part) => visibleText(part?.value))
            .filter(Boolean)
            .join('\n'),
          keywords: conceptWords(main, vocabulary),
          terms: conceptWords(rest, vocabulary),
        };
      }),
    ]),
  );
  return { editions, questionWords: handbook.questionWords ?? [] };
}
