/**
 * A plan of your own in the real browser: select questions in the question index (or take the
 * current filter), get the /plans/custom/ link, open it, tick a question, reload: the tick stays;
 * the page shows the minutes and the YAML to save the plan.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { customPlanItems, useSite } from './site.ts';

const site = useSite();
let page: Page;
let errors: string[];

beforeAll(async () => {
  ({ page, errors } = await site.newPage());
});

const items = () => customPlanItems(page);

describe('custom plan', () => {
  it('is made from the selected questions of the index, opens, keeps ticks over a reload', async () => {
    await page.goto(site.url('/questions/'));
    const picks = page.locator('[data-custom-pick]');
    await picks.first().waitFor();
    const ids = [
      await picks.nth(0).getAttribute('data-custom-pick'),
      await picks.nth(3).getAttribute('data-custom-pick'),
    ];
    await picks.nth(0).check();
    await picks.nth(3).check();
    await page.locator('[data-custom-title]').fill('Мой план');
    await page.locator('[data-custom-make="selected"]').click();
    const link = page.locator('a[data-custom-link]');
    const href = (await link.getAttribute('href'))!;
    expect(href).toBe(
      `/plans/custom/?q=${ids.join(',')}&title=${encodeURIComponent('Мой план').replaceAll('%20', '+')}`,
    );

    await link.click();
    await page.waitForURL(/\/plans\/custom\/\?q=/);
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    expect(await items()).toEqual(ids);
    expect(await page.locator('[data-custom-heading]').innerText()).toBe('Мой план');
    expect(await page.locator('[data-plan-summary]').innerText()).toMatch(/Вопросов: 2, время: ≈ \d+ мин/);
    expect(await page.locator('[data-custom-yaml]').innerText()).toContain(`questions: [${ids.join(', ')}]`);

    await page.locator(`[data-plan-check="${ids[1]}"]`).check();
    await expect.poll(async () => page.locator('[data-plan-progress]').getAttribute('data-done')).toBe('1');
    await page.reload();
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    await expect.poll(async () => page.locator(`[data-plan-check="${ids[1]}"]`).isChecked()).toBe(true);
    expect(await page.locator(`[data-plan-check="${ids[0]}"]`).isChecked()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('takes the current filter, cut to a time budget, in the English index', async () => {
    await page.goto(site.url('/en/questions/?level=junior'));
    await page.locator('[data-custom-pick]').first().waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('[data-index-count]').getAttribute('data-shown')).toBe('17');
    await page.locator('[data-custom-budget]').fill('10');
    await page.locator('[data-custom-make="shown"]').click();
    const href = (await page.locator('a[data-custom-link]').getAttribute('href'))!;
    const url = new URL(href, site.url('/'));
    expect(url.pathname).toBe('/en/plans/custom/');
    expect(url.searchParams.get('minutes')).toBe('10');
    const ids = url.searchParams.get('q')!.split(',');
    expect(ids.length).toBeGreaterThan(1);
    await page.goto(site.url(href));
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    expect(await items()).toEqual(ids);
    const minutes = await page
      .locator('[data-custom-list] [data-plan-item]')
      .evaluateAll((els) => els.reduce((n, el) => n + Number((el as HTMLElement).dataset.minutes), 0));
    expect(minutes).toBeLessThanOrEqual(10);
    expect(await page.locator('[data-plan-summary]').innerText()).toContain('budget: 10 min');
  });

  it('reports unknown ids and keeps the known ones', async () => {
    await page.goto(site.url('/en/plans/custom/?q=dropout,no-such-question&title=Mix'));
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    expect(await items()).toEqual(['dropout']);
    expect(await page.locator('[data-custom-unknown]').innerText()).toContain('no-such-question');
    expect(await page.locator('[data-custom-yaml-intro]').innerText()).toContain('content/plans/mix.yaml');
  });

  it('has the same interviewer sheet as a built-in plan', async () => {
    const junior = ['neyron-rabotaet', 'bayesian-neural-networks'];
    await page.goto(site.url(`/en/plans/custom/?q=${junior.join(',')}&title=Sheet+test`));
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    await page.locator('[data-plan-sheet]').click();
    await page.waitForURL(/\/en\/plans\/custom\/sheet\/\?q=/);
    await page.locator('[data-custom-sheet][data-ready]').waitFor({ state: 'attached' });
    const questions = page.locator('[data-sheet-question]');
    expect(await questions.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.sheetQuestion))).toEqual(
      junior,
    );
    expect(await page.locator('h1').innerText()).toBe("Interviewer's sheet: Sheet test");
    expect(await questions.first().locator('[data-sheet-followups] li').count()).toBe(3);
    expect(await page.locator('[data-sheet-question] [data-sheet-notes]').count()).toBe(2);
    expect(await page.locator('[data-sheet-question] [data-sheet-score]').count()).toBe(2);
    // The Q&A notes answer the second question: its expected answer is shown.
    expect(await questions.nth(1).locator('[data-sheet-expected]').innerText()).not.toContain(
      'The handbook has no answer',
    );
    // The same markup as the built-in junior plan's sheet, where the first question is first too.
    const custom = await questions.first().innerText();
    await page.goto(site.url('/en/plans/junior/sheet/'));
    expect(await page.locator('[data-sheet-question="neyron-rabotaet"]').innerText()).toBe(custom);
    expect(errors).toEqual([]);
  });

  it('lists its questions as a built-in plan does, with a practice link to the same questions', async () => {
    const ids = ['neyron-rabotaet', 'funkciya-poter'];
    const item = (id: string) => page.locator(`[data-plan-item="${id}"] .hb-plan__body > :not(ul)`);
    await page.goto(site.url('/plans/junior/'));
    const builtIn = await Promise.all(ids.map((id) => item(id).allInnerTexts()));
    await page.goto(site.url(`/plans/custom/?q=${ids.join(',')}`));
    await page.locator('[data-custom-list] [data-plan-item]').first().waitFor();
    expect(await Promise.all(ids.map((id) => item(id).allInnerTexts()))).toEqual(builtIn);
    expect(builtIn[0].join(' ')).toMatch(/Основы глубокого обучения · ≈ \d+ мин · есть ответ/);
    expect(await page.locator('[data-plan-practice]').getAttribute('href')).toBe(`/practice/?q=${ids.join(',')}`);
    await page.locator('[data-plan-practice]').click();
    await page.locator('[data-practice-root][data-ready]').waitFor({ state: 'attached' });
    expect(await page.locator('[data-practice-root]').getAttribute('data-ids')).toBe(ids.join(','));
    expect(errors).toEqual([]);
  });
});
