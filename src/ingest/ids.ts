/**
 * Question ids: readable Latin slugs made from titles (transliterated from Russian), unique
 * across the handbook.
 */
import { slugify, transliterate } from 'transliteration';

export interface SlugRules {
  maxWords: number;
  maxLength: number;
  stopwords: string[];
}

/**
 * A readable slug for a title: the first sentence, transliterated, without filler words,
 * cut to `maxWords` words and `maxLength` characters. Falls back to all words when every
 * word is a filler word.
 */
export function slugForTitle(title: string, rules: SlugRules): string {
  return createSlugger(rules)(title);
}

/** {@link slugForTitle} for many titles under the same rules (the stop words are set up once). */
export function createSlugger(rules: SlugRules): (title: string) => string {
  const stop = new Set(rules.stopwords);
  return (title) => {
    const firstSentence = title.split(/(?<=[.?!])\s+(?=\p{Lu})/u)[0] ?? title;
    const words = slugWords(firstSentence);
    const meaningful = words.filter((w) => !stop.has(w));
    const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, rules.maxWords);
    let slug = '';
    for (const word of chosen) {
      const next = slug ? `${slug}-${word}` : word;
      if (next.length > rules.maxLength && slug) break;
      slug = next.slice(0, rules.maxLength);
    }
    return slug || 'question';
  };
}

/** Latin transliteration of each UTF-16 code unit below U+2E80, filled as they are met. */
const latinOf: (string | undefined)[] = [];

/**
 * The lower-case Latin words (runs of a-z and 0-9) of transliteration's slugify(text) (lower
 * case, separator '-'). slugify maps each character on its own unless the text holds Chinese
 * (then it adds spaces between characters); below U+2E80 there is none, so such a text is
 * mapped one code unit at a time through a cache of single-character transliterations (slugify
 * re-clones its options and tests each character with regexes: most of the time of making
 * ids). Its Latin words are then those of the mapped text, as slugify's separators and
 * replacements only touch other characters. Any other text goes through slugify itself.
 */
function slugWords(text: string): string[] {
  let latin = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x2e80) {
      return slugify(text, { lowercase: true, separator: '-' })
        .replace(/[^a-z0-9]+/g, '-')
        .split('-')
        .filter(Boolean);
    }
    let mapped = latinOf[unit];
    if (mapped === undefined) {
      mapped = transliterate(String.fromCharCode(unit));
      latinOf[unit] = mapped;
    }
    latin += mapped;
  }
  return (latin.match(/[A-Za-z0-9]+/g) ?? []).map((word) => word.toLowerCase());
}

/**
 * Makes ids unique in order: the first holder of a slug keeps it, later ones get `-2`, `-3`, ...
 * `taken` holds ids that are already reserved (e.g. by the lock file) and is updated.
 */
export function uniqueId(slug: string, taken: Set<string>): string {
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  taken.add(id);
  return id;
}
