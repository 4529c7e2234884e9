/**
 * Question ids: readable Latin slugs made from titles (transliterated from Russian), unique
 * across the handbook.
 */
import { slugify } from 'transliteration';

export interface SlugRules {
  maxWords: number;
  maxLength: number;
  stopwords: string[];
}

/** The stop words of slug rules as a set, made once per rules object (and stop-word list). */
const stopwordSets = new WeakMap<SlugRules, { list: string[]; size: number; set: Set<string> }>();
function stopwordSet(rules: SlugRules): Set<string> {
  let cached = stopwordSets.get(rules);
  if (!cached || cached.list !== rules.stopwords || cached.size !== rules.stopwords.length) {
    cached = { list: rules.stopwords, size: rules.stopwords.length, set: new Set(rules.stopwords) };
    stopwordSets.set(rules, cached);
  }
  return cached.set;
}

/**
 * A readable slug for a title: the first sentence, transliterated, without filler words,
 * cut to `maxWords` words and `maxLength` characters. Falls back to all words when every
 * word is a filler word.
 */
export function slugForTitle(title: string, rules: SlugRules): string {
  const stop = stopwordSet(rules);
  const firstSentence = title.split(/(?<=[.?!])\s+(?=\p{Lu})/u)[0] ?? title;
  const words = slugify(firstSentence, { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean);
  const meaningful = words.filter((w) => !stop.has(w));
  const chosen = (meaningful.length > 0 ? meaningful : words).slice(0, rules.maxWords);
  let slug = '';
  for (const word of chosen) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > rules.maxLength && slug) break;
    slug = next.slice(0, rules.maxLength);
  }
  return slug || 'question';
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
