/**
 * Generated data files under `_data/` (ignored by Starlight's docs loader):
 * - `questions.json`: a machine-readable index of every question (published as /questions.json);
 * - `sidebar.json`: the Starlight sidebar, read by astro.config.mjs.
 */
import { answerBy } from './question.ts';
import type { QuestionIndexEntry, SidebarItem } from '../../data/contract.ts';
import { hasAnswer, type Lang, type Question } from '../model.ts';
import { localize, type Labels } from './localize.ts';
import { pageUrl, ROOT_LANG, type Slug } from './paths.ts';
import { permalinks } from './links.ts';
import { t } from './strings.ts';

/**
 * Build the question index.
 * @param pageOf Slug of the page each question id is on.
 */
export function questionIndex(
  questions: readonly Question[],
  pageOf: ReadonlyMap<string, Slug>,
  langs: readonly Lang[],
  labels: Labels = {},
): QuestionIndexEntry[] {
  return questions.map((q) => {
    const slug = pageOf.get(q.id);
    if (slug === undefined) throw new Error(`Question ${q.id} is on no page`);
    return {
      id: q.id,
      topic: q.topic,
      title: Object.fromEntries(langs.map((lang) => [lang, localize(q, lang, labels).title.value])),
      lang: q.lang,
      url: Object.fromEntries(langs.map((lang) => [lang, `${pageUrl(lang, slug)}#${q.id}`])),
      permalink: permalinks(q.id, langs),
      ...(q.aliases?.length ? { aliases: q.aliases } : {}),
      ...(q.related ? { related: q.related } : {}),
      source: { file: q.source.file, format: q.source.format, title: q.source.title, lines: q.source.lines },
      levels: q.levels,
      minutes: q.minutes,
      ...(q.minutesEstimated ? { minutesEstimated: true } : {}),
      hasAnswer: hasAnswer(q),
      ...(answerBy(q) ? { answerBy: answerBy(q) } : {}),
    };
  });
}

/** Label in the root language plus translations for every other emitted language. */
function labels(
  langs: readonly Lang[],
  of: (lang: Lang) => string,
): { label: string; translations: Record<string, string> } {
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
  return [
    { ...labels(langs, (l) => t(l, 'handbook.sidebar.topics')), items: topicItems },
    { slug: 'sources' },
    // Astro routes (not content pages); Starlight prefixes `link` with the locale.
    { ...labels(langs, (l) => t(l, 'handbook.index.title')), link: '/questions/' },
    { ...labels(langs, (l) => t(l, 'handbook.plans.title')), link: '/plans/' },
    { ...labels(langs, (l) => t(l, 'handbook.practice.title')), link: '/practice/' },
    { ...labels(langs, (l) => t(l, 'handbook.progress.title')), link: '/progress/' },
  ];
}

/** Stable JSON text of a data file. */
export function jsonFile(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
