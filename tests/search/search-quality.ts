/**
 * Search quality of a built site: runs the queries of content/search-queries.yaml through the
 * built Pagefind index in Node and scores them (recall@5, MRR).
 *
 * Pagefind ranks pages; a topic page holds dozens of questions. Each page result carries
 * `sub_results`, one per heading with an id, and every question heading's id is the question id.
 * The ranked list of question ids follows the search UI (see `rankedIds`). Sub-results of other
 * headings (section headings, the page top) are skipped.
 *
 * recall@5 of a query: the share of its expected ids among the first five question ids, out of
 * min(expected, 5) (a query may list more relevant questions than fit in five). MRR: the mean
 * reciprocal rank of the first expected id.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pagefindData } from '../site/pagefind.ts';
import { z } from 'zod';
import { parseDataFile } from '../../src/ingest/data-file.ts';
import type { Lang } from '../../src/ingest/model.ts';

export const QUERIES_FILE = join(import.meta.dirname, '../../content/search-queries.yaml');

export const SearchQuery = z
  .object({
    edition: z.enum(['ru', 'en']),
    query: z.string().min(1),
    expect: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).min(1),
    note: z.string().optional(),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

/** The benchmark queries (validated; errors name file and line). */
export function loadQueries(file = QUERIES_FILE): SearchQuery[] {
  const text = readFileSync(file, 'utf8');
  return parseDataFile(text, 'content/search-queries.yaml', z.object({ queries: z.array(SearchQuery).min(1) }).strict())
    .value.queries;
}

interface WeightedLocation {
  weight: number;
  balanced_score: number;
  location: number;
}
interface SubResult {
  url: string;
  title: string;
  excerpt: string;
  weighted_locations: WeightedLocation[];
  locations: number[];
}
export interface PageResult {
  url: string;
  excerpt: string;
  content: string;
  meta: Record<string, string>;
  sub_results: SubResult[];
}

/**
 * The ranking the site's search uses: Starlight's Pagefind ranking (its defaults, which
 * astro.config.mjs does not override), so scores here match what readers get.
 */
export async function siteRanking(): Promise<Record<string, number>> {
  const schema = join(import.meta.dirname, '../../node_modules/@astrojs/starlight/dist/schemas/pagefind.js');
  const { PagefindConfigDefaults } = await import(/* @vite-ignore */ pathToFileURL(schema).href);
  const { metaWeights, ...ranking } = PagefindConfigDefaults().ranking;
  return { ...ranking, ...(metaWeights ? { metaWeights } : {}) };
}

/** Full Pagefind results (pages in rank order, with sub-results) for `query` in the `lang` index. */
export async function pagefindResults(dist: string, lang: string, query: string): Promise<PageResult[]> {
  return pagefindData<PageResult>(dist, lang, query, await siteRanking());
}

/**
 * Question ids in result order. Like Pagefind's UI, which lists pages in rank order with up to
 * three sub-results each, the list starts with the best `perPage` question sub-results of every
 * page (pages in rank order); the remaining sub-results follow, again page by page. Inside a
 * page, sub-results are ordered by relevance: the sum of their matched words' balanced scores
 * (ties in page order). `isQuestion` keeps anchors that are question ids.
 */
export function rankedIds(pages: readonly PageResult[], isQuestion: (id: string) => boolean, perPage = 3): string[] {
  const perPageLists = pages.map((page) =>
    page.sub_results
      .map((sub, order) => ({
        id: decodeURIComponent(sub.url.split('#')[1] ?? ''),
        score: sub.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0),
        order,
      }))
      .filter((sub) => isQuestion(sub.id))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map((sub) => sub.id),
  );
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const list of perPageLists) list.slice(0, perPage).forEach(add);
  for (const list of perPageLists) list.slice(perPage).forEach(add);
  return ids;
}

export interface QueryScore extends SearchQuery {
  top: string[];
  recall: number;
  reciprocalRank: number;
}

export const K = 5;

/** Recall@K and reciprocal rank (of the first expected id) of one query. */
export function score(query: SearchQuery, ranked: readonly string[]): QueryScore {
  const top = ranked.slice(0, K);
  const found = query.expect.filter((id) => top.includes(id)).length;
  const first = ranked.findIndex((id) => query.expect.includes(id));
  return {
    ...query,
    top,
    recall: found / Math.min(query.expect.length, K),
    reciprocalRank: first === -1 ? 0 : 1 / (first + 1),
  };
}

export interface EditionTotals {
  edition: Lang;
  queries: number;
  recall: number;
  mrr: number;
}

/** Runs every query against `dist`; `questionIds` are the handbook's ids (anchors that count). */
export async function runBenchmark(
  dist: string,
  queries: readonly SearchQuery[],
  questionIds: ReadonlySet<string>,
): Promise<{ scores: QueryScore[]; totals: EditionTotals[] }> {
  const scores: QueryScore[] = [];
  for (const q of queries) {
    const pages = await pagefindResults(dist, q.edition, q.query);
    scores.push(
      score(
        q,
        rankedIds(pages, (id) => questionIds.has(id)),
      ),
    );
  }
  const totals = (['ru', 'en'] as const).map((edition) => {
    const mine = scores.filter((s) => s.edition === edition);
    const mean = (f: (s: QueryScore) => number) => (mine.length ? mine.reduce((n, s) => n + f(s), 0) / mine.length : 0);
    return { edition, queries: mine.length, recall: mean((s) => s.recall), mrr: mean((s) => s.reciprocalRank) };
  });
  return { scores, totals };
}

/** A plain-text table of the scores and the totals per edition. */
export function formatTable(scores: readonly QueryScore[], totals: readonly EditionTotals[]): string {
  const rows = scores.map((s) => {
    const missed = s.expect.filter((id) => !s.top.includes(id));
    return `${s.edition}  ${s.query.padEnd(26)} R@5 ${s.recall.toFixed(2)}  RR ${s.reciprocalRank.toFixed(2)}${missed.length ? `  missed: ${missed.join(', ')}  top: ${s.top.join(', ')}` : ''}`;
  });
  const sum = totals.map(
    (t) => `${t.edition}: ${t.queries} queries, recall@5 ${t.recall.toFixed(3)}, MRR ${t.mrr.toFixed(3)}`,
  );
  return [...rows, '', ...sum].join('\n');
}
