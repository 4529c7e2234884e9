import { describe, expect, it } from 'vitest';
import { questionBank } from '../../src/ingest/formats/question-bank.ts';
import { ParseError } from '../../src/ingest/formats/types.ts';
import { fateCounts, fixture, lineCount, source } from './helpers.ts';

describe('question bank (real source)', () => {
  const text = source('cv-ml-engineer-question-bank.txt');
  const result = questionBank.parse(text);

  it('gives 109 questions numbered 1..109 without answers', () => {
    expect(result.items).toHaveLength(109);
    expect(result.items.map((i) => i.number)).toEqual(Array.from({ length: 109 }, (_, k) => k + 1));
    expect(result.items.every((i) => i.answer === undefined && i.followUps.length === 0)).toBe(true);
    expect(result.items[0]).toEqual({
      title: 'Почему модель на этапе обучения занимает больше памяти, чем на инференсе?',
      number: 1,
      followUps: [],
      lines: [4, 4],
    });
    expect(result.items[108]).toMatchObject({
      title: 'Какие еще диффузионные модели есть кроме SD?',
      lines: [112, 112],
    });
  });

  it('keeps the title and description as document metadata', () => {
    expect(result.meta).toEqual({
      title: 'ML-Interview',
      description: 'Банк вопросов с собеседований на позицию Machine Learning Engineer в области Computer Vision.',
    });
  });

  it('places every line', () => {
    expect(result.fates).toHaveLength(lineCount(text));
    expect(fateCounts(result.fates)).toEqual({ kept: 111, debris: 0, blank: 1, unplaced: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('keeps each question line verbatim', () => {
    const lines = text.split('\n');
    for (const item of result.items) expect(lines[item.lines[0] - 1].trim()).toBe(`${item.number}. ${item.title}`);
  });
});

describe('question bank fixtures', () => {
  it('joins an unnumbered line directly under a question to it', () => {
    const result = questionBank.parse(fixture('question-bank/good.txt'));
    expect(result.items.map((i) => [i.number, i.lines])).toEqual([
      [1, [4, 4]],
      [2, [5, 5]],
      [3, [6, 7]],
      [4, [8, 8]],
    ]);
    expect(result.items[2].title).toBe(
      'Gradient Descent (GD), Stochastic Gradient Descent (SGD) и Mini-Batch SGD. В чем их различия, плюсы и минусы?',
    );
    expect(fateCounts(result.fates)).toEqual({ kept: 7, debris: 0, blank: 1, unplaced: 0 });
  });

  it('rejects a duplicated number, naming both lines', () => {
    let error: unknown;
    try {
      questionBank.parse(fixture('question-bank/duplicate-number.txt'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect(error).toMatchObject({ line: 7, message: 'duplicate question number 2 (first at line 5)' });
  });

  it('warns about skipped numbers and reports a stray paragraph as unplaced', () => {
    const result = questionBank.parse(fixture('question-bank/skipped-number.txt'));
    expect(result.items.map((i) => i.number)).toEqual([1, 2, 5, 6]);
    expect(result.warnings).toEqual([
      { line: 5, message: 'question numbers skip 3-4 (2 is followed by 5)' },
      { line: 8, message: 'unplaced line: "Этот абзац не относится ни к одному вопросу."' },
    ]);
    expect(result.fates[7]).toBe('unplaced');
  });

  it('warns about a number going backwards', () => {
    const result = questionBank.parse('# Bank\n\n1. a?\n3. b?\n2. c?\n');
    expect(result.warnings.map((w) => w.line)).toEqual([4, 5]);
    expect(result.warnings[1].message).toBe('question 2 is out of order (after 3)');
  });
});
