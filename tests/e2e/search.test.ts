/**
 * Site search in the real browser: Starlight's search dialog (Pagefind UI) on the seed build.
 * One result per question (src/integrations/question-search.ts): word forms, the other language
 * (concept keywords, content/concepts.yaml), case-sensitive abbreviations, typos, and excerpts
 * that show only the question's visible text.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from './site.ts';

const site = useSite();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await site.newPage());
});

interface Result {
  /** Link of the result: a question at its anchor (`/topic/#id`) or a page. */
  page: string;
  /** Links of its sub-results (pages' headings). */
  anchors: string[];
  /** Highlighted words of its excerpts. */
  marks: string[];
  /** Its excerpt text, as shown. */
  excerpt: string;
}

/** Opens the search dialog on `path`, types `query` and reads the results. */
async function search(path: string, query: string): Promise<Result[]> {
  // One page per edition: later searches reuse the open dialog.
  if (new URL(page.url()).pathname !== path) {
    await page.goto(site.url(path));
    // A development build renders a "search only works in production builds" note instead.
    const ui = await page.locator('site-search #starlight__search').count();
    expect(ui, `${path}: no Pagefind search UI in the page (was the site built in development mode?)`).toBe(1);
  }
  if (!(await page.locator('site-search dialog[open]').count()))
    await page.click('site-search button[data-open-modal]');
  const input = page.locator('site-search dialog[open] #starlight__search input');
  await input.waitFor();
  await input.fill(query);
  // Pagefind UI debounces and re-renders: wait for this query's message and loaded results.
  await page.waitForFunction(
    (q) => {
      const message = document.querySelector('#starlight__search .pagefind-ui__message')?.textContent ?? '';
      const results = [...document.querySelectorAll('#starlight__search .pagefind-ui__result')];
      // Results render as placeholders first, then fill in their links and excerpts.
      return (
        message.includes(q) && results.length > 0 && results.every((r) => r.querySelector('a.pagefind-ui__result-link'))
      );
    },
    query,
    { timeout: 10_000 },
  );
  return page.$$eval('#starlight__search .pagefind-ui__result', (items) =>
    items.map((item) => {
      const links = [...item.querySelectorAll('a.pagefind-ui__result-link')].map((a) => a.getAttribute('href') ?? '');
      return {
        page: links[0] ?? '',
        anchors: links.slice(1),
        marks: [...item.querySelectorAll('mark')].map((m) => (m.textContent ?? '').toLowerCase()),
        excerpt: [...item.querySelectorAll('.pagefind-ui__result-excerpt')].map((e) => e.textContent ?? '').join(' '),
      };
    }),
  );
}

/** Question ids of the results, in order (question results link to `…#<id>`). */
const ids = (results: Result[]) => results.map((r) => r.page.split('#')[1]).filter((id): id is string => Boolean(id));
const show = (results: Result[]) => JSON.stringify(results, null, 1);
const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('search (Pagefind UI in the search dialog)', () => {
  it('finds other Russian word forms: "нормализации" -> the normalisation questions first', async () => {
    const results = await search('/', 'нормализации');
    expect(ids(results)[0], show(results)).toMatch(/normalizacii|batchnorm|layernorm|normalization/);
    const forms = results.flatMap((r) => r.marks).filter((m) => m.includes('нормализац'));
    expect(
      forms.some((m) => !m.includes('нормализации')),
      show(results),
    ).toBe(true);
    for (const r of results) expect(r.page).not.toMatch(/^\/en\//);
  });

  it('crosses languages: "overfitting" in the Russian edition finds the переобучение questions', async () => {
    const found = ids(await search('/', 'overfitting')).slice(0, 5);
    expect(found).toContain('pereobuchenie-sposoby-borby-s');
    expect(found).toContain('pereobuchenie-overfitting');
  });

  it('crosses languages: "переобучение" in the English edition finds the overfitting questions', async () => {
    const results = await search('/en/', 'переобучение');
    expect(ids(results).slice(0, 5), show(results)).toContain('pereobuchenie-overfitting');
    for (const r of results) expect(r.page).toMatch(/^\/en\//);
  });

  it('keeps case where it carries meaning: "mAP" finds the metric question first, "BN" BatchNorm questions', async () => {
    expect(ids(await search('/', 'mAP'))[0]).toBe('metriku-map-mean-average-precision');
    const bn = ids(await search('/', 'BN')).slice(0, 3);
    expect(bn.length).toBe(3);
    for (const id of bn) expect(id, bn.join(', ')).toMatch(/batch/);
  });

  it('forgives a typo and words that no question has: "как бороться с переобучениием"', async () => {
    const found = ids(await search('/', 'как бороться с переобучениием')).slice(0, 5);
    expect(found).toContain('pereobuchenie-sposoby-borby-s');
  });

  it('shows only text the reader can see: every excerpt word is on the question itself', async () => {
    for (const [path, query] of [
      ['/', 'затухающие градиенты'],
      ['/', 'dropout'],
      ['/en/', 'vanishing gradients'],
      ['/en/', 'нормализация'],
    ] as const) {
      const results = (await search(path, query)).filter((r) => r.page.includes('#')).slice(0, 3);
      expect(results.length, `${query}: ${show(results)}`).toBeGreaterThan(0);
      const other = await site.newPage();
      for (const r of results) {
        await other.page.goto(site.url(r.page));
        const id = r.page.split('#')[1]!;
        const visible = new Set(
          words(
            await other.page.locator(`section[data-question-id="${id}"]`).evaluate((s) => {
              for (const d of s.querySelectorAll('details')) (d as HTMLDetailsElement).open = true;
              return (s as HTMLElement).innerText;
            }),
          ),
        );
        const hidden = words(r.excerpt.replace(/…/g, ' ')).filter((w) => !visible.has(w));
        expect(hidden, `${query} -> ${r.page}: excerpt "${r.excerpt}"`).toEqual([]);
      }
      await other.context.close();
    }
  }, 60_000);

  it('a result link opens the question on its page', async () => {
    const results = await search('/en/', 'dropout');
    const link = page.locator('#starlight__search a.pagefind-ui__result-link[href*="#"]').first();
    const href = (await link.getAttribute('href'))!;
    expect(results.map((r) => r.page)).toContain(href);
    await link.click();
    await page.waitForURL((url) => url.pathname + url.hash === href);
    const id = href.split('#')[1]!;
    await expect.poll(() => page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
