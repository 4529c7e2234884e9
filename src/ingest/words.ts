/**
 * Splitting text into words: maximal runs of letters and digits, exactly what
 * `text.match(/[\p{L}\p{N}]+/gu) ?? []` returns. The Unicode-property regex was a large share of
 * ingestion time (glossary matching and fingerprints tokenize every question several times), so
 * ASCII and basic Cyrillic are classified by range and only other characters by the regex
 * (cached per code point).
 */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Basic Multilingual Plane code units classified so far: 0 not yet, 1 a word character, 2 not. */
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, boolean>();

function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  if (cp >= 0x410 && cp <= 0x44f) return true; // А-я
  if (cp < 0x10000) {
    let known = bmp[cp];
    if (known === 0) {
      known = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 2;
      bmp[cp] = known;
    }
    return known === 1;
  }
  let known = astral.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    astral.set(cp, known);
  }
  return known;
}

/** Letters and digits among the first 0x500 code units (Latin, Greek, Cyrillic): 1, else 0. */
const WORD_UNIT = new Uint8Array(0x500);
for (let unit = 0; unit < 0x500; unit++) WORD_UNIT[unit] = isWordChar(unit) ? 1 : 0;

/**
 * The length in code units (1, or 2 for a surrogate pair) of the letter or digit at `i` of
 * `text`, or 0 when the character there is none (or `i` is past the end). Reads code points as
 * letterRuns does.
 */
export function wordCharSize(text: string, i: number): number {
  const unit = text.charCodeAt(i);
  if (unit < 0x500) return WORD_UNIT[unit];
  const cp = text.codePointAt(i);
  if (cp === undefined) return 0;
  return isWordChar(cp) ? codePointSize(cp) : 0;
}

/** Code units of a code point as codePointAt reads it (a lone surrogate is one unit). */
const codePointSize = (cp: number) => (cp > 0xffff ? 2 : 1);

/**
 * Word boundaries of `text` (the runs letterRuns returns) written to `bounds` as start, end
 * pairs, at most `limit` words; returns the number of words. `bounds.array` grows as needed.
 */
export function wordBounds(text: string, bounds: { array: Int32Array }, limit = Infinity): number {
  let count = 0;
  let array = bounds.array;
  let p = 0;
  const n = text.length;
  while (p < n && count < limit) {
    let size = wordCharSize(text, p);
    if (size === 0) {
      // Not a letter or digit: step over the whole code point.
      p += codePointSize(text.codePointAt(p)!);
      continue;
    }
    const start = p;
    do {
      p += size;
      size = p < n ? wordCharSize(text, p) : 0;
    } while (size > 0);
    if (2 * count + 2 > array.length) {
      const grown = new Int32Array(array.length * 2);
      grown.set(array);
      array = grown;
      bounds.array = grown;
    }
    array[2 * count] = start;
    array[2 * count + 1] = p;
    count++;
  }
  return count;
}

/** Word boundaries for letterRuns (grown by wordBounds as needed). */
const runs = { array: new Int32Array(256) };

/** Runs of letters and digits (Unicode) of `text`, in order (the words wordBounds finds, cut out). */
export function letterRuns(text: string): string[] {
  const count = wordBounds(text, runs);
  const at = runs.array;
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = text.slice(at[2 * i], at[2 * i + 1]);
  return out;
}

/**
 * The code point that ends just before `at` (a surrogate pair read as one), as a lookbehind
 * with the `u` flag sees it; `at` must be at least 1.
 */
function codePointBefore(text: string, at: number): number {
  const unit = text.charCodeAt(at - 1);
  if (unit >= 0xdc00 && unit <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (unit - 0xdc00) + 0x10000;
  }
  return unit;
}

/**
 * A test for `needle` occurring in a text at a word start (not right after a letter or digit):
 * the same answer as `(?<![\p{L}\p{N}])needle` with the `u` flag, without running a lookbehind
 * regex over the whole text (indexOf finds the candidates). A needle holding surrogates keeps
 * that regex (`u` reads the text by code points).
 */
export function wordStartMatcher(needle: string): (text: string) => boolean {
  if (/[\uD800-\uDFFF]/.test(needle)) {
    const regex = new RegExp(`(?<![\\p{L}\\p{N}])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u');
    return (text) => regex.test(text);
  }
  return (text) => {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      if (at === 0 || !isWordChar(codePointBefore(text, at))) return true;
    }
    return false;
  };
}

/**
 * Finds many needles in a text at once, each at a word start as wordStartMatcher does: one
 * scan of the text, checking at each position that follows no letter or digit only the needles
 * that start with its character. Returns, for a text, which needles occur (by index).
 */
export function wordStartScanner(needles: readonly string[]): (text: string) => boolean[] {
  // Needles by their first code unit: an array for Latin and Cyrillic, a map for the rest.
  const low: (number[] | undefined)[] = new Array(0x500).fill(undefined);
  const high = new Map<number, number[]>();
  const startingWith = (unit: number) => (unit < 0x500 ? low[unit] : high.get(unit));
  // Needles the scan cannot take (empty, or holding surrogates) keep their own matcher.
  const apart: [number, (text: string) => boolean][] = [];
  needles.forEach((needle, k) => {
    if (needle === '' || /[\uD800-\uDFFF]/.test(needle)) {
      apart.push([k, wordStartMatcher(needle)]);
      return;
    }
    const unit = needle.charCodeAt(0);
    const list = startingWith(unit);
    if (list) list.push(k);
    else if (unit < 0x500) low[unit] = [k];
    else high.set(unit, [k]);
  });
  return (text) => {
    const found: boolean[] = new Array(needles.length).fill(false);
    let afterWord = false;
    for (let p = 0; p < text.length; p++) {
      if (!afterWord) {
        const list = startingWith(text.charCodeAt(p));
        if (list !== undefined) for (const k of list) if (!found[k] && text.startsWith(needles[k], p)) found[k] = true;
      }
      afterWord = isWordChar(codePointBefore(text, p + 1));
    }
    for (const [k, matches] of apart) found[k] = matches(text);
    return found;
  };
}
