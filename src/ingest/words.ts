/**
 * Splitting text into words: maximal runs of letters and digits, exactly what
 * `text.match(/[\p{L}\p{N}]+/gu) ?? []` returns. The Unicode-property regex was a large share of
 * ingestion time (glossary matching and fingerprints tokenize every question several times), so
 * ASCII and basic Cyrillic are classified by range and only other characters by the regex
 * (cached per code point).
 */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const other = new Map<number, boolean>();

function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  if (cp >= 0x410 && cp <= 0x44f) return true; // А-я
  let known = other.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    other.set(cp, known);
  }
  return known;
}

/** Runs of letters and digits (Unicode) of `text`, in order. */
export function letterRuns(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (isWordChar(cp)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(text.slice(start, i));
      start = -1;
    }
    i += size;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}
