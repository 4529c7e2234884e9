/**
 * Prep plan progress in the real browser: ticks survive a reload (localStorage `hb-plan:<plan>`),
 * are shared by both editions, round-trip through export (a download) and import (a file
 * chosen in the file input), and reset clears them after a confirmation.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from './site.ts';

const site = useSite();
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ context, page, errors } = await site.newPage({ acceptDownloads: true }));
});

const checks = () => page.locator('input[data-plan-check]');
const progress = () => page.locator('[data-plan-progress]');
const done = async () => Number(await progress().getAttribute('data-done'));
const checkedIds = () =>
  page
    .locator('input[data-plan-check]')
    .evaluateAll((els) =>
      els.filter((el) => (el as HTMLInputElement).checked).map((el) => (el as HTMLInputElement).dataset.planCheck!),
    );
const stored = () =>
  page.evaluate(
    () => JSON.parse(localStorage.getItem('hb-plan:junior') ?? 'null') as { done: Record<string, string> } | null,
  );

describe('plan progress (/plans/junior/)', () => {
  let ids: string[];

  it('ticks survive a reload and show in the other edition', async () => {
    await page.goto(site.url('/plans/junior/'));
    const total = await checks().count();
    expect(total).toBeGreaterThan(3);
    expect(await progress().getAttribute('data-total')).toBe(String(total));
    expect(await done()).toBe(0);
    ids = await checks().evaluateAll((els) => els.map((el) => (el as HTMLInputElement).dataset.planCheck!));

    await checks().nth(0).check();
    await checks().nth(2).check();
    await expect.poll(done).toBe(2);
    expect(await progress().innerText()).toContain(`2`);
    expect(await page.locator('progress[data-plan-bar]').evaluate((el) => (el as HTMLProgressElement).value)).toBe(2);
    expect(Object.keys((await stored())!.done).sort()).toEqual([ids[0], ids[2]].sort());

    await page.reload();
    await expect.poll(done).toBe(2);
    expect(await checkedIds()).toEqual([ids[0], ids[2]]);

    // Unticking is saved too.
    await checks().nth(2).uncheck();
    await expect.poll(done).toBe(1);
    await page.reload();
    await expect.poll(done).toBe(1);
    expect(await checkedIds()).toEqual([ids[0]]);

    // Same key, same ids: the English edition shows the same progress.
    await page.goto(site.url('/en/plans/junior/'));
    await expect.poll(done).toBe(1);
    expect(await checkedIds()).toEqual([ids[0]]);
    expect(await progress().innerText()).toMatch(/1/);
  });

  it('export downloads the progress; reset clears it; import restores it', async () => {
    await page.goto(site.url('/plans/junior/'));
    await checks().nth(1).check();
    await expect.poll(done).toBe(2);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-plan-export]')]);
    expect(download.suggestedFilename()).toBe('plan-junior-progress.json');
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ format: 'hb-plan-progress', version: 1, plan: 'junior' });
    expect(Object.keys(exported.done).sort()).toEqual([ids[0], ids[1]].sort());

    // Reset asks first: dismissing keeps the ticks, accepting clears them.
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.click('[data-plan-reset]');
    expect(await done()).toBe(2);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('[data-plan-reset]');
    await expect.poll(done).toBe(0);
    expect(await checkedIds()).toEqual([]);
    expect(await stored()).toBeNull();
    await page.reload();
    await expect.poll(done).toBe(0);

    // Import the exported file.
    await page.setInputFiles('input[data-plan-import]', {
      name: 'plan-junior-progress.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await expect.poll(done).toBe(2);
    expect((await checkedIds()).sort()).toEqual([ids[0], ids[1]].sort());
    expect(await page.locator('[data-plan-status]').innerText()).toMatch(/2/);
    await page.reload();
    await expect.poll(done).toBe(2);
    expect((await checkedIds()).sort()).toEqual([ids[0], ids[1]].sort());
  });

  it('a file that is not plan progress is refused with a message and changes nothing', async () => {
    await page.goto(site.url('/plans/junior/'));
    await expect.poll(done).toBe(2);
    await page.setInputFiles('input[data-plan-import]', {
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('[1, 2'),
    });
    await expect.poll(() => page.locator('[data-plan-status]').innerText()).not.toBe('');
    expect(await done()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });
});
