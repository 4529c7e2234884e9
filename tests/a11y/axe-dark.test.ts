/**
 * The dark theme: axe's colour contrast rule (the only theme-dependent one) on the main pages.
 * The topic page, the slowest to check, is checked in the Russian edition only: both editions
 * share its markup and styles.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from '../e2e/site.ts';
import { audit, openInTheme, report } from './axe.ts';

const PAGES = ['/', '/fundamentals/', '/plans/junior/', '/questions/', '/en/', '/en/plans/junior/', '/en/questions/'];

const site = useSite();
let page: Page;

beforeAll(async () => {
  ({ page } = await site.newPage());
});

describe('axe: colour contrast in the dark theme', () => {
  it.each(PAGES)('%s', async (path) => {
    await openInTheme(page, site.url(path), 'dark');
    const violations = await audit(page, ['color-contrast']);
    if (violations.length > 0) console.log(`\naxe ${path} (dark):\n${report(violations)}\n`);
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.length}`),
      report(violations),
    ).toEqual([]);
  });
});
