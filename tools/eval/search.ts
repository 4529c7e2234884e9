/**
 * Search quality of a built site: labelled queries (tests/eval/search-queries.yaml) run through
 * the site's Pagefind indexes in Node, as the search dialog runs them (the pages' index with the
 * question index merged in, each with the site's ranking), scored by recall@5 and MRR.
 *
 * recall@5 of a query: the share of its relevant ids among the first five question ids, out of
 * min(relevant, 5). MRR: the mean reciprocal rank of the first relevant id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { pagefindData } from '../search/pagefind-node.ts';
import { parseDataFile } from '../../src/ingest/data-file.ts';
import { Id, type Lang } from '../../src/ingest/model.ts';
import { QUESTION_BUNDLE, QUESTION_RANKING } from '../../src/integrations/question-search.ts';
import { normaliseQuery, type SearchTerms } from '../../src/scripts/search-query.ts';
import { splitOf, type Split } from './split.ts';

export const QUERIES_FILE = join(import.meta.dirname, '../../tests/eval/search-queries.yaml');

export const SearchQuery = z
  .object({
    q: z.string().min(1),
    edition: z.enum(['ru', 'en']),
    relevant: z.array(Id).min(1),
  })
  .strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

/** The labelled queries (validated; errors name file and line). */
export function loadQueries(file = QUERIES_FILE): SearchQuery[] {
  const text = readFileSync(file, 'utf8');
  return parseDataFile(text, file, z.object({ queries: z.array(SearchQuery).min(1) }).strict()).value.queries;
}

/** The split of a query (by edition and text). */
export const querySplit = (q: SearchQuery): Split => splitOf(`${q.edition} ${q.q}`);

interface SubResult {
  url: string;
}
export interface PageResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: SubResult[];
}

/**
 * The rankings the search dialog uses, as Starlight fills them in from astro.config.mjs: its own
 * for the pages' index, QUESTION_RANKING (with Starlight's defaults for the rest) for the questions.
 */
export async function siteRanking(): Promise<{ pages: Record<string, unknown>; questions: Record<string, unknown> }> {
  const schema = join(import.meta.dirname, '../../node_modules/@astrojs/starlight/dist/schemas/pagefind.js');
  const { PagefindConfigSchema } = await import(/* @vite-ignore */ pathToFileURL(schema).href);
  const config = PagefindConfigSchema().parse({
    mergeIndex: [{ bundlePath: `/${QUESTION_BUNDLE}/`, ranking: QUESTION_RANKING }],
  });
  return { pages: config.ranking, questions: config.mergeIndex[0].ranking };
}

const termsCache = new Map<string, SearchTerms | undefined>();

/** The query normalisation's words of a built edition (undefined when the build has none). */
function termsOf(dist: string, lang: string): SearchTerms | undefined {
  const file = join(dist, QUESTION_BUNDLE, `terms.${lang}.json`);
  if (!termsCache.has(file))
    termsCache.set(file, existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);
  return termsCache.get(file);
}

/** Results for `query` in one edition, as the site's search dialog gets them (normalised first). */
export async function siteSearch(dist: string, lang: string, query: string): Promise<PageResult[]> {
  const terms = termsOf(dist, lang);
  const term = terms ? normaliseQuery(query, terms) : query;
  const ranking = await siteRanking();
  return pagefindData<PageResult>(dist, lang, term, ranking.pages, ranking.questions);
}

/** Question ids in result order: a result is a question record (its URL ends in `#<id>`). */
export function rankedIds(results: readonly PageResult[], isQuestion: (id: string) => boolean): string[] {
  const ids: string[] = [];
  for (const r of results) {
    const id = decodeURIComponent(r.url.split('#')[1] ?? '');
    if (isQuestion(id) && !ids.includes(id)) ids.push(id);
  }
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
  const found = query.relevant.filter((id) => top.includes(id)).length;
  const first = ranked.findIndex((id) => query.relevant.includes(id));
  return {
    ...query,
    top,
    recall: found / Math.min(query.relevant.length, K),
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
    const results = await siteSearch(dist, q.edition, q.q);
    scores.push(
      score(
        q,
        rankedIds(results, (id) => questionIds.has(id)),
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
    const missed = s.relevant.filter((id) => !s.top.includes(id));
    return `${s.edition}  ${s.q.padEnd(26)} R@5 ${s.recall.toFixed(2)}  RR ${s.reciprocalRank.toFixed(2)}${missed.length ? `  missed: ${missed.join(', ')}  top: ${s.top.join(', ')}` : ''}`;
  });
  const sum = totals.map(
    (t) => `${t.edition}: ${t.queries} queries, recall@5 ${t.recall.toFixed(3)}, MRR ${t.mrr.toFixed(3)}`,
  );
  return [...rows, '', ...sum].join('\n');
}
