/**
 * Site search in the real browser: Starlight's search dialog (Pagefind UI) on the seed build.
 * Word forms (Russian stemming), English words in the English edition, and terms of the other
 * language (glossary keywords indexed with every question).
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
  /** Link of the page result. */
  page: string;
  /** Links of its sub-results (headings: `/topic/#question-id`). */
  anchors: string[];
  /** Highlighted words of all its excerpts. */
  marks: string[];
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
      };
    }),
  );
}

const anchors = (results: Result[]) => results.flatMap((r) => r.anchors);
const show = (results: Result[]) => JSON.stringify(results, null, 1);

describe('search (Pagefind UI in the search dialog)', () => {
  it('finds other Russian word forms: "нормализации" -> questions about нормализация', async () => {
    const results = await search('/', 'нормализации');
    expect(results.length, show(results)).toBeGreaterThan(0);
    // Stemming: a highlighted word is another form of the query (нормализация, батч-нормализац…).
    const forms = results.flatMap((r) => r.marks).filter((m) => m.includes('нормализац'));
    expect(
      forms.some((m) => !m.includes('нормализации')),
      show(results),
    ).toBe(true);
    // The normalisation questions of the fundamentals page.
    expect(results[0]!.page, show(results)).toBe('/fundamentals/');
    expect(
      anchors(results).some((a) => /^\/fundamentals\/#.*(batchnorm|layernorm|normaliz)/.test(a)),
      show(results),
    ).toBe(true);
    for (const a of anchors(results)) expect(a).not.toMatch(/^\/en\//);
  });

  it('crosses languages: "overfitting" in the Russian edition finds the переобучение questions', async () => {
    const results = await search('/', 'overfitting');
    const found = anchors(results);
    // `pereobuchenie-sposoby-borby-s` says only "переобучение": found through the English term.
    expect(found, show(results)).toContain('/fundamentals/#pereobuchenie-sposoby-borby-s');
    expect(found, show(results)).toContain('/fundamentals/#pereobuchenie-overfitting');
    for (const r of results) expect(r.page).not.toMatch(/^\/en\//);
  });

  it('finds English words in the English edition: "dropout"', async () => {
    const results = await search('/en/', 'dropout');
    expect(results.length, show(results)).toBeGreaterThan(0);
    for (const r of results) expect(r.page, show(results)).toMatch(/^\/en\//);
    expect(
      anchors(results).some((a) => /^\/en\/fundamentals\/#.*dropout/.test(a)),
      show(results),
    ).toBe(true);
    expect(
      results.flatMap((r) => r.marks).some((m) => m.includes('dropout')),
      show(results),
    ).toBe(true);
  });

  it('crosses languages: "переобучение" in the English edition finds the overfitting questions', async () => {
    const results = await search('/en/', 'переобучение');
    const found = anchors(results);
    expect(found, show(results)).toContain('/en/fundamentals/#pereobuchenie-sposoby-borby-s');
    expect(found, show(results)).toContain('/en/fundamentals/#pereobuchenie-overfitting');
    for (const r of results) expect(r.page).toMatch(/^\/en\//);
  });

  it('a result link opens the question on its page', async () => {
    const results = await search('/en/', 'dropout');
    const link = page.locator('#starlight__search a.pagefind-ui__result-link[href*="#"]').first();
    const href = (await link.getAttribute('href'))!;
    expect(anchors(results)).toContain(href);
    await link.click();
    await page.waitForURL((url) => url.pathname + url.hash === href);
    const id = href.split('#')[1]!;
    await expect.poll(() => page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
