/**
 * Search quality of the real site: the labelled queries of tests/eval/search-queries.yaml run
 * through the Pagefind indexes of the seed build (tests/global-setup.ts) as the search dialog
 * runs them (tools/eval/search.ts), scored by recall@5 and MRR per edition. The floors sit a
 * little below the figures of EVAL.md, so a regression fails the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { formatTable, loadQueries, runBenchmark } from '../../tools/eval/search.ts';

const { dist } = inject('seedSite');
const queries = loadQueries();
const ids = new Set(
  (JSON.parse(readFileSync(join(dist, 'questions.json'), 'utf8')) as { id: string }[]).map((q) => q.id),
);

/** Least recall@5 and MRR per edition over all labelled queries. */
export const SEARCH_FLOORS = { ru: { recall: 0.9, mrr: 0.83 }, en: { recall: 0.86, mrr: 0.8 } };

describe('search quality', () => {
  it('has labelled queries in both editions, each naming real question ids', () => {
    expect(queries.length).toBeGreaterThanOrEqual(400);
    for (const q of queries) for (const id of q.relevant) expect(ids, `${q.q}: ${id}`).toContain(id);
    expect(new Set(queries.map((q) => q.edition))).toEqual(new Set(['ru', 'en']));
  });

  it('finds the labelled questions (recall@5 and MRR floors per edition)', async () => {
    const { scores, totals } = await runBenchmark(dist, queries, ids);
    console.log(`\nsearch quality (${dist})\n${formatTable(scores, totals).split('\n').slice(-2).join('\n')}\n`);
    for (const total of totals) {
      expect(total.recall, `${total.edition} recall@5`).toBeGreaterThanOrEqual(SEARCH_FLOORS[total.edition].recall);
      expect(total.mrr, `${total.edition} MRR`).toBeGreaterThanOrEqual(SEARCH_FLOORS[total.edition].mrr);
    }
  }, 300_000);
});
