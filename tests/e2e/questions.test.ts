/**
 * Questions on topic pages in the real browser: the answer toggle, arriving by deep link and by
 * permalink (in view, outlined), `?answer=1`, switching the edition with Starlight's language
 * picker (same question), and printing (answers expanded, no site chrome).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { topInViewport, useSite } from './site.ts';

const site = useSite();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await site.newPage());
});

const question = (id: string) => `section.hb-question[data-question-id="${id}"]`;

/** Path of the topic page holding a question (topics split into parts by size: `/fundamentals/2/`). */
const index: { id: string; url: Record<'ru' | 'en', string>; hasAnswer: boolean }[] = JSON.parse(
  readFileSync(join(inject('seedSite').dist, 'questions.json'), 'utf8'),
);
const pageOf = (id: string, lang: 'ru' | 'en' = 'ru') => index.find((e) => e.id === id)!.url[lang].split('#')[0];

/** Waits until the question is the outlined arrival target and its heading is in view. */
async function expectArrivedAt(id: string): Promise<void> {
  await page.locator(`${question(id)}.hb-question--target`).waitFor();
  await expect.poll(async () => (await topInViewport(page, `${question(id)} h3`)).inside, { timeout: 5000 }).toBe(true);
  expect(await page.locator('.hb-question--target').count()).toBe(1);
  const outline = await page.locator(question(id)).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
}

describe('answer toggle', () => {
  it('opens and closes the answer', async () => {
    await page.goto(site.url(pageOf('adam-sgd')));
    const details = page.locator(`${question('adam-sgd')} details.hb-answer`);
    const body = details.locator('.hb-answer__body');
    expect(await details.getAttribute('open')).toBeNull();
    expect(await body.isVisible()).toBe(false);

    await details.locator('> summary').click();
    await expect.poll(() => body.isVisible()).toBe(true);
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await body.innerText()).toMatch(/SGD/);

    await details.locator('> summary').click();
    await expect.poll(() => body.isVisible()).toBe(false);
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
  });
});

describe('arriving at a question', () => {
  it('a deep link /fundamentals/#<id> scrolls to the question and outlines it', async () => {
    await page.goto(site.url(`${pageOf('adam-sgd')}#adam-sgd`));
    await expectArrivedAt('adam-sgd');
    // A plain deep link leaves the answer closed.
    expect(await page.locator(`${question('adam-sgd')} details.hb-answer`).getAttribute('open')).toBeNull();
    // The question is far down the page: arriving really scrolled.
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  });

  it('a permalink /q/<id>/ forwards to the question on its page', async () => {
    await page.goto(site.url('/q/xavier-he-initialization/'));
    await page.waitForURL(
      (url) => url.pathname === pageOf('xavier-he-initialization') && url.hash === '#xavier-he-initialization',
    );
    await expectArrivedAt('xavier-he-initialization');
    expect(
      await page.locator(`${question('xavier-he-initialization')} details.hb-answer`).getAttribute('open'),
    ).toBeNull();
  });

  it('?answer=1 on a permalink opens the answer', async () => {
    await page.goto(site.url('/q/xavier-he-initialization/?answer=1'));
    await page.waitForURL(
      (url) =>
        url.pathname === pageOf('xavier-he-initialization') &&
        url.search === '?answer=1' &&
        url.hash === '#xavier-he-initialization',
    );
    await expectArrivedAt('xavier-he-initialization');
    const details = page.locator(`${question('xavier-he-initialization')} details.hb-answer`);
    expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await details.locator('.hb-answer__body').isVisible()).toBe(true);
    // Only that question's answer.
    expect(await page.locator('details.hb-answer[open]').count()).toBe(1);
  });

  it('?answer=1 on a topic page deep link and the English permalink', async () => {
    await page.goto(site.url(`${pageOf('adam-sgd')}?answer=1#adam-sgd`));
    await expectArrivedAt('adam-sgd');
    expect(
      await page.locator(`${question('adam-sgd')} details.hb-answer`).evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(true);

    await page.goto(site.url('/en/q/adam-sgd/?answer=1'));
    await page.waitForURL((url) => url.pathname === pageOf('adam-sgd', 'en') && url.hash === '#adam-sgd');
    await expectArrivedAt('adam-sgd');
    expect(
      await page.locator(`${question('adam-sgd')} details.hb-answer`).evaluate((d) => (d as HTMLDetailsElement).open),
    ).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});

describe('switching the edition', () => {
  it('the language picker keeps the question (same anchor on /en/…) and back', async () => {
    const id = 'batchnorm-vremya-train-inference';
    await page.goto(site.url(`${pageOf(id)}#${id}`));
    await expectArrivedAt(id);
    const picker = page.locator('header starlight-lang-select select');
    await picker.selectOption({ label: 'English' });
    await page.waitForURL((url) => url.pathname === pageOf(id, 'en') && url.hash === `#${id}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectArrivedAt(id);
    expect(await page.locator(`${question(id)} h3`).innerText()).toMatch(/BatchNorm/);

    await page.locator('header starlight-lang-select select').selectOption({ label: 'Русский' });
    await page.waitForURL((url) => url.pathname === pageOf(id) && url.hash === `#${id}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await expectArrivedAt(id);
  });
});

describe('printing', () => {
  it('shows every answer expanded and hides header, sidebar, search and theme switch', async () => {
    // The page with the most answers, and exactly that many answers on it.
    const answered = new Map<string, number>();
    for (const e of index) if (e.hasAnswer) answered.set(pageOf(e.id), (answered.get(pageOf(e.id)) ?? 0) + 1);
    const [busiest, expected] = [...answered].sort((a, b) => b[1] - a[1])[0];
    expect(expected).toBeGreaterThan(3);
    const onPage = index.find((e) => e.hasAnswer && pageOf(e.id) === busiest)!.id;
    await page.goto(site.url(busiest));
    const answers = page.locator('details.hb-answer');
    const n = await answers.count();
    expect(n).toBe(expected);
    const bodies = page.locator('details.hb-answer > .hb-answer__body');
    expect(await bodies.first().isVisible()).toBe(false);
    const chrome = [
      'header.header',
      '#starlight__sidebar',
      'site-search',
      'starlight-theme-select',
      'starlight-lang-select',
      '.right-sidebar-container',
    ];
    for (const selector of chrome)
      expect(await page.locator(selector).first().isVisible(), `${selector} on screen`).toBe(true);

    await page.emulateMedia({ media: 'print' });
    try {
      // Every answer body is rendered with its text (closed <details> included).
      const hidden = await bodies.evaluateAll(
        (els) =>
          els.filter(
            (el) =>
              !(el as HTMLElement).checkVisibility() ||
              el.getBoundingClientRect().height === 0 ||
              !(el as HTMLElement).innerText.trim(),
          ).length,
      );
      expect(hidden, 'answer bodies not shown in print').toBe(0);
      expect(await bodies.count()).toBe(n);
      expect(await page.locator('details.hb-answer > summary').first().isVisible()).toBe(false);
      for (const selector of chrome) {
        const visible = await page
          .locator(selector)
          .evaluateAll((els) => els.filter((el) => (el as HTMLElement).checkVisibility()).length);
        expect(visible, `${selector} visible in print`).toBe(0);
      }
      // The questions themselves are still there.
      expect(await page.locator(`${question(onPage)} h3`).isVisible()).toBe(true);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(await bodies.first().isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});
