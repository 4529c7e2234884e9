/**
 * Astro integration: a Pagefind index of the questions themselves, one record per question and
 * edition (from the emitter's `_data/search.json`, see src/ingest/emit/search-records.ts),
 * written to `dist/pagefind-questions/` and merged into Starlight's search dialog
 * (`pagefind.mergeIndex` in astro.config.mjs).
 *
 * A record's content is the question's visible text, so result excerpts never show hidden words;
 * its concept keywords in both languages are metadata fields, searchable with the weights of
 * QUESTION_RANKING but never displayed; answer text counts less than the question's own. Topic pages leave questions out of their own index
 * (`data-pagefind-ignore` in Question.astro), so each question is found once, at its anchor.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { eng, rus } from 'stopword';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { parseData, type SearchData, type SearchRecord } from '../data/contract.ts';
import type { SearchTerms } from '../scripts/search-query.ts';

/** Folder of the question index inside the build output. */
export const QUESTION_BUNDLE = 'pagefind-questions';

/**
 * Ranking of the question index: the title and the concept keywords weigh most, other concepts
 * little; long answers are not penalised (a question's length says nothing of its relevance).
 */
export const QUESTION_RANKING = { pageLength: 0, metaWeights: { title: 5, keywords: 8, terms: 0.5 } };

/**
 * The words of one edition's records, folded and sorted, with the stop words (for the query
 * normalisation of src/scripts/search-query.ts).
 */
export function searchTerms(records: readonly SearchRecord[], questionWords: readonly string[] = []): SearchTerms {
  const wordsOf = (text: string) =>
    text
      .toLowerCase()
      .replaceAll('ё', 'е')
      .match(/[\p{L}\p{N}]+(?:\+\+|#)?/gu) ?? [];
  const postings = new Map<string, number[]>();
  const concepts = new Set<string>();
  records.forEach((r, n) => {
    const words = new Set([r.title, r.question, r.answer, r.keywords, r.terms].flatMap(wordsOf));
    for (const w of words) {
      const list = postings.get(w);
      if (list) list.push(n);
      else postings.set(w, [n]);
    }
    for (const w of wordsOf(`${r.keywords} ${r.terms}`)) concepts.add(w);
  });
  const words = [...postings.keys()].sort();
  return {
    words,
    postings: words.map((w) => postings.get(w)!),
    concepts: words.flatMap((w, i) => (concepts.has(w) ? [i] : [])),
    stop: [...new Set([...rus, ...eng, ...questionWords])].sort(),
  };
}

/** Weight of answer text against the question's own text (Pagefind's default weight is 1). */
export const ANSWER_WEIGHT = 0.25;

/**
 * A record as the HTML page Pagefind indexes: the title as its heading, the question text, the
 * answer at ANSWER_WEIGHT, the concept words as metadata attributes (searchable, not shown).
 */
export function recordHtml(record: SearchRecord, language: string): string {
  const meta = [`keywords:${record.keywords}`, `terms:${record.terms}`]
    .filter((m) => !m.endsWith(':'))
    .map((m) => m.replaceAll(',', ' '));
  const tree = h('html', { lang: language }, [
    h('body', [
      h('main', { dataPagefindBody: '' }, [
        h('h1', record.title),
        h('p', record.question),
        h('div', { dataPagefindWeight: String(ANSWER_WEIGHT) }, record.answer),
        ...meta.map((m) => h('span', { dataPagefindMeta: m })),
      ]),
    ]),
  ]);
  return `<!doctype html>${toHtml(tree)}`;
}

/** Writes the question index of `data` to `outputPath`; returns the number of records. */
export async function writeQuestionIndex(data: SearchData, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  let count = 0;
  for (const [language, records] of Object.entries(data.editions)) {
    for (const record of records ?? []) {
      const added = await index.addHTMLFile({ url: record.url, content: recordHtml(record, language) });
      if (added.errors.length > 0) throw new Error(`pagefind: ${record.id}: ${added.errors.join('; ')}`);
      count++;
    }
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  for (const [language, records] of Object.entries(data.editions)) {
    const terms = searchTerms(records ?? [], data.questionWords);
    writeFileSync(join(outputPath, `terms.${language}.json`), JSON.stringify(terms));
  }
  return count;
}

export default function questionSearch(): AstroIntegration {
  let root = '';
  return {
    name: 'handbook-question-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const file = join(root, 'src/content/docs/_data/search.json');
        if (!existsSync(file)) return;
        const data = parseData('search.json', readFileSync(file, 'utf8'), file);
        const count = await writeQuestionIndex(data, join(fileURLToPath(dir), QUESTION_BUNDLE));
        logger.info(`${count} question search records indexed`);
      },
    },
  };
}
