/**
 * Search quality of the real site: the queries of content/search-queries.yaml run through the
 * Pagefind index of the seed build (tests/global-setup.ts: ingest + astro build of the shipped
 * content in a project copy), scored by recall@5 and MRR per edition (see search-quality.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { formatTable, loadQueries, runBenchmark } from './search-quality.ts';

const { dist } = inject('seedSite');
const queries = loadQueries();
const ids = new Set(
  (JSON.parse(readFileSync(join(dist, 'questions.json'), 'utf8')) as { id: string }[]).map((q) => q.id),
);

describe('search quality', () => {
  it('has at least 44 queries, half per edition, each expecting real question ids', () => {
    expect(queries.length).toBeGreaterThanOrEqual(44);
    const ru = queries.filter((q) => q.edition === 'ru').length;
    expect(ru).toBe(queries.length - ru);
    for (const q of queries) for (const id of q.expect) expect(ids, `${q.query}: ${id}`).toContain(id);
    const abbreviations = new Set(queries.map((q) => q.query));
    for (const a of ['BN', 'NMS', 'mAP', 'GIL', 'SGD', 'ViT', 'LoRA']) expect(abbreviations).toContain(a);
  });

  it('finds the expected questions: recall@5 >= 0.9 in each edition', async () => {
    const { scores, totals } = await runBenchmark(dist, queries, ids);
    console.log(`\nsearch quality (${dist})\n${formatTable(scores, totals)}\n`);
    for (const total of totals) {
      expect(total.queries).toBeGreaterThan(0);
      expect(total.recall, `${total.edition} recall@5`).toBeGreaterThanOrEqual(0.9);
    }
  }, 120_000);

  it('crosses languages: "overfitting" in Russian, "переобучение" in English', async () => {
    const { scores } = await runBenchmark(
      dist,
      [
        { edition: 'ru', query: 'overfitting', expect: ['pereobuchenie-overfitting', 'pereobuchenie-sposoby-borby-s'] },
        {
          edition: 'en',
          query: 'переобучение',
          expect: ['pereobuchenie-overfitting', 'pereobuchenie-sposoby-borby-s'],
        },
      ],
      ids,
    );
    for (const s of scores) expect(s.recall, `${s.edition}: ${s.query} -> ${s.top.join(', ')}`).toBe(1);
  }, 60_000);
});
