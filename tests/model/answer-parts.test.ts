/**
 * The one list of answer parts (src/ingest/answer-parts.ts): keys in display order, heading
 * names in both languages, and the lookup every reader of part headings uses.
 */
import { describe, expect, it } from 'vitest';
import { ANSWER_PARTS, PART_HEADINGS, PART_NAMES, answerPartOf } from '../../src/ingest/answer-parts.ts';
import { SECTIONS } from '../../src/ingest/formats/practice-page.ts';
import { Answer } from '../../src/ingest/model.ts';

describe('answer parts', () => {
  it('are the Answer schema keys, in display order', () => {
    expect(ANSWER_PARTS).toEqual(['short', 'detailed', 'mistakes', 'howToSay']);
    expect(Object.keys(Answer.shape)).toEqual([...ANSWER_PARTS]);
  });

  it('name each part in both languages, the written name first', () => {
    expect(ANSWER_PARTS.map((part) => [PART_NAMES[part].ru[0], PART_NAMES[part].en[0]])).toEqual([
      ['Короткий ответ', 'Short answer'],
      ['Подробный разбор', 'Detailed analysis'],
      ['Типичные ошибки', 'Typical mistakes'],
      ['Как сказать на собеседовании', 'How to say it in the interview'],
    ]);
  });

  it('list every accepted heading lower-case, parts in order, Russian first', () => {
    expect([...PART_HEADINGS]).toEqual([
      ['короткий ответ', 'short'],
      ['short answer', 'short'],
      ['подробный разбор', 'detailed'],
      ['detailed analysis', 'detailed'],
      ['detailed answer', 'detailed'],
      ['типичные ошибки', 'mistakes'],
      ['typical mistakes', 'mistakes'],
      ['как сказать на собеседовании', 'howToSay'],
      ['how to say it in the interview', 'howToSay'],
      ['how to say it', 'howToSay'],
    ]);
  });

  it('find the part of a heading whatever its case, spacing or trailing colon', () => {
    expect(answerPartOf('Short answer')).toBe('short');
    expect(answerPartOf('  ТИПИЧНЫЕ ОШИБКИ:  ')).toBe('mistakes');
    expect(answerPartOf('How to say it :')).toBe('howToSay');
    expect(answerPartOf('Detailed answer')).toBe('detailed');
    expect(answerPartOf('Summary')).toBeUndefined();
    expect(answerPartOf('short')).toBeUndefined();
  });

  it('are the practice pages’ section headings (their Russian names, exactly)', () => {
    expect(SECTIONS).toEqual({
      'Короткий ответ': 'short',
      'Подробный разбор': 'detailed',
      'Типичные ошибки': 'mistakes',
      'Как сказать на собеседовании': 'howToSay',
    });
  });
});
