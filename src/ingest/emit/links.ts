/**
 * `_data/links.json`: what the link features need about every question, per language — the
 * permalink routes (src/pages/q/, src/pages/en/q/), the related-questions block of each
 * question, the question index page and the plan pages all read it at build time.
 *
 * Permalinks: `/q/<id>/` (Russian) and `/en/q/<id>/` (English) redirect to the question's page
 * and anchor wherever it lives; aliases redirect the same way; retired ids get a "removed" page.
 */
import type { LinkEntry, LinksData, PerLang } from '../../data/contract.ts';
import { hasAnswer, type Handbook, type Lang, type Question } from '../model.ts';
import { localize, localizeLabel, type Labels } from './localize.ts';
import { expectedAnswer } from './plans-page.ts';
import { pageUrl, permalinkUrl, type Slug } from './paths.ts';

/** Per-language permalinks of an id. */
export function permalinks(id: string, langs: readonly Lang[]): Partial<Record<Lang, string>> {
  return Object.fromEntries(langs.map((lang) => [lang, permalinkUrl(lang, id)]));
}

/**
 * Build the links data.
 * @param pageOf Slug of the page each question id is on.
 * @param topics Topics in page order (id and localized name).
 */
export function linksData(
  handbook: Handbook,
  pageOf: ReadonlyMap<string, Slug>,
  topics: readonly { id: string; name: Record<Lang, string> }[],
  langs: readonly Lang[],
): LinksData {
  const labels: Labels = handbook.labels ?? {};
  const perLang = <T>(of: (lang: Lang) => T): PerLang<T> => Object.fromEntries(langs.map((lang) => [lang, of(lang)]));
  const entry = (q: Question): LinkEntry => {
    const slug = pageOf.get(q.id);
    if (slug === undefined) throw new Error(`Question ${q.id} is on no page`);
    return {
      id: q.id,
      ...(q.aliases?.length ? { aliases: q.aliases } : {}),
      topic: q.topic,
      title: perLang((lang) => localize(q, lang, labels).title.value),
      url: perLang((lang) => `${pageUrl(lang, slug)}#${q.id}`),
      permalink: permalinks(q.id, langs),
      levels: q.levels,
      source: q.source.file,
      ...(q.minutes !== undefined ? { minutes: q.minutes } : {}),
      ...(q.minutesEstimated ? { minutesEstimated: true } : {}),
      ...(q.followUps.length > 0
        ? { followUps: perLang((lang) => localize(q, lang, labels).followUps?.value ?? q.followUps) }
        : {}),
      ...(hasAnswer(q) ? { expected: perLang((lang) => expectedAnswer(q, lang, labels)) } : {}),
      answered: hasAnswer(q),
      related: q.related ?? [],
      ...(q.answeredIn?.length ? { answeredIn: q.answeredIn } : {}),
    };
  };
  const current = new Set(handbook.questions.flatMap((q) => [q.id, ...(q.aliases ?? [])]));
  return {
    langs: [...langs],
    topics: topics.map((topic) => ({ id: topic.id, name: perLang((lang) => topic.name[lang]) })),
    sources: handbook.sources.map((s) => ({
      file: s.file,
      title: perLang((lang) => (s.title ? localizeLabel(s.title, lang, labels).value : s.file)),
    })),
    questions: handbook.questions.map(entry),
    retired: (handbook.retiredIds ?? []).filter((id) => !current.has(id)),
  };
}
