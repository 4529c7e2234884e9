/**
 * Astro integration: a Pagefind index of the questions themselves, one record per question and
 * edition (from the emitter's `_data/search.json`, see src/ingest/emit/search-records.ts),
 * written to `dist/pagefind-questions/` and merged into Starlight's search dialog
 * (`pagefind.mergeIndex` in astro.config.mjs).
 *
 * A record's content is the question's visible text, so result excerpts never show hidden words;
 * its concept keywords in both languages are metadata fields, searchable with the weights of
 * QUESTION_RANKING but never displayed. Topic pages leave questions out of their own index
 * (`data-pagefind-ignore` in Question.astro), so each question is found once, at its anchor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchData } from '../ingest/emit/search-records.ts';

/** Folder of the question index inside the build output. */
export const QUESTION_BUNDLE = 'pagefind-questions';

/**
 * Ranking of the question index: the title and the concept keywords weigh most, other concepts
 * little; long answers are not penalised (a question's length says nothing of its relevance).
 */
export const QUESTION_RANKING = { pageLength: 0, metaWeights: { title: 5, keywords: 8, terms: 0.5 } };

/** Writes the question index of `data` to `outputPath`; returns the number of records. */
export async function writeQuestionIndex(data: SearchData, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  let count = 0;
  for (const [language, records] of Object.entries(data)) {
    for (const record of records ?? []) {
      const added = await index.addCustomRecord({
        url: record.url,
        content: record.text || record.title,
        language,
        meta: { title: record.title, keywords: record.keywords, terms: record.terms },
      });
      if (added.errors.length > 0) throw new Error(`pagefind: ${record.id}: ${added.errors.join('; ')}`);
      count++;
    }
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
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
        const data = JSON.parse(readFileSync(file, 'utf8')) as SearchData;
        const count = await writeQuestionIndex(data, join(fileURLToPath(dir), QUESTION_BUNDLE));
        logger.info(`${count} question search records indexed`);
      },
    },
  };
}
