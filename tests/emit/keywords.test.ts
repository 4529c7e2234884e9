/**
 * Search keywords (src/ingest/emit/keywords.ts) against the rules spelled out: every word of
 * the terms' forms compared with every other word and every excluded word, on random terms,
 * exclusions and titles.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordTokens, questionKeywords, searchKeywords } from '../../src/ingest/emit/keywords.ts';
import { words, type TermRef } from '../../src/ingest/glossary.ts';
import type { Question } from '../../src/ingest/model.ts';

/** Whether two words differ only in an ending of at most 3 letters (after a 5+ letter stem). */
function sameStem(a: string, b: string): boolean {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return common >= 5 && a.length - common <= 3 && b.length - common <= 3;
}

/** The rules spelled out: every word against every other and every excluded word. */
function reference(terms: TermRef[], exclude: Set<string>): string[] {
  const all = [...new Set(terms.flatMap((t) => [t.en, t.ru, ...t.alt].flatMap(keywordTokens)))];
  const stemOfAnother = (w: string) =>
    w.length >= 5 && all.some((x) => x !== w && x.startsWith(w) && x.length - w.length <= 3);
  return all.filter((w) => !exclude.has(w) && ![...exclude].some((e) => sameStem(w, e)) && !stemOfAnother(w));
}

/** questionKeywords spelled out for one title: title terms minus the title's words, then the rest minus both. */
function referenceKeywords(terms: TermRef[], title: string) {
  if (terms.length === 0) return undefined;
  const shown = new Set(keywordTokens(title).flatMap((w) => [w, ...words(w)]));
  const titleKeywords = reference(
    terms.filter((t) => t.inTitle),
    shown,
  );
  const otherKeywords = reference(
    terms.filter((t) => !t.inTitle),
    new Set([...shown, ...titleKeywords]),
  );
  const out: { title?: string; other?: string } = {};
  if (titleKeywords.length > 0) out.title = titleKeywords.join(' ');
  if (otherKeywords.length > 0) out.other = otherKeywords.join(' ');
  return out.title || out.other ? out : undefined;
}

const word = fc.constantFrom(
  'нормализац',
  'нормализация',
  'нормализации',
  'норма',
  'batch',
  'batches',
  'batchnorm',
  'bn',
  'слой',
  'слоями',
  'переобучение',
  'переобуч',
  'overfit',
  'overfitting',
  'ёмкость',
  'емкость',
  'a/b',
  'p-value',
  'value',
  'тестирова',
  'тестирование',
  'тестировани',
);
const form = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const ref = fc.record({ ru: form, en: form, alt: fc.array(form, { maxLength: 3 }), inTitle: fc.boolean() });
const title = fc
  .array(
    fc.oneof(
      word,
      fc.constantFrom('Что', 'такое', 'Нормализация', 'BatchNorm', '(bn)', 'p-value?', '«переобучение»', 'ёмкости'),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(' '));

describe('searchKeywords', () => {
  it('keeps a word unless a longer form of it or an excluded word shares its stem, for random terms', () => {
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 5 }), fc.array(word, { maxLength: 4 }), (terms, exclude) => {
        expect(searchKeywords(terms, new Set(exclude))).toEqual(reference(terms, new Set(exclude)));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000) },
    );
  });

  it('drops a stem beside its longer word and the words the exclusion shares a stem with', () => {
    const terms: TermRef[] = [{ ru: 'пакетная нормализация', en: 'batch normalization', alt: ['нормализац', 'bn'] }];
    expect(searchKeywords(terms)).toEqual(['batch', 'normalization', 'пакетная', 'нормализация', 'bn']);
    expect(searchKeywords(terms, new Set(['нормализации', 'bn']))).toEqual(['batch', 'normalization', 'пакетная']);
  });
});

describe('questionKeywords', () => {
  it('gives each title the keywords the rules give it, for random terms and titles', () => {
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 5 }), fc.array(title, { minLength: 1, maxLength: 3 }), (terms, titles) => {
        const question = { terms } as unknown as Question;
        expect(questionKeywords(question, titles)).toEqual(titles.map((t) => referenceKeywords(terms, t)));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1000) },
    );
  });

  it('leaves out the words a title shows and puts the terms the title names first', () => {
    const terms: TermRef[] = [
      { ru: 'переобучение', en: 'overfitting', alt: ['переобучени'], inTitle: true },
      { ru: 'регуляризация', en: 'regularization', alt: ['регуляризац'] },
    ];
    const question = { terms } as unknown as Question;
    expect(questionKeywords(question, ['Что такое переобучение?', 'What is overfitting?'])).toEqual([
      { title: 'overfitting', other: 'regularization регуляризация' },
      { title: 'переобучение', other: 'regularization регуляризация' },
    ]);
    expect(questionKeywords({ terms: [] } as unknown as Question, ['x'])).toEqual([undefined]);
  });
});
