/**
 * axe-core in the real browser: inject it into a page, run it, keep the serious and critical
 * violations and format them for a failure message.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Findings in Starlight's own markup that this project cannot change without replacing the
 * component (a Starlight `components` override in astro.config.mjs). Each one is matched by rule
 * and exact element, so anything else of the same rule still fails.
 */
export const UPSTREAM: { rule: string; target: string; why: string }[] = [
  {
    rule: 'label-content-name-mismatch',
    target: 'button[data-open-modal=""]',
    why: 'Starlight search button: aria-label "Search"/"Поиск" while its text also shows the Ctrl K shortcut hint',
  },
];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string; html: string }[];
}

const themed = new WeakMap<Page, string>();

/** Opens `url` in `theme` (Starlight reads localStorage `starlight-theme` before the first paint). */
export async function openInTheme(page: Page, url: string, theme: 'light' | 'dark'): Promise<void> {
  if (themed.get(page) !== theme) {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    themed.set(page, theme);
  }
  await page.goto(url);
  const actual = await page.locator('html').getAttribute('data-theme');
  if (actual !== theme) throw new Error(`${url}: expected data-theme="${theme}", got "${actual}"`);
  // Check the answers' content (and the originals) too, not only their summaries.
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) (d as HTMLDetailsElement).open = true;
  });
}

/** Runs axe (all rules, or only `rules`) on the page; returns the serious and critical violations. */
export async function audit(page: Page, rules?: string[]): Promise<Violation[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (only) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const options = only ? { runOnly: { type: 'rule', values: only } } : {};
    const result = await axe.run(document, { ...options, resultTypes: ['violations'] });
    return result.violations;
  }, rules);
  return (violations as Violation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter(
        (n) => !UPSTREAM.some((u) => u.rule === v.id && JSON.stringify(n.target) === JSON.stringify([u.target])),
      ),
    }))
    .filter((v) => v.nodes.length > 0);
}

/** One line per violation, then up to five of its elements with axe's summary. */
export function report(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help} [${v.nodes.length} element(s)] ${v.helpUrl}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replaceAll('\n', '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n');
}
