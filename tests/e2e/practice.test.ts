/**
 * Practice and spaced repetition in the real browser (src/scripts/practice.ts, srs.ts,
 * progress.ts): reveal and grade with the keyboard; the due dates stored are the ones ts-fsrs
 * computes for the same grades at the same times; the "due today" queue survives a reload and
 * is the same in both editions; export then import into a fresh profile restores the progress
 * and plan checkboxes; a foreign, old or broken file is refused and changes nothing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createEmptyCard, fsrs, type Grade } from 'ts-fsrs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSite } from './site.ts';

interface Entry {
  card: { due: string; reps: number; state: number };
  reviews: { at: string; grade: Grade; due: string }[];
}
interface IndexEntry {
  id: string;
  topic: string;
  hasAnswer: boolean;
}

const site = useSite();
let context: BrowserContext;
let page: Page;
let errors: string[];
let answered: IndexEntry;
let unanswered: IndexEntry;

const ready = (p: Page) =>
  p.locator('[data-practice-root][data-ready], [data-progress-root][data-ready]').waitFor({ state: 'attached' });
const stored = (p: Page) =>
  p.evaluate(
    () => JSON.parse(localStorage.getItem('hb-progress') ?? 'null') as { cards: Record<string, Entry> } | null,
  );
const currentId = (p: Page) => p.locator('[data-practice-card]').getAttribute('data-question-id');
const queue = async (p: Page) => (await p.locator('[data-practice-root]').getAttribute('data-ids')) ?? '';

/** The due date ts-fsrs gives a new card graded with `reviews` at their times. */
function replay(reviews: { at: string; grade: Grade }[]): string {
  const scheduler = fsrs();
  let card = createEmptyCard(new Date(reviews[0].at));
  for (const review of reviews) card = scheduler.next(card, new Date(review.at), review.grade).card;
  return card.due.toISOString();
}

beforeAll(async () => {
  ({ context, page, errors } = await site.newPage({ acceptDownloads: true }));
  const index: IndexEntry[] = await (await fetch(site.url('/questions.json'))).json();
  answered = index.find((q) => q.hasAnswer)!;
  unanswered = index.find((q) => !q.hasAnswer)!;
  expect(answered && unanswered).toBeTruthy();
});

describe('practice view', () => {
  it('reveals with Space, grades with 1–4, moves with the arrows; due dates follow ts-fsrs', async () => {
    await page.goto(site.url(`/practice/?q=${answered.id},${unanswered.id}`));
    await ready(page);
    expect(await currentId(page)).toBe(answered.id);
    await expect.poll(() => page.locator('[data-practice-prompt]').count()).toBe(1);
    expect(await page.locator('[data-practice-answer]').isHidden()).toBe(true);
    expect(await page.locator('[data-practice-unanswered]').isHidden()).toBe(true);
    // Grades are not taken before the answer is shown.
    await page.keyboard.press('3');
    expect(await stored(page)).toBeNull();

    await page.keyboard.press('Space');
    await page.locator('[data-practice-answer]').waitFor({ state: 'visible' });
    expect((await page.locator('[data-practice-answer-body]').innerText()).length).toBeGreaterThan(10);
    await page.locator('[data-practice-grades]').waitFor({ state: 'visible' });
    await page.keyboard.press('3');
    await expect.poll(async () => (await stored(page))?.cards[answered.id]?.reviews.length).toBe(1);
    let entry = (await stored(page))!.cards[answered.id];
    expect(entry.reviews[0].grade).toBe(3);
    expect(entry.card.due).toBe(replay(entry.reviews));
    expect(await page.locator('[data-practice-status]').getAttribute('data-due')).toBe(entry.card.due);

    // → the unanswered question: it says the grade is the reader's own judgment.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => currentId(page)).toBe(unanswered.id);
    expect(await page.locator('[data-practice-unanswered]').isVisible()).toBe(true);
    expect(await page.locator('[data-practice-position]').innerText()).toContain('2');
    await page.keyboard.press('Space');
    await page.locator('[data-practice-grades]').waitFor({ state: 'visible' });
    await page.keyboard.press('1');
    await expect.poll(async () => (await stored(page))?.cards[unanswered.id]?.reviews.length).toBe(1);
    const again = (await stored(page))!.cards[unanswered.id];
    expect(again.card.due).toBe(replay(again.reviews));

    // ← back to the first question, graded a second time: the card is updated, not replaced.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => currentId(page)).toBe(answered.id);
    expect(await page.locator('[data-practice-answer]').isHidden()).toBe(true);
    await page.keyboard.press('Space');
    await page.locator('[data-practice-grades]').waitFor({ state: 'visible' });
    await page.keyboard.press('4');
    await expect.poll(async () => (await stored(page))?.cards[answered.id]?.reviews.length).toBe(2);
    entry = (await stored(page))!.cards[answered.id];
    expect(entry.reviews.map((r) => r.grade)).toEqual([3, 4]);
    expect(entry.card.reps).toBe(2);
    expect(entry.card.due).toBe(replay(entry.reviews));
    expect(Date.parse(entry.card.due)).toBeGreaterThan(Date.now() + 86_400_000);
    expect(errors).toEqual([]);
  });

  it('keeps the draft per question and shows follow-ups one by one', async () => {
    await page.goto(site.url(`/practice/?q=${answered.id}`));
    await ready(page);
    await page.fill('[data-practice-draft]', 'my draft answer');
    await page.reload();
    await ready(page);
    expect(await page.inputValue('[data-practice-draft]')).toBe('my draft answer');
    // Typing a space or a digit in the draft neither reveals nor grades.
    await page.focus('[data-practice-draft]');
    await page.keyboard.type(' 1');
    expect(await page.locator('[data-practice-answer]').isHidden()).toBe(true);

    const withFollowUps = await page.evaluate(async () => {
      for (const path of ['/fundamentals/', '/detection/', '/transformers/', '/classical-ml/']) {
        const html = await (await fetch(path)).text();
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const q = [...doc.querySelectorAll('section.hb-question')].find(
          (s) => s.querySelectorAll('.hb-followups li').length >= 2,
        );
        if (q)
          return { id: (q as HTMLElement).dataset.questionId!, count: q.querySelectorAll('.hb-followups li').length };
      }
      return null;
    });
    expect(withFollowUps).not.toBeNull();
    await page.goto(site.url(`/en/practice/?q=${withFollowUps!.id}`));
    await ready(page);
    const next = page.locator('[data-practice-followup-next]');
    await next.waitFor({ state: 'visible' });
    const items = page.locator('[data-practice-followup-list] li');
    expect(await items.count()).toBe(0);
    await next.click();
    expect(await items.count()).toBe(1);
    await next.click();
    expect(await items.count()).toBe(2);
    expect(await next.isHidden()).toBe(withFollowUps!.count === 2);
  });

  it('the due-today queue survives a reload and is shared by / and /en/', async () => {
    // The question graded Again is due in minutes; the one graded Good then Easy is not.
    await page.goto(site.url('/practice/?due=1'));
    await ready(page);
    const ids = (await queue(page)).split(',');
    expect(ids).toContain(unanswered.id);
    expect(ids).not.toContain(answered.id);
    await page.reload();
    await ready(page);
    expect(await queue(page)).toBe(ids.join(','));
    await page.goto(site.url('/en/practice/?due=1'));
    await ready(page);
    expect(await queue(page)).toBe(ids.join(','));
    expect(await currentId(page)).toBe(ids[0]);

    // Per topic, and the counts of the chooser and the home page.
    await page.goto(site.url(`/en/practice/?topic=${unanswered.topic}&due=1`));
    await ready(page);
    expect((await queue(page)).split(',')).toContain(unanswered.id);
    await page.goto(site.url('/en/practice/'));
    await ready(page);
    expect(await page.locator('[data-practice-due-all]').innerText()).toContain(String(ids.length));
    await page.goto(site.url('/'));
    await page.locator('[data-due-root][data-ready]').waitFor({ state: 'attached' });
    expect(await page.locator('[data-due-all]').innerText()).toContain(String(ids.length));
  });
});

describe('sets from the question index and the plans', () => {
  it('practises the questions the index shows, and a plan in plan order', async () => {
    await page.goto(site.url(`/en/questions/?topic=${unanswered.topic}`));
    const link = page.locator('[data-index-practice]');
    await expect.poll(() => link.getAttribute('href')).toMatch(/\?q=/);
    const shown = await page
      .locator('tr[data-id]:not([hidden])')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.id!));
    expect(shown.length).toBeGreaterThan(1);
    await link.click();
    await ready(page);
    expect(new URL(page.url()).pathname).toBe('/en/practice/');
    expect(await queue(page)).toBe(shown.join(','));

    await page.goto(site.url('/plans/junior/'));
    const planIds = await page
      .locator('li[data-plan-item]')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.planItem!));
    await page.click('[data-plan-practice]');
    await ready(page);
    expect(await queue(page)).toBe(planIds.join(','));
    expect(await page.locator('[data-practice-set]').innerText()).toContain(':');
  });
});

describe('progress file', () => {
  let file: string;
  let exported: { format: string; version: number; cards: Record<string, Entry>; plans: Record<string, unknown> };

  it('export then import into a fresh profile restores the progress and plan checkboxes', async () => {
    await page.evaluate(() =>
      localStorage.setItem(
        'hb-plan:junior',
        JSON.stringify({ version: 1, done: { 'some-question': '2026-01-02T03:04:05.000Z' } }),
      ),
    );
    await page.goto(site.url('/progress/'));
    await ready(page);
    expect(await page.locator('[data-progress-summary]').innerText()).toMatch(/2/);
    expect(await page.locator('[data-progress-calendar] svg rect[data-count="3"]').count()).toBe(1);
    // By topic: the two graded questions (3 reviews, one of them Again).
    const topicRow = page.locator(`[data-progress-topics] tr[data-topic="${unanswered.topic}"]`);
    expect(await topicRow.locator('td').first().innerText()).toMatch(/^[12] \//);
    expect(await page.locator('[data-progress-plans] tr[data-plan]').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-progress-export]')]);
    file = (await download.path())!;
    exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported).toMatchObject({ format: 'ml-interview-handbook-progress', version: 1 });
    expect(Object.keys(exported.cards).sort()).toEqual([answered.id, unanswered.id].sort());
    expect(exported.plans.junior).toEqual({ 'some-question': '2026-01-02T03:04:05.000Z' });
    const before = await stored(page);

    const fresh = await site.newPage();
    try {
      await fresh.page.goto(site.url('/en/progress/'));
      await ready(fresh.page);
      expect(await stored(fresh.page)).toBeNull();
      await fresh.page.setInputFiles('[data-progress-import]', file);
      await expect
        .poll(() => fresh.page.locator('[data-progress-status]').getAttribute('data-result'))
        .toBe('imported');
      expect(await stored(fresh.page)).toEqual(before);
      const plan = await fresh.page.evaluate(() => JSON.parse(localStorage.getItem('hb-plan:junior') ?? 'null'));
      expect(plan.done).toEqual({ 'some-question': '2026-01-02T03:04:05.000Z' });
      // The plan page reads its checkboxes from the same file.
      await fresh.page.evaluate(() => localStorage.removeItem('hb-plan:junior'));
      await fresh.page.goto(site.url('/plans/junior/'));
      await fresh.page.setInputFiles('[data-plan-import]', file);
      await expect
        .poll(() => fresh.page.evaluate(() => JSON.parse(localStorage.getItem('hb-plan:junior') ?? 'null')?.done))
        .toEqual({ 'some-question': '2026-01-02T03:04:05.000Z' });
      await fresh.page.goto(site.url('/practice/?due=1'));
      await ready(fresh.page);
      expect(await queue(fresh.page)).toBe(
        await (async () => {
          await page.goto(site.url('/practice/?due=1'));
          await ready(page);
          return queue(page);
        })(),
      );
      // Importing the same file again changes nothing (merge by the latest review).
      await fresh.page.goto(site.url('/progress/'));
      await ready(fresh.page);
      await fresh.page.setInputFiles('[data-progress-import]', file);
      await expect
        .poll(() => fresh.page.locator('[data-progress-status]').getAttribute('data-result'))
        .toBe('imported');
      expect(await stored(fresh.page)).toEqual(before);
      expect(fresh.errors).toEqual([]);
    } finally {
      await fresh.context.close();
    }
  });

  it('merges by the latest review per question', async () => {
    const later = structuredClone(exported);
    const entry = later.cards[answered.id];
    const at = new Date(Date.now() + 60_000).toISOString();
    entry.reviews.push({ at, grade: 1, due: at });
    entry.card = { ...entry.card, due: at, reps: entry.card.reps + 1 };
    (entry.card as { last_review?: string }).last_review = at;
    const older = structuredClone(exported);
    older.cards[unanswered.id].reviews[0].at = '2020-01-01T00:00:00.000Z';
    older.cards[unanswered.id].card.due = '2099-01-01T00:00:00.000Z';
    (older.cards[unanswered.id].card as { last_review?: string }).last_review = '2020-01-01T00:00:00.000Z';
    const merged = join(tmpdir(), `hb-merge-${process.pid}.json`);
    await writeFile(
      merged,
      JSON.stringify({ ...later, cards: { ...later.cards, [unanswered.id]: older.cards[unanswered.id] } }),
    );
    const before = (await stored(page))!;
    await page.goto(site.url('/progress/'));
    await ready(page);
    await page.setInputFiles('[data-progress-import]', merged);
    await expect.poll(() => page.locator('[data-progress-status]').getAttribute('data-result')).toBe('imported');
    const after = (await stored(page))!;
    // The file's later review of one question wins; the local later review of the other stays.
    expect(after.cards[answered.id].card.due).toBe(at);
    expect(after.cards[answered.id].reviews).toHaveLength(3);
    expect(after.cards[unanswered.id].card).toEqual(before.cards[unanswered.id].card);
    expect(after.cards[unanswered.id].reviews).toHaveLength(2);
  });

  it('refuses a foreign, old or broken file with a message and changes nothing', async () => {
    await page.goto(site.url('/en/progress/'));
    await ready(page);
    const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    const cases: [string, string][] = [
      ['json', 'not json {'],
      ['format', JSON.stringify({ format: 'hb-plan-progress', version: 1, plan: 'junior', done: {} })],
      ['format', JSON.stringify([1, 2, 3])],
      ['version', JSON.stringify({ ...exported, version: 0 })],
      ['damaged', JSON.stringify({ ...exported, cards: { x: { card: { due: 'soon' }, reviews: [] } } })],
    ];
    for (const [i, [error, text]] of cases.entries()) {
      const path = join(tmpdir(), `hb-bad-${process.pid}-${i}.json`);
      await writeFile(path, text);
      await page.setInputFiles('[data-progress-import]', path);
      await expect.poll(() => page.locator('[data-progress-status]').getAttribute('data-result')).toBe(error);
      expect(await page.locator('[data-progress-status]').innerText()).toContain('Nothing was changed');
      expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
      await page.evaluate(() => document.querySelector('[data-progress-status]')?.removeAttribute('data-result'));
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
