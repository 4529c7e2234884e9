/**
 * Word splitting and word-start matching (src/ingest/words.ts) give exactly what the Unicode
 * regexes they replace give, on ordinary and awkward text (astral letters, lone surrogates,
 * combining marks, non-Latin digits).
 */
import { describe, expect, it } from 'vitest';
import { letterRuns, wordBounds, wordCharSize, wordStartMatcher, wordStartScanner } from '../../src/ingest/words.ts';

const SAMPLES = [
  '',
  'Что такое dropout? Батч-нормализация (BN) и L2',
  'ёлка Ёж —  «кавычки» x²  ٣٤ Ⅻ',
  'e\u0301te café ß straße',
  '\uD835\uDC00bc 😀x a😀b 𝟘1',
  'a\uD800b \uDC00c \uD83D',
  'функции потерь; функции-потерь, суперфункции потерь',
];

describe('letterRuns', () => {
  it('splits like /[\\p{L}\\p{N}]+/gu', () => {
    for (const text of SAMPLES) expect(letterRuns(text)).toEqual(text.match(/[\p{L}\p{N}]+/gu) ?? []);
  });
});

describe('wordBounds and wordCharSize', () => {
  it('find the words of /[\\p{L}\\p{N}]+/gu in place, up to a limit', () => {
    // A small buffer, so growing it is tested too.
    const bounds = { array: new Int32Array(2) };
    for (const text of SAMPLES) {
      const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
      const count = wordBounds(text, bounds);
      const found = Array.from({ length: count }, (_, i) => text.slice(bounds.array[2 * i], bounds.array[2 * i + 1]));
      expect(found, text).toEqual(words);
      expect(wordBounds(text, bounds, 2), text).toBe(Math.min(2, words.length));
    }
  });

  it('size a letter or digit by its code units, anything else as 0', () => {
    expect(['a', 'Ж', '\uD835\uDC00', '😀', '\uD800', '-', ''].map((s) => wordCharSize(s, 0))).toEqual([
      1, 1, 2, 0, 0, 0, 0,
    ]);
  });
});

describe('wordStartMatcher', () => {
  it('matches like (?<![\\p{L}\\p{N}])needle with the u flag', () => {
    const needles = ['функции потерь', 'a', 'bc', 'x', 'b', 'потерь', '😀x', '\uDC00c', '1', ''];
    for (const needle of needles) {
      const regex = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
      const matches = wordStartMatcher(needle);
      for (const text of SAMPLES) expect(matches(text), `${needle} in ${text}`).toBe(regex.test(text));
    }
  });

  it('finds many needles in one scan like the regex of each (wordStartScanner)', () => {
    const needles = ['функции потерь', 'a', 'bc', 'x', 'b', 'потерь', '😀x', '\uDC00c', '1', '', 'bc'];
    const scan = wordStartScanner(needles);
    for (const text of SAMPLES) {
      const expected = needles.map((needle) =>
        new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(text),
      );
      expect(scan(text), text).toEqual(expected);
    }
  });
});
