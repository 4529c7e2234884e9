/**
 * Answer overlays: a reader's own answer to a question, written as
 * `content/answers/<id>.<lang>.md` and merged into the question by ingestion.
 *
 * The file is Markdown. `## ` headings pick the answer part (short answer, detailed analysis,
 * typical mistakes, how to say it — in Russian or English); text before the first heading is
 * the detailed analysis.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { SourceError } from './errors.ts';
import { markdownToContent, MarkdownContentError } from './markdown-content.ts';
import { answerPartOf, PART_HEADINGS, type AnswerPart } from './answer-parts.ts';
import { hasAnswer, ID_PATTERN, LANGS, type Answer, type Lang, type Question } from './model.ts';

const FILE_NAME = /^(.+)\.(ru|en)\.md$/;

export interface Overlay {
  file: string;
  id: string;
  lang: Lang;
  answer: Answer;
}

/** Parses one overlay file; the name must be `<id>.<lang>.md`. */
export function parseOverlay(file: string, text: string): Overlay {
  const name = file.split('/').pop() ?? file;
  const match = FILE_NAME.exec(name);
  if (!match || !ID_PATTERN.test(match[1]))
    throw new SourceError(file, 1, `answer overlay file names look like <question-id>.<ru|en>.md`);
  const [, id, lang] = match;
  const lines = text.split('\n');
  const headings = fromMarkdown(text).children.filter((n) => n.type === 'heading' && n.depth === 2);
  const answer: Answer = {};
  const cuts = [{ part: 'detailed' as AnswerPart, from: 0, line: 1 }];
  for (const heading of headings) {
    const line = heading.position!.start.line;
    const part = answerPartOf(toString(heading));
    if (!part) {
      throw new SourceError(
        file,
        line,
        `unknown answer heading "## ${toString(heading)}": expected one of ${[...PART_HEADINGS.keys()].map((h) => `"${h}"`).join(', ')}`,
      );
    }
    cuts.push({ part, from: line, line: line + 1 });
  }
  cuts.forEach((cut, i) => {
    const body = lines
      .slice(cut.from, cuts[i + 1] ? cuts[i + 1].from - 1 : lines.length)
      .join('\n')
      .trim();
    if (!body) return;
    if (answer[cut.part]) throw new SourceError(file, cut.line - 1, `answer part "${cut.part}" given twice`);
    try {
      answer[cut.part] = markdownToContent(body);
    } catch (error) {
      if (error instanceof MarkdownContentError) throw new SourceError(file, cut.line + error.line - 1, error.message);
      throw error;
    }
  });
  if (!hasAnswer({ answer })) throw new SourceError(file, 1, 'answer overlay is empty');
  return { file, id, lang: lang as Lang, answer };
}

/**
 * Merges overlays into questions. The overlay in the question's own language (or the only one)
 * becomes its answer; an overlay in the other language is that edition's translation. Unknown
 * ids and questions that already have an answer in their source are errors.
 */
export function applyOverlays(questions: Question[], overlays: Overlay[]): Question[] {
  const byId = new Map<string, Question>();
  for (const q of questions) {
    byId.set(q.id, q);
    for (const alias of q.aliases ?? []) byId.set(alias, q);
  }
  const grouped = new Map<string, Overlay[]>();
  for (const overlay of overlays) {
    const q = byId.get(overlay.id);
    if (!q) throw new SourceError(overlay.file, 1, `answer overlay for unknown question id "${overlay.id}"`);
    if (hasAnswer(q))
      throw new SourceError(
        overlay.file,
        1,
        `question "${q.id}" already has an answer in ${q.source.file}; overlays add answers to unanswered questions`,
      );
    grouped.set(q.id, [...(grouped.get(q.id) ?? []), overlay]);
  }
  return questions.map((q) => {
    const mine = grouped.get(q.id);
    if (!mine) return q;
    const primary = mine.find((o) => o.lang === q.lang) ?? mine[0];
    const translations = structuredClone(q.translations ?? {});
    for (const lang of LANGS) {
      const own = mine.find((o) => o.lang === lang);
      const fields = (translations[lang] ??= {});
      if (own && own !== primary) fields.answer = own.answer;
      else if (!own && primary.lang !== lang) {
        const parts = Object.keys(primary.answer) as AnswerPart[];
        fields.untranslated = [...new Set([...(fields.untranslated ?? []), ...parts])];
      }
      if (Object.keys(fields).length === 0) delete translations[lang];
    }
    return { ...q, answer: primary.answer, answerSource: primary.file, translations };
  });
}
