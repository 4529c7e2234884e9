/**
 * The interviewer's sheet in the real browser: the plan's questions in order with follow-ups,
 * the expected answer where one exists, notes box and score per question, the level's criteria
 * and red flags at the end; and its A4 PDF (`npm run pdf -- --plan <plan> --mode sheet`), also of
 * a custom plan (`npm run pdf -- --mode sheet --q <id>,… --title …`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateSheetPdf } from '../../tools/pdf/generate.ts';
import { outputFile, parsePdfArgs, UsageError } from '../../tools/pdf/cli.ts';
import { parseData, type PlanData } from '../../src/data/contract.ts';
import { sheetQuestions } from '../../tools/pdf/plans.ts';
import { ROOT } from '../helpers/project-copy.ts';
import { useSite } from './site.ts';

const site = useSite();
let page: Page;
let errors: string[];
const { dist, dir } = inject('seedSite');
const plans = parseData('plans.json', readFileSync(join(dir, 'src/content/docs/_data/plans.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'handbook-sheet-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  ({ page, errors } = await site.newPage());
});

const ids = (plan: PlanData) => plan.sections.flatMap((s) => s.items.map((i) => i.id));

describe('interviewer sheet page', () => {
  it('lists the junior plan in order with follow-ups, notes and scores, criteria and red flags at the end', async () => {
    const junior = plans.find((p) => p.id === 'junior')!;
    await page.goto(site.url('/en/plans/junior/sheet/'));
    const questions = page.locator('[data-sheet-question]');
    expect(await questions.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.sheetQuestion))).toEqual(
      ids(junior),
    );
    const count = await questions.count();
    expect(await page.locator('[data-sheet-question] [data-sheet-notes]').count()).toBe(count);
    expect(await page.locator('[data-sheet-question] [data-sheet-score]').count()).toBe(count);
    expect(await page.locator('[data-sheet-question] [data-sheet-followups] li').count()).toBe(count * 3);
    expect(await questions.first().innerText()).toContain("How do you write a neuron's output mathematically?");
    expect(await page.locator('[data-guide="criteria"]').innerText()).toContain('Explains the core concepts');
    expect(await page.locator('[data-guide="redFlags"]').innerText()).toContain('Confuses the core concepts');
    // Criteria and red flags come after the last question.
    const order = await page.evaluate(() => {
      const last = [...document.querySelectorAll('[data-sheet-question]')].at(-1)!;
      const flags = document.querySelector('[data-guide="redFlags"]')!;
      return last.compareDocumentPosition(flags) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    expect(errors).toEqual([]);
  });

  it('shows the expected answer in short where the handbook has an answer', async () => {
    const mock = plans.find((p) => p.id === 'mock-45')!;
    const answered = mock.sections.flatMap((s) => s.items).find((i) => i.expected?.ru);
    expect(answered).toBeDefined();
    await page.goto(site.url('/plans/mock-45/sheet/'));
    const expected = await page.locator(`[data-sheet-question="${answered!.id}"] [data-sheet-expected]`).innerText();
    expect(expected).toContain(answered!.expected!.ru!.slice(0, 40));
  });

  it('is linked from its plan page', async () => {
    await page.goto(site.url('/plans/senior/'));
    await page.locator('[data-plan-sheet]').click();
    await page.waitForURL(/\/plans\/senior\/sheet\/$/);
    expect(await page.locator('[data-sheet-question]').count()).toBe(50);
  });
});

describe('interviewer sheet PDF', () => {
  it('needs --plan and names the file after the plan', () => {
    expect(() => parsePdfArgs(['--mode', 'sheet'], work)).toThrow(UsageError);
    const options = parsePdfArgs(['--mode', 'sheet', '--plan', 'junior', '--dist', dist], work);
    expect(outputFile(options, 'en')).toBe(join(dist, 'pdf', 'sheet.junior.en.pdf'));
  });

  it('prints the sheet on A4 with every question', async () => {
    const out = join(work, 'sheet.pdf');
    const result = await generateSheetPdf({ dist, lang: 'ru', out, plan: 'junior' });
    expect(result.questions).toBe(17);
    expect(result.pages).toBeGreaterThan(1);
    const info = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Что такое нейрон и как он работает?');
    expect(text).toContain('Красные флаги');
  }, 60_000);

  it('takes a custom plan as --q ids with a --title, never with --plan, and names the file after the title', () => {
    const options = parsePdfArgs(['--mode', 'sheet', '--q', 'dropout, neyron-rabotaet,dropout', '--dist', dist], work);
    expect(options.questions).toEqual(['dropout', 'neyron-rabotaet']);
    expect(outputFile(options, 'ru')).toMatch(/\/sheet\.custom-[0-9a-z]+\.ru\.pdf$/);
    const titled = parsePdfArgs(
      ['--mode', 'sheet', '--q', 'dropout', '--title', 'Backend screen', '--dist', dist],
      work,
    );
    expect(outputFile(titled, 'en')).toBe(join(dist, 'pdf', 'sheet.backend-screen.en.pdf'));
    for (const argv of [
      ['--q', 'dropout'],
      ['--mode', 'sheet', '--q', ' , '],
      ['--mode', 'sheet', '--plan', 'junior', '--q', 'dropout'],
      ['--mode', 'sheet', '--plan', 'junior', '--title', 'x'],
    ]) {
      expect(() => parsePdfArgs(argv, work), argv.join(' ')).toThrow(UsageError);
    }
  });

  it('refuses ids no question has: the sheet would leave them out', () => {
    const file = join(dist, 'questions.json');
    expect(sheetQuestions(['neyron-rabotaet', 'dropout'], file)).toEqual(['neyron-rabotaet', 'dropout']);
    expect(() => sheetQuestions(['dropout', 'no-such-question'], file)).toThrow(
      /^unknown question id\(s\): no-such-question /,
    );
  });

  it("prints a custom plan's sheet: npm run pdf -- --mode sheet --q … --title …", () => {
    const pdf = (args: string[]) =>
      spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/pdf.ts'), '--dist', dist, ...args], {
        encoding: 'utf8',
        timeout: 60_000,
      });
    const run = pdf([
      '--mode',
      'sheet',
      '--q',
      'neyron-rabotaet,dropout',
      '--title',
      'Backend screen',
      '--lang',
      'en',
      '--out',
      work,
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = join(work, 'sheet.backend-screen.en.pdf');
    expect(run.stdout).toContain('sheet.backend-screen.en.pdf: 1 pages, 2 questions');
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(
      /Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/,
    );
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain("Interviewer's sheet: Backend screen");
    expect(text).toMatch(
      /1\. What is a neuron and how does it work\?[\s\S]+How do you write a neuron's output mathematically\?/,
    );
    expect(text).toMatch(
      /neuron and how does it work[\s\S]+2\. What is Dropout\?[\s\S]+Expected answer: Dropout is a regularizer/,
    );
    expect(text).toContain('Total: ____ of 10');

    const unknown = pdf(['--mode', 'sheet', '--q', 'dropout,no-such-question', '--lang', 'ru', '--out', work]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^error: unknown question id\(s\): no-such-question /);
    expect(readdirSync(work).filter((file) => file.startsWith('sheet.custom-'))).toEqual([]);
  }, 60_000);
});
