/**
 * The glossary matcher (createTermIndex) against a plain reference: the words of the texts
 * joined by newlines, every form tried at every word. Random texts are built from pieces of
 * the forms, other words, `ё`, punctuation, digits and characters outside the Basic
 * Multilingual Plane, so forms of several words also run on from one text into the next.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTermIndex, keywordTokens, searchKeywords, words, type GlossaryTerm, type TermRef } from '../../src/ingest/glossary.ts';

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
      return list.some((_, i) => w.every((f, k) => i + k < list.length && (whole ? list[i + k] === f : list[i + k].startsWith(f))));
    });
    if (hit) found.push(index);
  });
  return found;
}

const piece = fc.constantFrom(
  'p', 'P-', 'value', 'values', 'значение', 'a', 'A/', 'b', 'тест', 'тестирование', 'testing', 'test', 'пакетной',
  'нормализации', 'bn', 'BN', 'bnn', 'переобучается', 'непереобучение', 'ёмкость', 'Ёмкость', 'емкость', 'модели',
  '𝑥', 'cap', 'caps', 'r', 'CNN', 'rcnn', 'pval', '42', '😀', ' ', ' ', '\n', '-', '/', '.', ', ', '(', ')', 'x',
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

describe('searchKeywords', () => {
  /** Whether two words differ only in an ending of at most 3 letters (after a 5+ letter stem). */
  function sameStem(a: string, b: string): boolean {
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return common >= 5 && a.length - common <= 3 && b.length - common <= 3;
  }
  /** The rules spelled out: every word against every other and every excluded word. */
  function reference(terms: TermRef[], exclude: Set<string>): string[] {
    const all = [...new Set(terms.flatMap((t) => [t.en, t.ru, ...t.alt].flatMap(keywordTokens)))];
    const stemOfAnother = (w: string) => w.length >= 5 && all.some((x) => x !== w && x.startsWith(w) && x.length - w.length <= 3);
    return all.filter((w) => !exclude.has(w) && ![...exclude].some((e) => sameStem(w, e)) && !stemOfAnother(w));
  }
  const word = fc.constantFrom('нормализац', 'нормализация', 'нормализации', 'норма', 'batch', 'batches', 'batchnorm', 'bn', 'слой', 'слоями', 'переобучение', 'переобуч', 'overfit', 'overfitting', 'ёмкость', 'емкость', 'a/b', 'p-value', 'value', 'тестирова', 'тестирование', 'тестировани');
  const form = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
  const ref = fc.record({ ru: form, en: form, alt: fc.array(form, { maxLength: 3 }) });

  it('keeps a word unless a longer form of it or an excluded word shares its stem, for random terms', () => {
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 5 }), fc.array(word, { maxLength: 4 }), (terms, exclude) => {
        expect(searchKeywords(terms, new Set(exclude))).toEqual(reference(terms, new Set(exclude)));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000) },
    );
  });
});
