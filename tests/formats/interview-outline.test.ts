import { describe, expect, it } from 'vitest';
import { interviewOutline } from '../../src/ingest/formats/interview-outline.ts';
import { ParseError } from '../../src/ingest/formats/types.ts';
import { fateCounts, fixture, lineCount, source, validateTrees } from './helpers.ts';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

function parseError(text: string): ParseError {
  try {
    interviewOutline.parse(text);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

describe('interview outline (real source)', () => {
  const text = source('deep-learning-interview-outline-backend.txt');
  const result = interviewOutline.parse(text);

  it('gives 50 questions with 150 follow-ups', () => {
    expect(result.items).toHaveLength(50);
    expect(result.items.map((i) => i.number)).toEqual(range(1, 50));
    expect(result.items.reduce((sum, i) => sum + i.followUps.length, 0)).toBe(150);
    expect(result.items[0]).toEqual({
      title: 'Что такое нейрон и как он работает?',
      number: 1,
      section: 'Основы нейросетей',
      followUps: [
        'Как математически записать выход нейрона?',
        'Зачем нужен bias и что происходит без него?',
        'Как инициализировать веса нейрона?',
      ],
      lines: [14, 18],
    });
  });

  it('assigns sections without number and count', () => {
    const counts = new Map<string, number>();
    for (const item of result.items) counts.set(item.section!, (counts.get(item.section!) ?? 0) + 1);
    expect([...counts]).toEqual([
      ['Основы нейросетей', 12],
      ['Обучение и оптимизация', 10],
      ['Архитектуры', 15],
      ['Продвинутые темы', 8],
      ['Практическое применение', 5],
    ]);
  });

  it('reads the level table', () => {
    const levels = result.meta.levels!;
    expect(levels.map((l) => [l.level, l.numbers.length, l.line])).toEqual([
      ['junior', 17, 336],
      ['middle', 30, 344],
      ['senior', 50, 352],
    ]);
    expect(levels[0].numbers).toEqual([...range(1, 12), 23, 24, 25, 46, 47]);
    expect(levels[0]).toMatchObject({
      heading: 'Junior Backend Developer (1-2 года)',
      expectations: 'Понимание основ, умение работать с готовыми моделями',
      questionsNote: '15-20 вопросов',
      criteria: [
        'Объясняет основные концепции простыми словами',
        'Понимает разницу между обучением и инференсом',
        'Знает базовые архитектуры (CNN, RNN основы)',
      ],
    });
    expect(levels[2].criteria).toHaveLength(4);
  });

  it('reads the header schedule, the recommendations and the red flags as typed data', () => {
    expect(result.meta.notes!.map((n) => [n.heading, n.line])).toEqual([['Структура', 3]]);
    expect(result.meta.schedule).toEqual([
      {
        level: 'junior',
        label: 'Junior (1-2 года)',
        experience: '1-2 года',
        questionCount: [15, 20],
        minutes: [30, 45],
        text: '15-20 вопросов (30-45 минут)',
        line: 6,
      },
      {
        level: 'middle',
        label: 'Middle (2-4 года)',
        experience: '2-4 года',
        questionCount: [25, 35],
        minutes: [45, 60],
        text: '25-35 вопросов (45-60 минут)',
        line: 7,
      },
      {
        level: 'senior',
        label: 'Senior (4+ лет)',
        experience: '4+ лет',
        questionCount: [35, 50],
        minutes: [60, 90],
        text: '35-50 вопросов (60-90 минут)',
        line: 8,
      },
    ]);
    expect(result.meta.levels!.map((l) => [l.experience, l.questionCount])).toEqual([
      ['1-2 года', [15, 20]],
      ['2-4 года', [25, 35]],
      ['4+ лет', [35, 50]],
    ]);
    const { recommendations, redFlags } = result.meta.guidance!;
    expect(recommendations!.map((r) => r.line)).toEqual([361, 362, 363, 364, 365]);
    expect(recommendations![2].text).toBe('**Обсуждайте trade-offs** - когда использовать один подход vs другой');
    expect(redFlags!.map((r) => [r.line, r.text])).toEqual([
      [368, 'Не понимает разницу между обучением и инференсом'],
      [369, 'Путает основные концепции (loss vs metric)'],
      [370, 'Не может объяснить зачем нужна валидационная выборка'],
      [371, 'Не знает современных архитектур для своего уровня'],
    ]);
    expect(validateTrees(result)).toBe(1);
  });

  it('places every line with no warnings', () => {
    expect(result.meta.title).toBe('Компактное интервью: Глубокое обучение для Backend разработчика');
    expect(result.fates).toHaveLength(lineCount(text));
    expect(fateCounts(result.fates)).toEqual({ kept: 301, debris: 0, blank: 70, unplaced: 0 });
    expect(result.warnings).toEqual([]);
  });
});

describe('interview outline fixtures', () => {
  it('reads a small outline completely', () => {
    const result = interviewOutline.parse(fixture('interview-outline/good.txt'));
    expect(result.items.map((i) => [i.number, i.section, i.followUps.length, i.lines])).toEqual([
      [1, 'Основы нейросетей', 3, [13, 17]],
      [2, 'Основы нейросетей', 1, [19, 21]],
      [3, 'Архитектуры', 2, [27, 30]],
    ]);
    expect(result.meta.levels!.map((l) => [l.level, l.numbers, l.questionsNote])).toEqual([
      ['junior', [1, 2], '2 вопроса'],
      ['senior', [1, 2, 3], undefined],
    ]);
    expect(result.meta.notes!.map((n) => n.heading)).toEqual(['Структура']);
    expect(result.meta.schedule!.map((s) => [s.level, s.questionCount, s.minutes])).toEqual([
      ['junior', [2, 2], [10, 10]],
      ['senior', [3, 3], [20, 20]],
    ]);
    expect(result.meta.guidance).toEqual({
      recommendations: [
        { text: '**Начинайте с основ** и углубляйтесь по мере ответов', line: 51 },
        { text: '**Просите примеры** из практики кандидата', line: 52 },
      ],
      redFlags: [{ text: 'Путает основные концепции (loss vs metric)', line: 55 }],
    });
    expect(result.warnings).toEqual([]);
    expect(fateCounts(result.fates).unplaced).toBe(0);
    validateTrees(result);
  });

  it('rejects a level naming questions that do not exist, at its "Вопросы" line', () => {
    expect(parseError(fixture('interview-outline/level-names-missing-question.txt'))).toMatchObject({
      line: 19,
      message: 'level middle names questions 7, 9, 10, which do not exist',
    });
  });

  it('rejects a duplicated question number', () => {
    expect(parseError(fixture('interview-outline/duplicate-number.txt'))).toMatchObject({
      line: 9,
      message: 'duplicate question number 1 (first at line 5)',
    });
  });

  it('warns about a wrong section count, skipped numbers and unplaced text', () => {
    const result = interviewOutline.parse(fixture('interview-outline/count-mismatch.txt'));
    expect(result.warnings).toEqual([
      { line: 3, message: 'section "Основы нейросетей" declares 3 questions but has 2' },
      { line: 8, message: 'follow-up 3 of question 1 (expected 2)' },
      { line: 10, message: 'question numbers skip 2 (1 is followed by 3)' },
      { line: 11, message: 'unplaced line: "Какой-то текст без метки."' },
    ]);
    expect(result.fates[10]).toBe('unplaced');
    expect(result.items[1].followUps).toEqual(['Что такое computational graph?']);
  });

  it('rejects a level without question ranges, at its heading', () => {
    const text = fixture('interview-outline/good.txt').replace('**Вопросы:** 1-2 (2 вопроса)\n', '');
    expect(parseError(text)).toMatchObject({ line: 36, message: 'level junior has no "**Вопросы:**" line' });
  });

  it('rejects unreadable or backwards ranges', () => {
    const good = fixture('interview-outline/good.txt');
    expect(parseError(good.replace('**Вопросы:** 1, 2-3', '**Вопросы:** все'))).toMatchObject({ line: 44 });
    expect(parseError(good.replace('**Вопросы:** 1, 2-3', '**Вопросы:** 3-1')).message).toBe(
      'question range 3-1 runs backwards',
    );
  });
});
