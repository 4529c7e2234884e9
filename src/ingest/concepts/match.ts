/**
 * Finds the concepts a text names: at each word, the longest form of the vocabulary that starts
 * there (stems compared word by word), or an exact, case-sensitive abbreviation; matching then
 * continues after it, so "batch normalization" is one concept, not also "normalization".
 */
import type { Vocabulary } from './vocabulary.ts';
import { words } from './words.ts';

/**
 * Concept indexes named in `text`, in order of appearance, with repeats.
 * @example matchConcepts(vocab, 'BN и пакетной нормализации') // [bn, bn]
 */
export function matchConcepts(vocabulary: Vocabulary, text: string): number[] {
  const ws = words(text);
  const found: number[] = [];
  for (let i = 0; i < ws.length;) {
    const abbr = vocabulary.abbreviations.get(ws[i].text);
    const form = vocabulary.forms.get(ws[i].stem)?.find((f) => f.stems.every((stem, k) => ws[i + k]?.stem === stem));
    if (form && (abbr === undefined || form.stems.length > 1)) {
      found.push(form.concept);
      i += form.stems.length;
    } else if (abbr !== undefined) {
      found.push(abbr);
      i += 1;
    } else i += 1;
  }
  return found;
}
