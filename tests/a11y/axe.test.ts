/**
 * Accessibility of the main pages of both editions, checked by axe-core in the real browser on
 * the seed build: home, a topic page (answers opened, so their content is checked too), a plan
 * page and the question index. Light theme: every axe rule; dark theme: the colour contrast
 * rule (the only theme-dependent one; this keeps the suite fast). Zero serious or critical
 * violations; on failure the list of violations (rule, impact, elements) is printed.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from '../e2e/site.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PAGES = ['/', '/fundamentals/', '/plans/junior/', '/questions/'];
const EDITIONS = ['', '/en'];
const THEMES = ['light', 'dark'] as const;

/**
 * Findings in Starlight's own markup that this project cannot change without replacing the
 * component (a Starlight `components` override in astro.config.mjs). Each one is matched by rule
 * and exact element, so anything else of the same rule still fails.
 */
const UPSTREAM: { rule: string; target: string; why: string }[] = [
  {
    rule: 'label-content-name-mismatch',
    target: 'button[data-open-modal=""]',
    why: 'Starlight search button: aria-label "Search"/"Поиск" while its text also shows the Ctrl K shortcut hint',
  },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string; html: string }[];
}

const site = useSite();
let page: Page;

beforeAll(async () => {
  ({ page } = await site.newPage());
});

/** Runs axe on the current page; returns the serious and critical violations. */
async function audit(rules?: string[]): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const options = only ? { runOnly: { type: 'rule', values: only } } : {};
    const result = await axe.run(document, { ...options, resultTypes: ['violations'] });
    return result.violations;
  }, rules);
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter((n) => !UPSTREAM.some((u) => u.rule === v.id && JSON.stringify(n.target) === JSON.stringify([u.target]))),
    }))
    .filter((v) => v.nodes.length > 0);
}

function report(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s)] ${v.helpUrl}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`)
          .join('\n'),
    )
    .join('\n');
}

describe.each(THEMES)('axe: no serious or critical violations (%s theme)', (theme) => {
  it.each(EDITIONS.flatMap((edition) => PAGES.map((path) => `${edition}${path}`)))('%s', async (path) => {
    // Starlight reads the theme from localStorage before the first paint.
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto(site.url(path));
    expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
    // Check the answers' content too, not only their summaries.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) (d as HTMLDetailsElement).open = true;
    });
    const violations = await audit(theme === 'dark' ? ['color-contrast'] : undefined);
    if (violations.length > 0) console.log(`\naxe ${path} (${theme}):\n${report(violations)}\n`);
    expect(violations.map((v) => `${v.id}: ${v.nodes.length}`), report(violations)).toEqual([]);
  });
});
