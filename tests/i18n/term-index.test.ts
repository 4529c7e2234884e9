/**
 * The glossary matcher (createTermIndex) against a plain reference: the words of the texts
 * joined by newlines, every form tried at every word. Random texts are built from pieces of
 * the forms, other words, `ё`, punctuation, digits and characters outside the Basic
 * Multilingual Plane, so forms of several words also run on from one text into the next.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTermIndex, words, type GlossaryTerm } from '../../src/ingest/glossary.ts';

const terms: GlossaryTerm[] = [
  { ru: 'p-значение', en: 'p-value', ruAlt: ['p значени'], enAlt: ['pval'] },
  { ru: 'A/B-тест', en: 'A/B test', ruAlt: ['a b тестирование'], enAlt: ['a b testing'] },
  { ru: 'пакетная нормализация', en: 'batch normalization', ruAlt: ['пакетн нормализац', 'bn'], enAlt: ['bn'] },
  { ru: 'переобучение', en: 'overfitting', ruAlt: ['переобуч'], enAlt: [] },
  { ru: 'ёмкость модели', en: 'model capacity', ruAlt: [], enAlt: ['𝑥 cap'] },
  { ru: 'R-CNN', en: 'R-CNN', ruAlt: [], enAlt: ['rcnn'] },
];

/** The reference: every pattern at every word of the joined texts (the module's rules, spelled out). */
function reference(texts: string[]): number[] {
  const list = words(texts.join('\n'));
  const found: number[] = [];
  terms.forEach((term, index) => {
    const forms = [
      ...[term.ru, term.en].map((form) => ({ form, alt: false })),
      ...[...term.ruAlt, ...term.enAlt].map((form) => ({ form, alt: true })),
    ];
    const hit = forms.some(({ form, alt }) => {
      const w = words(form);
      const whole = alt && form.trim().length <= 4;
      if (w.length === 0) return false;
      return list.some((_, i) =>
        w.every((f, k) => i + k < list.length && (whole ? list[i + k] === f : list[i + k].startsWith(f))),
      );
    });
    if (hit) found.push(index);
  });
  return found;
}

const piece = fc.constantFrom(
  'p',
  'P-',
  'value',
  'values',
  'значение',
  'a',
  'A/',
  'b',
  'тест',
  'тестирование',
  'testing',
  'test',
  'пакетной',
  'нормализации',
  'bn',
  'BN',
  'bnn',
  'переобучается',
  'непереобучение',
  'ёмкость',
  'Ёмкость',
  'емкость',
  'модели',
  '𝑥',
  'cap',
  'caps',
  'r',
  'CNN',
  'rcnn',
  'pval',
  '42',
  '😀',
  ' ',
  ' ',
  '\n',
  '-',
  '/',
  '.',
  ', ',
  '(',
  ')',
  'x',
);
const text = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));

describe('createTermIndex', () => {
  it('finds exactly the terms of the joined texts, for random texts', () => {
    const index = createTermIndex({ terms });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), (texts) => {
        expect(index.match(texts.map((t) => index.split(t)))).toEqual(reference(texts));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 2000) },
    );
  });

  it('runs a form on across texts, and over texts without words', () => {
    const index = createTermIndex({ terms });
    const match = (...texts: string[]) => index.match(texts.map((t) => index.split(t)));
    expect(match('что такое p', '', '—', 'value?')).toEqual([0]);
    expect(match('пакетная', 'нормализация')).toEqual([2]);
    expect(match('пакетная', 'x нормализация')).toEqual([]);
    expect(match('Ёмкость', 'модели')).toEqual([4]);
  });
});
