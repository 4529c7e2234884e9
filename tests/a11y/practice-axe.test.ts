/**
 * Accessibility of the practice and progress pages (both editions, light and dark themes):
 * axe-core with every rule, after a question is revealed and graded (answer, grades, status and
 * follow-ups shown) and with reviews stored (the progress table and calendar drawn).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from '../e2e/site.ts';
import { audit, openInTheme, report } from './axe.ts';

const site = useSite();
let page: Page;
let ids: string[];

beforeAll(async () => {
  ({ page } = await site.newPage());
  const index: { id: string; hasAnswer: boolean }[] = await (await fetch(site.url('/questions.json'))).json();
  ids = [index.find((q) => q.hasAnswer)!.id, index.find((q) => !q.hasAnswer)!.id];
});

const expectClean = async (label: string) => {
  const violations = await audit(page);
  if (violations.length > 0) console.log(`\naxe ${label}:\n${report(violations)}\n`);
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.length}`),
    report(violations),
  ).toEqual([]);
};

describe('axe: practice and progress pages', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const edition of ['', '/en']) {
      it(`${edition}/practice/ (${theme}): chooser, question, revealed and graded`, async () => {
        await openInTheme(page, site.url(`${edition}/practice/`), theme);
        await page.locator('[data-practice-root][data-ready]').waitFor({ state: 'attached' });
        await expectClean(`${edition}/practice/ chooser (${theme})`);

        await openInTheme(page, site.url(`${edition}/practice/?q=${ids.join(',')}`), theme);
        await page.locator('[data-practice-root][data-ready]').waitFor({ state: 'attached' });
        await expectClean(`${edition}/practice/?q= question (${theme})`);
        await page.keyboard.press('Space');
        await page.locator('[data-practice-grades]').waitFor({ state: 'visible' });
        await page.keyboard.press('3');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('Space');
        await page.locator('[data-practice-grades]').waitFor({ state: 'visible' });
        await expectClean(`${edition}/practice/?q= revealed (${theme})`);
      });

      it(`${edition}/progress/ (${theme}) with reviews`, async () => {
        await openInTheme(page, site.url(`${edition}/progress/`), theme);
        await page.locator('[data-progress-root][data-ready]').waitFor({ state: 'attached' });
        expect(await page.locator('[data-progress-calendar] svg rect').count()).toBeGreaterThan(100);
        await expectClean(`${edition}/progress/ (${theme})`);
      });
    }
  }
});
