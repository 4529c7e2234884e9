/**
 * Generated data files under `_data/` (ignored by Starlight's docs loader):
 * - `questions.json`: a machine-readable index of every question (published as /questions.json);
 * - `sidebar.json`: the Starlight sidebar, read by astro.config.mjs.
 */
import { hasAnswer, type Lang, type Level, type Question, type SourceRef } from '../model.ts';
import { pageUrl, ROOT_LANG, type Slug } from './paths.ts';
import { t } from './strings.ts';

/** One entry of questions.json. */
export interface QuestionIndexEntry {
  id: string;
  topic: string;
  title: string;
  /** Page URL with `#id`, per emitted language. */
  url: Partial<Record<Lang, string>>;
  source: Pick<SourceRef, 'file' | 'format' | 'title' | 'lines'>;
  levels: Level[];
  minutes?: number;
  hasAnswer: boolean;
}

/**
 * Build the question index.
 * @param pageOf Slug of the page each question id is on.
 */
export function questionIndex(
  questions: readonly Question[],
  pageOf: ReadonlyMap<string, Slug>,
  langs: readonly Lang[],
): QuestionIndexEntry[] {
  return questions.map((q) => {
    const slug = pageOf.get(q.id);
    if (slug === undefined) throw new Error(`Question ${q.id} is on no page`);
    return {
      id: q.id,
      topic: q.topic,
      title: q.title,
      url: Object.fromEntries(langs.map((lang) => [lang, `${pageUrl(lang, slug)}#${q.id}`])),
      source: { file: q.source.file, format: q.source.format, title: q.source.title, lines: q.source.lines },
      levels: q.levels,
      minutes: q.minutes,
      hasAnswer: hasAnswer(q),
    };
  });
}

/** A Starlight sidebar item (subset of its config schema). */
export type SidebarItem =
  | { slug: string }
  | { label: string; translations: Record<string, string>; collapsed?: boolean; items: SidebarItem[] };

/** Label in the root language plus translations for every other emitted language. */
function labels(langs: readonly Lang[], of: (lang: Lang) => string): { label: string; translations: Record<string, string> } {
  const translations = Object.fromEntries(langs.filter((l) => l !== ROOT_LANG).map((l) => [l, of(l)]));
  return { label: of(ROOT_LANG), translations };
}

/**
 * Build the sidebar: a "Topics" group (split topics become collapsed sub-groups) and the
 * sources page. Page labels come from page titles, so they are localised by Starlight.
 */
export function sidebar(
  topics: readonly { name: Record<Lang, string>; slugs: Slug[] }[],
  langs: readonly Lang[],
): SidebarItem[] {
  const topicItems = topics.map((topic): SidebarItem =>
    topic.slugs.length === 1
      ? { slug: topic.slugs[0] }
      : { ...labels(langs, (l) => topic.name[l]), collapsed: true, items: topic.slugs.map((slug) => ({ slug })) },
  );
  return [{ ...labels(langs, (l) => t(l, 'handbook.sidebar.topics')), items: topicItems }, { slug: 'sources' }];
}

/** Stable JSON text of a data file. */
export function jsonFile(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
