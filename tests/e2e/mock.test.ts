/**
 * The mock-interview page in the real browser: a draw is stable for one seed and changes with
 * another, fits the level and its minutes, the URL reproduces it, the per-question timer runs and
 * follow-ups are revealed one by one.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawQuestions, seedHash } from '../../src/scripts/mock-draw.ts';
import { useSite } from './site.ts';

const site = useSite();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await site.newPage());
});

const drawn = () =>
  page.locator('[data-mock-item]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.mockItem!));

async function open(query: string): Promise<string[]> {
  await page.goto(site.url(`/plans/mock/${query}`));
  await page.locator('[data-mock-item]').first().waitFor();
  return drawn();
}

describe('draw (unit)', () => {
  const pool = Array.from({ length: 40 }, (_, i) => ({
    id: `q${i}`,
    levels: i < 20 ? ['junior'] : [],
    minutes: 1 + (i % 4),
  }));
  it('is a function of the seed and respects level and minutes', () => {
    const a = drawQuestions(pool, { level: 'junior', minutes: 15, seed: 'abc' });
    expect(drawQuestions(pool, { level: 'junior', minutes: 15, seed: 'abc' })).toEqual(a);
    expect(drawQuestions(pool, { level: 'junior', minutes: 15, seed: 'abd' })).not.toEqual(a);
    expect(a.every((q) => q.levels.includes('junior'))).toBe(true);
    expect(a.reduce((n, q) => n + q.minutes, 0)).toBeLessThanOrEqual(15);
    expect(seedHash('abc')).not.toBe(seedHash('abd'));
  });
});

describe('mock interview page', () => {
  it('draws the same questions for one seed and others for another', async () => {
    const first = await open('?level=middle&minutes=20&seed=alpha');
    expect(first.length).toBeGreaterThan(3);
    expect(await open('?level=middle&minutes=20&seed=alpha')).toEqual(first);
    const other = await open('?level=middle&minutes=20&seed=beta');
    expect(other).not.toEqual(first);
    expect(site.path(page)).toBe('/plans/mock/?level=middle&minutes=20&seed=beta');
    expect(await page.locator('[data-mock-summary]').innerText()).toMatch(/из 20/);
    expect(errors).toEqual([]);
  });

  it('gives a level its own time by default and writes a seed into the URL', async () => {
    await page.goto(site.url('/en/plans/mock/?level=junior'));
    await page.locator('[data-mock-item]').first().waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('minutes')).toBe('38');
    const seed = url.searchParams.get('seed');
    expect(seed).toMatch(/^[a-z0-9]{6}$/);
    const ids = await drawn();
    await page.goto(page.url());
    await page.locator('[data-mock-item]').first().waitFor();
    expect(await drawn()).toEqual(ids);
    expect(await page.locator('[data-mock-share]').getAttribute('href')).toContain(`seed=${seed}`);
  });

  it('redraws with the form', async () => {
    const before = await open('?minutes=30&seed=gamma');
    await page.locator('[data-mock-redraw]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('seed')).not.toBe('gamma');
    expect(await drawn()).not.toEqual(before);
  });

  it('runs a per-question timer and reveals follow-ups one by one', async () => {
    await open('?level=senior&minutes=30&seed=delta');
    const item = page.locator('[data-mock-item]').first();
    await item.locator('[data-mock-timer]').click();
    await expect
      .poll(async () => Number(await item.locator('[data-mock-time]').getAttribute('data-seconds')), { timeout: 5000 })
      .toBeGreaterThanOrEqual(1);
    // Starting the second question's timer pauses the first.
    const second = page.locator('[data-mock-item]').nth(1);
    await second.locator('[data-mock-timer]').click();
    expect(await item.getAttribute('data-mock-running')).toBeNull();
    expect(await second.getAttribute('data-mock-running')).toBe('');

    const followUps = item.locator('[data-mock-followups] li');
    expect(await followUps.count()).toBe(0);
    await item.locator('[data-mock-reveal]').click();
    expect(await followUps.count()).toBe(1);
    await item.locator('[data-mock-reveal]').click();
    expect(await followUps.count()).toBe(2);
    expect(await item.locator('[data-mock-reveal]').innerText()).toMatch(/2 из 3/);
    expect(errors).toEqual([]);
  });
});
