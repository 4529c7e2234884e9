/**
 * The question index (`/questions/`, `/en/questions/`) in the real browser: the text, topic,
 * level and answer filters alone and combined, the count, the query string mirror and a linked
 * filtered view. Expected rows come from the build's `questions.json`, not from the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { useSite } from './site.ts';

interface Entry {
  id: string;
  topic: string;
  title: { ru: string; en: string };
  levels: string[];
  hasAnswer: boolean;
  source: { file: string };
}
const questions = JSON.parse(readFileSync(join(inject('seedSite').dist, 'questions.json'), 'utf8')) as Entry[];

const site = useSite();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await site.newPage());
});

const count = (p: Page) => p.locator('[data-index-count]');
const shownRows = () =>
  page
    .locator('[data-question-index] tbody tr')
    .evaluateAll((rows) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLElement).dataset.id!));

/** Waits until exactly the rows of `ids` are shown (the text filter is debounced); checks the count. */
async function expectShown(ids: string[]): Promise<void> {
  await expect.poll(async () => (await shownRows()).sort()).toEqual([...ids].sort());
  expect(await count(page).getAttribute('data-shown')).toBe(String(ids.length));
  expect(await count(page).innerText()).toContain(String(ids.length));
  expect(await count(page).innerText()).toContain(String(questions.length));
}

const select = (name: string, value: string) => page.selectOption(`[data-filter="${name}"]`, value);
const ids = (keep: (q: Entry) => boolean) => questions.filter(keep).map((q) => q.id);

/**
 * What the text filter searches in a row, built from questions.json and the page's own topic
 * and source names (the filter options): title, id, topic and source, lower-cased.
 */
async function haystacks(lang: 'ru' | 'en'): Promise<(q: Entry) => string> {
  const labels = async (name: string) =>
    new Map(
      await page
        .locator(`[data-filter="${name}"] option`)
        .evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ''] as const)),
    );
  const topics = await labels('topic');
  const sources = await labels('source');
  return (q) => `${q.title[lang]} ${q.id} ${topics.get(q.topic)} ${sources.get(q.source.file)}`.toLowerCase();
}

describe('question index filters', () => {
  it('lists every question, with the right row data', async () => {
    await page.goto(site.url('/questions/'));
    expect(await count(page).getAttribute('data-total')).toBe(String(questions.length));
    await expectShown(questions.map((q) => q.id));
    const answered = await page.locator('tbody tr[data-answered="1"]').count();
    expect(answered).toBe(questions.filter((q) => q.hasAnswer).length);
    expect(answered).toBeGreaterThan(0);
  });

  it('filters by topic, level and answer, alone and combined; the query string follows', async () => {
    await page.goto(site.url('/questions/'));
    await select('topic', 'detection');
    await expectShown(ids((q) => q.topic === 'detection'));
    expect(new URL(page.url()).searchParams.get('topic')).toBe('detection');

    await select('topic', '');
    await select('level', 'junior');
    const junior = ids((q) => q.levels.includes('junior'));
    expect(junior.length).toBeGreaterThan(0);
    await expectShown(junior);

    await select('level', '');
    await select('answered', '1');
    await expectShown(ids((q) => q.hasAnswer));
    await select('answered', '0');
    await expectShown(ids((q) => !q.hasAnswer));

    // Combined: topic + level + answered.
    await select('answered', '1');
    await select('topic', 'fundamentals');
    await select('level', 'senior');
    const combined = ids((q) => q.topic === 'fundamentals' && q.levels.includes('senior') && q.hasAnswer);
    expect(combined.length).toBeGreaterThan(0);
    await expectShown(combined);
    const query = new URL(page.url()).searchParams;
    expect(Object.fromEntries(query)).toEqual({ topic: 'fundamentals', level: 'senior', answered: '1' });

    // A filter that matches nothing: no senior python-sql question in the outline.
    await select('topic', 'python-sql');
    const none = ids((q) => q.topic === 'python-sql' && q.levels.includes('senior') && q.hasAnswer);
    expect(none).toEqual([]);
    await expectShown(none);
  });

  it('filters by text (title, id, topic, source; case-insensitive; ё = е), also with the other filters', async () => {
    await page.goto(site.url('/questions/'));
    const text = await haystacks('ru');
    await page.fill('[data-filter="text"]', 'BatchNorm');
    const batchnorm = ids((q) => text(q).includes('batchnorm'));
    expect(batchnorm.length).toBeGreaterThan(2);
    await expectShown(batchnorm);
    expect(new URL(page.url()).searchParams.get('q')).toBe('BatchNorm');

    // Several words: each must match.
    await page.fill('[data-filter="text"]', 'batchnorm inference');
    const both = ids((q) => text(q).includes('batchnorm') && text(q).includes('inference'));
    expect(both.length).toBeLessThan(batchnorm.length);
    await expectShown(both);

    // ё and е are the same letter for the filter ("распространённый").
    await page.fill('[data-filter="text"]', 'распространенный');
    const yo = ids((q) => text(q).replaceAll('ё', 'е').includes('распространенный'));
    expect(yo).toContain('pytorch-ddp-training-common-layer-behave');
    await expectShown(yo);

    // Text and a select together.
    await page.fill('[data-filter="text"]', 'batchnorm');
    await select('answered', '1');
    const answered = ids((q) => q.hasAnswer && text(q).includes('batchnorm'));
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.length).toBeLessThan(batchnorm.length);
    await expectShown(answered);

    await page.fill('[data-filter="text"]', 'zzzz-no-such-question');
    await expectShown([]);
    await page.fill('[data-filter="text"]', '');
    await select('answered', '');
    await expectShown(questions.map((q) => q.id));
    expect(new URL(page.url()).search).toBe('');
  });

  it('a linked filtered view applies its filters on load (English edition)', async () => {
    await page.goto(site.url('/en/questions/?topic=transformers&level=senior&answered=1&q=BERT'));
    expect(await page.locator('[data-filter="topic"]').inputValue()).toBe('transformers');
    expect(await page.locator('[data-filter="level"]').inputValue()).toBe('senior');
    expect(await page.locator('[data-filter="answered"]').inputValue()).toBe('1');
    expect(await page.locator('[data-filter="text"]').inputValue()).toBe('BERT');
    const text = await haystacks('en');
    const expected = ids(
      (q) => q.topic === 'transformers' && q.levels.includes('senior') && q.hasAnswer && text(q).includes('bert'),
    );
    expect(expected.length).toBeGreaterThan(0);
    await expectShown(expected);
    expect(await count(page).innerText()).toMatch(/^Showing/);
    expect(errors).toEqual([]);
  });
});
