/**
 * Words of a text for concept matching: tokens of letters and digits ("c++" and "c#" keep their
 * marks), folded to lower case with "ё" as "е", and reduced by the Snowball stemmer of their
 * script (Russian or English, the algorithm family Pagefind uses), so "пакетной нормализации"
 * and "пакетная нормализация" have the same stems.
 */
import snowball from 'snowball-stemmers';

export interface Word {
  /** The token as written. */
  text: string;
  /** Lower case, "ё" → "е". */
  folded: string;
  /** Snowball stem of `folded` (the folded token itself for words without letters of either script). */
  stem: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:\+\+|#)?/gu;
const CYRILLIC = /[а-я]/;
const LATIN = /[a-z]/;
const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');
const stems = new Map<string, string>();

/**
 * Lower case with "ё" folded to "е".
 * @example foldCase('Свёртка') // 'свертка'
 */
export function foldCase(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}

/**
 * The Snowball stem of a folded word, by its script; mixed or letterless words stay as they are.
 * @example stemOf('нормализации') // 'нормализац'
 * @example stemOf('layers') // 'layer'
 */
export function stemOf(folded: string): string {
  let stem = stems.get(folded);
  if (stem === undefined) {
    const cyrillic = CYRILLIC.test(folded);
    const latin = LATIN.test(folded);
    stem =
      cyrillic && !latin
        ? russian.stem(folded)
        : latin && !cyrillic && !/\d/.test(folded)
          ? english.stem(folded)
          : folded;
    stems.set(folded, stem);
  }
  return stem;
}

/**
 * The words of a text, in order.
 * @example words('Batch-нормализация').map((w) => w.stem) // ['batch', 'нормализац']
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const [token] of text.matchAll(TOKEN)) {
    const folded = foldCase(token);
    out.push({ text: token, folded, stem: stemOf(folded) });
  }
  return out;
}
