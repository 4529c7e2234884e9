/**
 * Accessibility of the main pages of both editions, checked by axe-core (every rule) in the real
 * browser on the seed build: home, a topic page (answers opened, so their content is checked
 * too), a plan page and the question index. Zero serious or critical violations; on failure the
 * list of violations (rule, impact, elements) is printed. Dark theme: axe-dark.test.ts.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from '../e2e/site.ts';
import { audit, openInTheme, report } from './axe.ts';

const PAGES = ['/', '/fundamentals/', '/plans/junior/', '/questions/'];

const site = useSite();
let page: Page;

beforeAll(async () => {
  ({ page } = await site.newPage());
});

describe('axe: no serious or critical violations (light theme)', () => {
  it.each(['', '/en'].flatMap((edition) => PAGES.map((path) => `${edition}${path}`)))('%s', async (path) => {
    await openInTheme(page, site.url(path), 'light');
    const violations = await audit(page);
    if (violations.length > 0) console.log(`\naxe ${path} (light):\n${report(violations)}\n`);
    expect(
      violations.map((v) => `${v.id}: ${v.nodes.length}`),
      report(violations),
    ).toEqual([]);
  });
});
