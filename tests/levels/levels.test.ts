/**
 * The outline's level guide (src/ingest/levels.ts) and minutes for every question: estimates
 * derived from the level time ranges and the handbook's timed questions; plans add them up.
 */
import { describe, expect, it } from 'vitest';
import { estimateMinutes, guideIn, guideTexts, levelTexts, outlineGuides } from '../../src/ingest/levels.ts';
import { interviewOutline } from '../../src/ingest/formats/interview-outline.ts';
import { loadSeedHandbook } from '../helpers/seed-handbook.ts';
import { fixture } from '../formats/helpers.ts';
import type { Question } from '../../src/ingest/model.ts';
import { loadPlan } from '../../src/ingest/plans.ts';

const OUTLINE = 'deep-learning-interview-outline-backend.txt';

describe('level guides of the seed outline', () => {
  const handbook = loadSeedHandbook();
  const guide = handbook.guides!.find((g) => g.file === OUTLINE)!;

  it('types every level fact the outline gives', () => {
    expect(
      guide.levels.map((l) => [
        l.level,
        guide.texts.levels[l.level]?.experience,
        l.questionCount,
        l.minutes,
        l.numbers.length,
      ]),
    ).toEqual([
      ['junior', '1-2 года', [15, 20], [30, 45], 17],
      ['middle', '2-4 года', [25, 35], [45, 60], 30],
      ['senior', '4+ лет', [35, 50], [60, 90], 50],
    ]);
    const junior = levelTexts(guide.texts, 'junior');
    expect(junior.expectations).toEqual(['Понимание основ, умение работать с готовыми моделями']);
    expect(junior.criteria).toHaveLength(3);
    expect(junior.redFlags).toHaveLength(4);
    expect(junior.recommendations).toHaveLength(5);
    expect(guide.texts.notes).toEqual([
      { heading: 'Структура', lines: ['50 основных вопросов + 3 ключевых углубления к каждому (200 вопросов всего)'] },
    ]);
  });

  it('has a current curated English translation of every guide text', () => {
    const en = guideIn(guide, 'en');
    expect(en.untranslated).toBe(false);
    const texts = guideTexts(en.texts);
    expect(texts).toHaveLength(guideTexts(guide.texts).length);
    for (const text of texts) expect(text).not.toMatch(/\p{Script=Cyrillic}/u);
    // The Russian edition shows the outline's own texts.
    expect(guideIn(guide, 'ru')).toEqual({ texts: guide.texts, untranslated: false });
  });
});

describe('minutes', () => {
  const handbook = loadSeedHandbook();
  const byId = new Map(handbook.questions.map((q) => [q.id, q]));

  it('every question has minutes; only source-given ones are not estimates', () => {
    for (const q of handbook.questions) {
      expect(q.minutes, q.id).toBeGreaterThan(0);
      if (q.source.format !== 'practice-page') expect(q.minutesEstimated, q.id).toBe(true);
    }
    // The timed practice page gives every step's minutes.
    const navio = handbook.questions.filter((q) => q.source.file === 'navio-technical-interview-practice.txt');
    expect(navio.every((q) => !q.minutesEstimated)).toBe(true);
  });

  it("an outline level's questions add up to the middle of its time range", () => {
    const guide = handbook.guides!.find((g) => g.file === OUTLINE)!;
    const outline = handbook.questions.filter((q) => q.source.file === OUTLINE);
    for (const level of guide.levels) {
      const sum = outline.filter((q) => q.levels.includes(level.level)).reduce((n, q) => n + q.minutes!, 0);
      expect(sum, level.level).toBe(Math.round((level.minutes![0] + level.minutes![1]) / 2));
    }
  });

  it("a plan's minutes add up and the level plans fit their level's range", () => {
    for (const plan of handbook.plans!) {
      const sum = plan.sections.flatMap((s) => s.items).reduce((n, item) => n + byId.get(item.id)!.minutes!, 0);
      expect(sum, plan.id).toBe(plan.totalMinutes);
      if (plan.minutes !== undefined) expect(sum).toBeLessThanOrEqual(plan.minutes);
      if (plan.level?.minutes) {
        expect(sum).toBeGreaterThanOrEqual(plan.level.minutes[0]);
        expect(sum).toBeLessThanOrEqual(plan.level.minutes[1]);
      }
    }
    expect(handbook.plans!.filter((p) => p.level).map((p) => [p.id, p.level!.level, p.totalMinutes])).toEqual([
      ['junior', 'junior', 38],
      ['middle', 'middle', 53],
      ['senior', 'senior', 75],
    ]);
  });

  it("a selector's budget works on estimated minutes", () => {
    const text = `title: { ru: П, en: P }\ndescription: { ru: О, en: D }\nminutes: 10\nsections:\n  - title: { ru: A, en: A }\n    from: { source: ${OUTLINE}, budget: 10 }\n`;
    const plan = loadPlan({ file: 'content/plans/x.yaml', text }, handbook.questions);
    const ids = plan.sections[0].items.map((i) => i.id);
    expect(ids.length).toBeGreaterThan(2);
    expect(plan.totalMinutes).toBeLessThanOrEqual(10);
    expect(plan.totalMinutes).toBe(ids.reduce((n, id) => n + byId.get(id)!.minutes!, 0));
    expect(ids.every((id) => byId.get(id)!.minutesEstimated)).toBe(true);
  });

  it('other sources get the median of the timed questions', () => {
    const timed = handbook.questions
      .filter((q) => q.source.format === 'practice-page' || q.source.format === 'interview-outline')
      .map((q) => q.minutes!)
      .sort((a, b) => a - b);
    const median = timed[Math.floor((timed.length - 1) / 2)];
    for (const q of handbook.questions.filter((q) => q.source.format === 'question-bank')) {
      expect(q.minutes).toBe(median);
    }
  });

  it('spreads a level over its new questions with the remainder to the first, at least a minute each', () => {
    const result = interviewOutline.parse(fixture('interview-outline/good.txt'));
    const guides = outlineGuides([{ file: 'o.txt', format: 'interview-outline', meta: result.meta }]);
    const questions = result.items.map(
      (item) =>
        ({
          id: `q${item.number}`,
          source: { file: 'o.txt', format: 'interview-outline', number: item.number, lines: item.lines },
        }) as unknown as Question,
    );
    // junior: 10 min over questions 1-2 -> 5 + 5; senior: 20 min, 10 already -> question 3 gets 10.
    expect(estimateMinutes(questions, guides).map((q) => [q.id, q.minutes, q.minutesEstimated])).toEqual([
      ['q1', 5, true],
      ['q2', 5, true],
      ['q3', 10, true],
    ]);
  });
});
