/**
 * Runs searches against a built site's Pagefind indexes in Node, as the search dialog does:
 * the pages' index with the question index (src/integrations/question-search.ts) merged in.
 *
 * The `pagefind` npm package only builds indexes, so this loads the browser bundle
 * `dist/pagefind/pagefind.js` with two shims: `fetch` for `file:` URLs (Node's fetch refuses
 * them) and a minimal `document` whose `<html lang>` selects the language index (and so the
 * stemmer), as the page would in a browser.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { QUESTION_BUNDLE } from '../../src/integrations/question-search.ts';

export interface SearchHit {
  url: string;
  excerpt: string;
  content: string;
}

/**
 * Search `query` as a page with `<html lang={lang}>` would: the index under `<dist>/pagefind/`
 * with Starlight's ranking (`ranking`), and the question index merged in with its own ranking
 * (`questionRanking`) when the build has one. Returns every result's data, in rank order.
 */
export async function pagefindData<T>(
  dist: string,
  lang: string,
  query: string,
  ranking?: Record<string, unknown>,
  questionRanking?: Record<string, unknown>,
): Promise<T[]> {
  const g = globalThis as { fetch: typeof fetch; document?: unknown };
  installFileFetch();
  const realDocument = g.document;
  g.document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
  try {
    const base = pathToFileURL(join(dist, 'pagefind') + '/').href;
    // A fresh module instance per call (query string), so each language loads its own index.
    const pagefind = await import(/* @vite-ignore */ `${base}pagefind.js?lang=${lang}&q=${encodeURIComponent(query)}`);
    const instance = pagefind.createInstance({ basePath: base, baseUrl: '/', ...(ranking ? { ranking } : {}) });
    const questions = join(dist, QUESTION_BUNDLE);
    if (existsSync(questions)) {
      await instance.mergeIndex(pathToFileURL(questions).href + '/', {
        baseUrl: '/',
        ...(questionRanking ? { ranking: questionRanking } : {}),
      });
    }
    const result = await instance.search(query);
    return Promise.all(result.results.map((r: { data: () => Promise<T> }) => r.data()));
  } finally {
    g.document = realDocument;
  }
}

let fileFetchInstalled = false;

/**
 * Makes `fetch` read `file:` URLs, once per process and for good: Pagefind may still be loading
 * index chunks in the background after a search has returned.
 */
function installFileFetch(): void {
  if (fileFetchInstalled) return;
  fileFetchInstalled = true;
  const g = globalThis as { fetch: typeof fetch };
  const realFetch = g.fetch;
  g.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.protocol !== 'file:') return realFetch(input, init);
    url.search = '';
    return new Response(await readFile(fileURLToPath(url)));
  }) as typeof fetch;
}

/** Search `query` with Pagefind's default ranking. */
export function pagefindSearch(dist: string, lang: string, query: string): Promise<SearchHit[]> {
  return pagefindData<SearchHit>(dist, lang, query);
}
