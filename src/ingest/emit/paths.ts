/**
 * Where emitted pages live (file paths under src/content/docs/) and their public URLs.
 * The root locale (Russian) has no prefix; every other language sits under `/<lang>/`.
 */
import type { Lang } from '../model.ts';

/** Language served at the site root (Starlight `root` locale). */
export const ROOT_LANG: Lang = 'ru';

/** Directory of generated data files; `_`-prefixed, so Starlight's docs loader skips it. */
export const DATA_DIR = '_data';

/** Slugs a topic id may not take (other pages, locale prefixes, the data directory). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'index',
  'sources',
  'en',
  'ru',
  DATA_DIR,
  '404',
  'study-guide',
  'flashcards',
  'q',
  'plans',
  'questions',
]);

/** A page's slug without locale (`ml-basics`, `ml-basics/2`, `sources`, `index`). */
export type Slug = string;

function localePrefix(lang: Lang): string {
  return lang === ROOT_LANG ? '' : `${lang}/`;
}

/**
 * Relative file path of a page under src/content/docs/.
 * @param asDirIndex Write `slug/index.mdx` instead of `slug.mdx` (first page of a split topic).
 */
export function pageFile(lang: Lang, slug: Slug, asDirIndex = false): string {
  return `${localePrefix(lang)}${slug}${asDirIndex ? '/index' : ''}.mdx`;
}

/**
 * Permalink of a question id in one edition: `/q/<id>/` (root language), `/en/q/<id>/`. It
 * forwards to the question's page and anchor wherever the question lives (src/integrations/permalinks.ts).
 */
export function permalinkUrl(lang: Lang, id: string): string {
  return `/${localePrefix(lang)}q/${id}/`;
}

/** Public URL of a page (`/`, `/ml-basics/`, `/en/ml-basics/2/`); build.format is `directory`. */
export function pageUrl(lang: Lang, slug: Slug): string {
  const path = slug === 'index' ? '' : `${slug}/`;
  return `/${localePrefix(lang)}${path}`;
}
