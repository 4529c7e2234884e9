/** Query normalisation of the search dialog (src/scripts/search-query.ts) on literal examples. */
import { describe, expect, it } from 'vitest';
import {
  correction,
  editDistance,
  isAbbreviation,
  isKnown,
  needsExact,
  normaliseQuery,
  type SearchTerms,
} from '../../src/scripts/search-query.ts';

// Records: 0 "переобучение борьба регуляризация", 1 "градиентный спуск", 2 "затухающие градиенты".
const entries: [string, number[]][] = [
  ['bn', [0]],
  ['bnn', [1]],
  ['борьба', [0]],
  ['градиентный', [1]],
  ['градиенты', [2]],
  ['затухающие', [2]],
  ['переобучение', [0]],
  ['регуляризация', [0]],
  ['спуск', [1]],
];
const terms: SearchTerms = {
  words: entries.map(([w]) => w),
  postings: entries.map(([, p]) => p),
  // переобучение, регуляризация
  concepts: [6, 7],
  stop: ['как', 'с'],
};

describe('normaliseQuery', () => {
  it('searches an abbreviation typed in capitals as an exact word', () => {
    expect(normaliseQuery('BN', terms)).toBe('"bn"');
    expect(normaliseQuery('bn', terms)).toBe('bn');
    expect(isAbbreviation('mAP')).toBe(false);
  });

  it('searches an abbreviation exactly only where prefix matching would find another word', () => {
    expect(needsExact('bn', ['bn', 'bnn'])).toBe(true);
    expect(needsExact('lstm', ['lstm', 'lstms', 'm'])).toBe(false);
    expect(needsExact('gru', ['gru'])).toBe(false);
    expect(needsExact('gan', ['bn'])).toBe(false);
  });

  it('does not narrow to fewer than three questions by a word that happens to be beside the subject', () => {
    // "регуляризация" (concept) is in records 0, 3, 4; "борьба" only in 0.
    const wide: SearchTerms = {
      words: ['борьба', 'регуляризация', 'спуск'],
      postings: [[0], [0, 3, 4], [1]],
      concepts: [1],
      stop: [],
    };
    expect(normaliseQuery('регуляризация борьба', wide)).toBe('регуляризация');
    expect(normaliseQuery('борьба', wide)).toBe('борьба');
  });

  it('drops stop words and words no question has', () => {
    expect(normaliseQuery('как бороться с переобучением', terms)).toBe('переобучение');
  });

  it('corrects a typo to an indexed word one edit away', () => {
    expect(editDistance('регулиризация', 'регуляризация', 2)).toBe(1);
    expect(correction('регулиризация', terms.words)).toBe('регуляризация');
    expect(normaliseQuery('регулиризация', terms)).toBe('регуляризация');
  });

  it('keeps the rarest words that some question holds together', () => {
    expect(normaliseQuery('затухающие градиенты спуск', terms)).toBe('затухающие градиенты');
  });

  it('prefers concept words to rarer ordinary words', () => {
    // "градиентный" (record 1) is rarer than nothing here; "переобучение" names a concept of record 0.
    expect(normaliseQuery('градиентный переобучение', terms)).toBe('переобучение');
  });

  it('knows word forms by their prefix and leaves an unknown query as typed', () => {
    expect(isKnown('градиентов', terms.words)).toBe(true);
    expect(normaliseQuery('трансформер', terms)).toBe('трансформер');
  });
});
