/**
 * Finds the concepts a text names: at each word, the longest form of the vocabulary that starts
 * there (stems compared word by word), or an exact, case-sensitive abbreviation; matching then
 * continues after it, so "batch normalization" is one concept, not also "normalization".
 */
import type { Vocabulary } from './vocabulary.ts';
import { words, type Word } from './words.ts';

/** A concept named by the words `start` to `end` (exclusive) of a text. */
export interface ConceptSpan {
  concept: number;
  start: number;
  end: number;
}

/**
 * The concepts named in a text's words, in order of appearance, with repeats.
 * @example matchSpans(vocab, words('что такое batch norm')) // [{ concept: bn, start: 2, end: 4 }]
 */
export function matchSpans(vocabulary: Vocabulary, ws: readonly Word[]): ConceptSpan[] {
  const found: ConceptSpan[] = [];
  for (let i = 0; i < ws.length;) {
    const abbr = vocabulary.abbreviations.get(ws[i].text);
    const form = vocabulary.forms.get(ws[i].stem)?.find((f) => f.stems.every((stem, k) => ws[i + k]?.stem === stem));
    if (form && (abbr === undefined || form.stems.length > 1)) {
      found.push({ concept: form.concept, start: i, end: i + form.stems.length });
      i += form.stems.length;
    } else if (abbr !== undefined) {
      found.push({ concept: abbr, start: i, end: i + 1 });
      i += 1;
    } else i += 1;
  }
  return found;
}

/**
 * Concept indexes named in `text`, in order of appearance, with repeats.
 * @example matchConcepts(vocab, 'BN и пакетной нормализации') // [bn, bn]
 */
export function matchConcepts(vocabulary: Vocabulary, text: string): number[] {
  return matchSpans(vocabulary, words(text)).map((span) => span.concept);
}
