/**
 * The seed outline's level text on the level plan pages of both editions (built once by
 * tests/global-setup.ts), level badges linking to the level plans, estimates shown as "≈".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

const { dist } = inject('seedSite');
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
/** The text of the page's level block. */
const levelBlock = (html: string) =>
  (/<section class="hb-level[^"]*"[^>]*>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('level plan pages', () => {
  it('show the Junior level of the outline in Russian', () => {
    const text = levelBlock(page('plans/junior'));
    for (const part of [
      'Уровень Junior',
      'Опыт: 1-2 года',
      'Вопросов на интервью: 15–20',
      'Время интервью: 30–45 мин',
      'План укладывается во время уровня: ≈ 38 мин из 30–45',
      'Понимание основ, умение работать с готовыми моделями',
      'Объясняет основные концепции простыми словами',
      'Путает основные концепции (loss vs metric)',
      'Начинайте с основ',
      '50 основных вопросов',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('show it translated in English', () => {
    const text = levelBlock(page('en/plans/junior'));
    for (const part of [
      'The Junior level',
      'Experience: 1-2 years',
      'Questions in the interview: 15–20',
      'Interview time: 30–45 min',
      "The plan fits the level's time: ≈ 38 of 30–45 min",
      'Understands the basics, can work with ready-made models',
      'Explains the core concepts in simple words',
      'Confuses the core concepts (loss vs metric)',
      'Start with the basics',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).not.toMatch(/\p{Script=Cyrillic}/u);
  });

  it('give every level its own criteria and the same red flags', () => {
    const senior = levelBlock(page('en/plans/senior'));
    expect(senior).toContain('Understands the math behind the algorithms');
    expect(senior).toContain('Interview time: 60–90 min');
    expect(senior).toContain('Does not know modern architectures for their level');
    expect(levelBlock(page('plans/middle'))).toContain('Может решать практические задачи');
  });

  it('mark no level text as not yet translated while its translation is current', () => {
    for (const path of ['plans/junior', 'en/plans/junior', 'en/plans/senior/sheet']) {
      expect(page(path)).toContain('data-plan-level=');
      expect(page(path)).not.toContain('data-guide-untranslated');
    }
  });

  it('sum estimated minutes in the summary', () => {
    expect(page('plans/senior')).toContain('Вопросов: 50, время: ≈ 75 мин');
    expect(page('en/plans/middle')).toContain('30 questions, ≈ 53 min');
  });
});

describe('question badges', () => {
  const fundamentals = page('en/fundamentals');
  it('link a level badge to its level plan', () => {
    expect(fundamentals).toMatch(
      /<a class="hb-badge hb-badge--junior hb-badge--link[^"]*" href="\/en\/plans\/junior\/"/,
    );
    expect(page('fundamentals')).toMatch(
      /<a class="hb-badge hb-badge--senior hb-badge--link[^"]*" href="\/plans\/senior\/"/,
    );
  });
  it('mark estimated minutes with ≈', () => {
    expect(fundamentals).toMatch(/data-minutes-estimated[^>]*>≈ \d+ min</);
    expect(page('fundamentals')).toMatch(/data-minutes-estimated[^>]*>≈ \d+ мин</);
  });
});
