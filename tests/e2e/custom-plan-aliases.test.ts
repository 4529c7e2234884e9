/**
 * A custom plan link keeps working after the handbook is reorganised: a small fixture project
 * (one native-Markdown source, tests/fixtures/custom-plan/) whose id lock renames two published
 * ids, keeping the old ones as aliases, as a maintainer does (content/ids.lock.json). A link
 * with the old ids opens the plan with the current questions, in Chromium; the ticks are kept over
 * a reload and shared with the link of the current ids; the sheet and its PDF resolve them too.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, ingestIn, projectCopy } from '../helpers/project-copy.ts';
import { sheetQuestions } from '../../tools/pdf/plans.ts';
import type { LockEntry } from '../../src/ingest/id-lock.ts';
import { customPlanItems, useSite } from './site.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/custom-plan/reorganised.md');
const dir = projectCopy(`custom-plan-aliases-${process.pid}`);
let dist = '';
/** Current id by question title, and the old ids the lock keeps for two of them. */
const ids: Record<'dropout' | 'decay' | 'inputs', string> = { dropout: '', decay: '', inputs: '' };
const OLD = { dropout: 'chto-takoe-dropout', decay: 'weight-decay-old' };

beforeAll(async () => {
  // Only the fixture source: the seed data files that name seed questions go.
  const content = join(dir, 'content');
  for (const folder of ['sources', 'answers', 'translations', 'plans']) {
    rmSync(join(content, folder), { recursive: true, force: true });
    mkdirSync(join(content, folder));
  }
  rmSync(join(content, 'relations.yaml'));
  writeFileSync(join(content, 'ids.lock.json'), '{ "version": 1, "questions": [] }\n');
  copyFileSync(FIXTURE, join(content, 'sources/reorganised.md'));
  await ingestIn(dir);
  // The reorganisation: two ids renamed in the lock, the published ones kept as aliases.
  const lockPath = join(content, 'ids.lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { version: 1; questions: LockEntry[] };
  const entry = (title: string) => lock.questions.find((e) => e.title === title)!;
  for (const [key, title, current] of [
    ['dropout', 'What is dropout?', 'dropout-regularization'],
    ['decay', 'What does weight decay do?', 'weight-decay'],
  ] as const) {
    const e = entry(title);
    e.aliases = [OLD[key]];
    e.id = current;
    ids[key] = current;
  }
  ids.inputs = entry('Why normalise the inputs?').id;
  writeFileSync(lockPath, JSON.stringify(lock, null, 2));
  ({ dist } = await buildProject(dir));
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const site = useSite(() => dist);
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await site.newPage());
});

const items = () => customPlanItems(page);

describe('a custom plan link with old ids', () => {
  const oldLink = () => `/en/plans/custom/?q=${OLD.decay},${ids.inputs},${OLD.dropout}&title=Shared+before`;

  it('the build knows the aliases', () => {
    const published = JSON.parse(readFileSync(join(dist, 'questions.json'), 'utf8')) as {
      id: string;
      aliases?: string[];
    }[];
    expect(published.find((q) => q.id === ids.dropout)?.aliases).toEqual([OLD.dropout]);
    expect(published.find((q) => q.id === ids.decay)?.aliases).toEqual([OLD.decay]);
  });

  it('opens the plan with the current questions, in the order of the link', async () => {
    await page.goto(site.url(oldLink()));
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    expect(await items()).toEqual([ids.decay, ids.inputs, ids.dropout]);
    expect(await page.locator('[data-custom-unknown]').isHidden()).toBe(true);
    expect(await page.locator(`[data-plan-item="${ids.dropout}"] a[data-plan-title]`).getAttribute('href')).toBe(
      `/en/q/${ids.dropout}/`,
    );
    expect(await page.locator('[data-custom-yaml]').innerText()).toContain(
      `questions: [${ids.decay}, ${ids.inputs}, ${ids.dropout}]`,
    );
    expect(await page.locator('[data-plan-summary]').innerText()).toBe('Questions: 3, time: 10 min');
  });

  it('keeps a tick over a reload, shared with the link of the current ids', async () => {
    await page.locator(`[data-plan-check="${ids.dropout}"]`).check();
    await expect.poll(() => page.locator('[data-plan-progress]').getAttribute('data-done')).toBe('1');
    await page.reload();
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    await expect.poll(() => page.locator(`[data-plan-check="${ids.dropout}"]`).isChecked()).toBe(true);
    expect(await page.locator(`[data-plan-check="${ids.decay}"]`).isChecked()).toBe(false);
    await page.goto(site.url(`/plans/custom/?q=${ids.decay},${ids.inputs},${ids.dropout}`));
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    await expect.poll(() => page.locator(`[data-plan-check="${ids.dropout}"]`).isChecked()).toBe(true);
    expect(await page.locator('[data-plan-progress]').getAttribute('data-done')).toBe('1');
  });

  it('opens the sheet with the current questions; the sheet PDF resolves the old ids too', async () => {
    await page.goto(site.url(oldLink()));
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    await page.locator('[data-plan-sheet]').click();
    await page.locator('[data-custom-sheet][data-ready]').waitFor({ state: 'attached' });
    expect(
      await page
        .locator('[data-sheet-question]')
        .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.sheetQuestion)),
    ).toEqual([ids.decay, ids.inputs, ids.dropout]);
    expect(await page.locator(`[data-sheet-question="${ids.dropout}"] [data-sheet-followups]`).innerText()).toContain(
      'Why scale the kept activations',
    );
    expect(sheetQuestions([OLD.dropout, ids.dropout, OLD.decay], join(dist, 'questions.json'))).toEqual([
      ids.dropout,
      ids.decay,
    ]);
    expect(errors).toEqual([]);
  });
});
