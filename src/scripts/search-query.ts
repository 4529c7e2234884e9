/**
 * Query normalisation for the search dialog. Pagefind returns only results that contain every
 * word of a query, so a question typed as a candidate types it ("почему при обучении модель ест
 * больше памяти") finds nothing when one word is not in the index. Before searching:
 * - stop words are dropped (lists of the `stopword` package and the vocabulary's question words,
 *   shipped with the index);
 * - a word that is not in the index is replaced by an indexed word one edit away (two for long
 *   words), else dropped;
 * - words that no question has together with the more telling words of the query are dropped
 *   (concept names first, then the rarest words), so a query that names something indexed finds it,
 *   and so is a word that would narrow the results to fewer than MIN_SHARED questions;
 * - an abbreviation typed in capitals ("BN", "NMS") is searched as an exact word where Pagefind's
 *   prefix matching would find another one ("BN" is not "BNN"; see `needsExact`); mixed-case ones ("mAP") keep Pagefind's
 *   ranking, where the concept keywords put the right question first;
 * the words that remain go to Pagefind, which stems and ranks them as it indexed them.
 */

/** The index's words for one edition: sorted, folded words, the records each occurs in, stop words. */
export interface SearchTerms {
  words: string[];
  /** Record numbers (ascending) of each word in `words`. */
  postings: number[][];
  /** Indexes in `words` of the words that name concepts (content/concepts.yaml). */
  concepts: number[];
  stop: string[];
}

/**
 * Fewest records a query may narrow to by one more word (unless it had fewer already): a word
 * that happens to occur beside the query's subject in one question must not hide the others.
 */
const MIN_SHARED = 3;

/** Shortest prefix that makes a query word "known" when an indexed word starts with it. */
const MIN_PREFIX = 4;

const fold = (text: string) => text.toLowerCase().replaceAll('ё', 'е');

/**
 * Whether a token as typed is an abbreviation in capitals: two to six letters or digits, no
 * small letter, at least two capitals.
 * @example isAbbreviation('BN') // true
 * @example isAbbreviation('mAP') // false
 */
export function isAbbreviation(token: string): boolean {
  return /^[\p{Lu}\p{N}]{2,6}$/u.test(token) && /\p{Lu}.*\p{Lu}/u.test(token);
}

/** First index of `sorted` whose word is >= `word` (binary search). */
function lowerBound(sorted: readonly string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether an indexed word shares the query word's stem-sized prefix (all of a short word, the
 * word less up to three letters of ending otherwise), so word forms count as known.
 * @example isKnown('нормализации', ['нормализация']) // true
 */
export function isKnown(word: string, sorted: readonly string[]): boolean {
  const prefix = word.length <= MIN_PREFIX ? word : word.slice(0, Math.max(MIN_PREFIX, word.length - 3));
  const at = lowerBound(sorted, prefix);
  return at < sorted.length && sorted[at].startsWith(prefix);
}

/** Indexes in `terms.words` of the words that start with the query word's stem-sized prefix. */
function formsOf(word: string, terms: SearchTerms): number[] {
  const prefix = word.length <= MIN_PREFIX ? word : word.slice(0, Math.max(MIN_PREFIX, word.length - 3));
  const out: number[] = [];
  for (let i = lowerBound(terms.words, prefix); i < terms.words.length && terms.words[i].startsWith(prefix); i++)
    out.push(i);
  return out;
}

/** Damerau–Levenshtein distance (adjacent swaps count one), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The indexed word nearest to `word` within the allowed edits (first in the list on ties). */
export function correction(word: string, sorted: readonly string[]): string | undefined {
  if (word.length < 5) return undefined;
  const max = word.length >= 9 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const candidate of sorted) {
    if (candidate[0] !== word[0] && candidate[0] !== word[1]) continue;
    const d = editDistance(word, candidate, Math.min(max, bestDistance - 1));
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
    if (d === 1 && max === 1) break;
  }
  return best;
}

/**
 * Whether an abbreviation must be searched as an exact word: it is indexed, and a longer indexed
 * word other than its plural starts with it, which Pagefind's prefix matching would also find
 * ("bn" and "bnn"). An exact word matches only page text, not the concept keywords, so it is
 * used only where prefix matching would mislead.
 * @example needsExact('bn', ['bn', 'bnn']) // true
 * @example needsExact('lstm', ['lstm', 'lstms']) // false
 */
export function needsExact(word: string, sorted: readonly string[]): boolean {
  const at = lowerBound(sorted, word);
  if (sorted[at] !== word) return false;
  for (let i = at + 1; i < sorted.length && sorted[i].startsWith(word); i++) {
    if (sorted[i] !== `${word}s`) return true;
  }
  return false;
}

/**
 * The query as it is searched (see the module comment).
 * @example normaliseQuery('как бороться с переобученим', terms) // 'бороться переобучением'
 */
export function normaliseQuery(query: string, terms: SearchTerms): string {
  const typed = query.match(/[\p{L}\p{N}]+(?:\+\+|#)?/gu) ?? [];
  const exact = new Set(typed.filter(isAbbreviation).map(fold));
  const tokens = typed.map(fold);
  const stop = new Set(terms.stop);
  const content = tokens.filter((w) => !stop.has(w));
  if (content.length === 0) return query;
  const concepts = new Set(terms.concepts);
  const known: { word: string; forms: number[]; records: Set<number>; concept: boolean }[] = [];
  for (const word of content) {
    const fixed = isKnown(word, terms.words) ? word : correction(word, terms.words);
    if (!fixed) continue;
    const forms = formsOf(fixed, terms);
    known.push({
      word: fixed,
      forms,
      records: new Set(forms.flatMap((i) => terms.postings[i])),
      concept: forms.some((i) => concepts.has(i)),
    });
  }
  if (known.length === 0) return content.join(' ');
  // Concept words first, then the rarest; a word is kept while some record holds every kept word.
  let common: Set<number> | undefined;
  const kept = new Set<(typeof known)[number]>();
  const telling = [...known].sort((a, b) => Number(b.concept) - Number(a.concept) || a.records.size - b.records.size);
  for (const k of telling) {
    const next: Set<number> = common ? new Set([...common].filter((r) => k.records.has(r))) : k.records;
    if (next.size === 0 || (common && next.size < Math.min(MIN_SHARED, common.size))) continue;
    common = next;
    kept.add(k);
  }
  // A word not indexed as typed becomes its indexed form found in most of those records, so
  // that Pagefind's stemmer sees a word it has indexed.
  const shared = common ?? new Set<number>();
  const formFor = (k: (typeof known)[number]) => {
    let best = k.forms[0];
    let bestCount = -1;
    for (const i of k.forms) {
      if (terms.words[i] === k.word) return k.word;
      const count = terms.postings[i].filter((r) => shared.has(r)).length;
      if (count > bestCount) [best, bestCount] = [i, count];
    }
    return terms.words[best];
  };
  return known
    .filter((k) => kept.has(k))
    .map((k) => (exact.has(k.word) && needsExact(k.word, terms.words) ? `"${k.word}"` : formFor(k)))
    .join(' ');
}
