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

/**
 * A readable slug for a title: the first sentence, transliterated, without filler words,
 * cut to `maxWords` words and `maxLength` characters. Falls back to all words when every
 * word is a filler word.
 */
export function slugForTitle(title: string, rules: SlugRules): string {
  const firstSentence = title.split(/(?<=[.?!])\s+(?=\p{Lu})/u)[0] ?? title;
  const words = slugify(firstSentence, { lowercase: true, separator: '-' })
    .replace(/[^a-z0-9]+/g, '-')
    .split('-')
    .filter(Boolean);
  const stop = new Set(rules.stopwords);
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
