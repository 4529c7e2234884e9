/**
 * Build-time access to the emitter's link data (`_data/links.json`, `_data/plans.json`) for the
 * permalink routes, the related-questions block, the question index and the plan pages. Before
 * the first ingest the files are absent and everything is empty.
 */
import type { Lang } from '../ingest/model.ts';
import type { LinkEntry, LinksData } from '../ingest/emit/related.ts';
import type { PlanData } from '../ingest/emit/plans-page.ts';
import { t as translate } from '../ingest/emit/strings.ts';

const linkFiles = import.meta.glob<LinksData>('../content/docs/_data/links.json', { eager: true, import: 'default' });
const planFiles = import.meta.glob<PlanData[]>('../content/docs/_data/plans.json', { eager: true, import: 'default' });

export const links: LinksData = Object.values(linkFiles)[0] ?? { langs: [], topics: [], sources: [], questions: [], retired: [] };
export const plans: PlanData[] = Object.values(planFiles)[0] ?? [];

export const questionById: ReadonlyMap<string, LinkEntry> = new Map(links.questions.map((q) => [q.id, q]));
const topicNames = new Map(links.topics.map((topic) => [topic.id, topic.name]));
const sourceTitles = new Map(links.sources.map((source) => [source.file, source.title]));

export const topicName = (id: string, lang: Lang): string => topicNames.get(id)?.[lang] ?? id;
export const sourceTitle = (file: string, lang: Lang): string => sourceTitles.get(file)?.[lang] ?? file;

/** A UI string of src/content/i18n/<lang>.json. */
export const t = translate;

/** `''` for the root language, `/en` for English: prefix of site-absolute paths. */
export const langPrefix = (lang: Lang): string => (lang === 'ru' ? '' : `/${lang}`);

/** Language of a Starlight page from its route data (`undefined` locale = root = ru). */
export function routeLang(locals: App.Locals): Lang {
  try {
    return locals.starlightRoute.lang === 'en' ? 'en' : 'ru';
  } catch {
    return 'ru';
  }
}

export type PermalinkProps =
  | { kind: 'redirect'; lang: Lang; id: string; target: string; title: string }
  | { kind: 'retired'; lang: Lang; id: string };

/**
 * Static paths of `/q/<id>/` (or `/en/q/<id>/`): retired ids, and with `redirects` every id and
 * alias. A build writes the redirect pages without Astro (src/integrations/permalinks.ts), so
 * only `astro dev` asks for them here.
 */
export function permalinkPaths(lang: Lang, redirects = false): { params: { id: string }; props: PermalinkProps }[] {
  const paths: { params: { id: string }; props: PermalinkProps }[] = [];
  for (const q of redirects ? links.questions : []) {
    const target = q.url[lang];
    if (!target) continue;
    for (const id of [q.id, ...(q.aliases ?? [])]) {
      paths.push({ params: { id }, props: { kind: 'redirect', lang, id: q.id, target, title: q.title[lang] ?? q.id } });
    }
  }
  for (const id of links.retired) paths.push({ params: { id }, props: { kind: 'retired', lang, id } });
  return paths;
}
