/**
 * Where real outlines put their guidance labels (expectations, criteria, red flags,
 * recommendations): inside a level's block, at the end, under the recommendations heading; and
 * an unknown label, which is a warning with its line and leaves its lines unplaced.
 */
import { describe, expect, it } from 'vitest';
import { interviewOutline } from '../../src/ingest/formats/interview-outline.ts';
import { levelTexts, outlineGuides } from '../../src/ingest/levels.ts';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { fateCounts, fixture } from './helpers.ts';
import { pipelineInput } from '../helpers/seed-handbook.ts';

const parse = (name: string) => interviewOutline.parse(fixture(`interview-outline/${name}`));
/** What each level of the outline shows: its own texts, then the guidance for every level. */
const guides = (name: string) => {
  const guide = outlineGuides([{ file: name, format: 'interview-outline', meta: parse(name).meta }])[0];
  return guide.levels.map((l) => ({ ...l, ...levelTexts(guide.texts, l.level) }));
};

describe('outline guidance labels', () => {
  it('inside a level block: they belong to that level', () => {
    const result = parse('labels-in-level.txt');
    expect(result.warnings).toEqual([]);
    expect(fateCounts(result.fates).unplaced).toBe(0);
    const [junior, senior] = result.meta.levels!;
    expect(junior).toMatchObject({
      expectations: 'Понимание основ',
      criteria: ['Объясняет простыми словами', 'Знает базовые архитектуры'],
      redFlags: ['Путает loss и метрику'],
      recommendations: ['Начинайте с основ'],
      numbers: [1, 2],
    });
    expect(senior).toMatchObject({
      expectations: 'Глубокие знания; Архитектурные решения',
      criteria: ['Понимает trade-offs'],
    });
    expect(senior.redFlags).toBeUndefined();
    expect(result.meta.guidance).toBeUndefined();
    const [g1, g2] = guides('labels-in-level.txt');
    expect(g1.redFlags).toEqual(['Путает loss и метрику']);
    expect(g2.redFlags).toEqual([]);
  });

  it('at the end (after a rule): every level gets them', () => {
    const result = parse('labels-at-end.txt');
    expect(result.warnings).toEqual([]);
    expect(fateCounts(result.fates).unplaced).toBe(0);
    expect(result.meta.guidance).toEqual({
      expectations: [{ text: 'Рассуждает вслух', line: 42 }],
      criteria: [{ text: 'Объясняет простыми словами', line: 44 }],
      redFlags: [{ text: 'Не может объяснить валидацию', line: 46 }],
    });
    for (const level of guides('labels-at-end.txt')) {
      expect(level).toMatchObject({
        expectations: ['Рассуждает вслух'],
        criteria: ['Объясняет простыми словами'],
        redFlags: ['Не может объяснить валидацию'],
      });
    }
  });

  it('under the recommendations heading', () => {
    const result = parse('labels-under-recommendations.txt');
    expect(result.warnings).toEqual([]);
    expect(fateCounts(result.fates).unplaced).toBe(0);
    const g = result.meta.guidance!;
    expect(g.recommendations!.map((r) => r.text)).toEqual(['**Начинайте с основ** и углубляйтесь', 'Просите примеры']);
    expect(g.criteria!.map((r) => r.text)).toEqual(['Объясняет простыми словами']);
    expect(g.expectations!.map((r) => r.text)).toEqual(['Говорит о trade-offs']);
    expect(g.redFlags!.map((r) => r.text)).toEqual(['Путает loss и метрику']);
    expect(guides('labels-under-recommendations.txt')[0]).toMatchObject({
      recommendations: ['**Начинайте с основ** и углубляйтесь', 'Просите примеры'],
      redFlags: ['Путает loss и метрику'],
    });
  });

  it('an unknown label is a warning with its line; it and its lines stay unplaced, the rest is read', () => {
    const result = parse('unknown-label.txt');
    expect(result.warnings).toEqual([
      { line: 36, message: 'unknown label "Бонусы" in level junior: its lines are unplaced' },
      { line: 37, message: 'unplaced line: "- Знает JAX"' },
      { line: 43, message: 'unknown label "Примечание": its lines are unplaced' },
      { line: 44, message: 'unplaced line: "- строка примечания"' },
    ]);
    const unplaced = result.fates.flatMap((f, i) => (f === 'unplaced' ? [i + 1] : []));
    expect(unplaced).toEqual([36, 37, 43, 44]);
    expect(result.items).toHaveLength(3);
    expect(result.meta.levels![0].criteria).toEqual(['Объясняет простыми словами']);
    expect(result.meta.guidance!.redFlags!.map((r) => r.text)).toEqual(['Путает loss и метрику']);
  });

  it('an unknown label reaches the source report as file:line warnings and unplaced lines (fatal only with --strict)', () => {
    const input = pipelineInput();
    const bytes = new TextEncoder().encode(fixture('interview-outline/unknown-label.txt'));
    const { handbook } = runPipeline({
      ...input,
      lock: undefined,
      relations: undefined,
      // The handbook's answers name the seed questions, which this run does not have.
      answers: [],
      sources: [{ file: 'odd-outline.txt', bytes }],
      plans: [],
    });
    const summary = handbook.sources[0];
    expect(summary.unplacedLines).toEqual([36, 37, 43, 44]);
    expect(summary.warnings[0]).toEqual({
      line: 36,
      message: 'unknown label "Бонусы" in level junior: its lines are unplaced',
    });
    expect(handbook.questions).toHaveLength(3);
  });
});
