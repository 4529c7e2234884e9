/**
 * Build-time access to the emitter's data files (`_data/links.json`, `_data/plans.json`) for the
 * permalink routes, the question blocks, the question index and the plan pages, each checked
 * against the data contract (contract.ts): a file another version wrote stops the build with the
 * file and the fix. Before the first ingest the files are absent and everything is empty.
 *
 * The files are read from disk when the pages render, not bundled: at 10,000 questions they
 * hold tens of megabytes that Vite would otherwise compile into the server bundle.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../ingest/model.ts';
import {
  parseData,
  type DataFileName,
  type DataOf,
  type LinkEntry,
  type LinksData,
  type PlanData,
} from './contract.ts';
import { t as translate } from '../ingest/emit/strings.ts';

/** The emitter's data folder: set by astro.config.mjs; the project's when run outside Astro. */
const DATA_DIR: string = import.meta.env?.HANDBOOK_DATA_DIR ?? join(process.cwd(), 'src/content/docs/_data');

/** The text of a data file, or undefined before the first ingest. */
function readDataText(name: DataFileName): string | undefined {
  const file = join(DATA_DIR, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** A data file checked against the contract (contract.ts `parseData`), or undefined before the first ingest. */
export function readData<N extends DataFileName>(name: N): DataOf<N> | undefined {
  const text = readDataText(name);
  return text === undefined ? undefined : parseData(name, text, join(DATA_DIR, name));
}

/** The checked text of a data file (published as it is), or undefined before the first ingest. */
export function readDataFile(name: DataFileName): string | undefined {
  const text = readDataText(name);
  if (text !== undefined) parseData(name, text, join(DATA_DIR, name));
  return text;
}

export const links: LinksData = readData('links.json') ?? {
  langs: [],
  topics: [],
  sources: [],
  questions: [],
  retired: [],
};
export const plans: PlanData[] = readData('plans.json') ?? [];

/** The plan of one outline level (`plan.level`), by source file and level. */
const levelPlans = new Map(plans.flatMap((p) => (p.level ? [[`${p.level.source}\u0000${p.level.level}`, p.id]] : [])));

/** URL of the level plan for a question's level badge, when its source has one. */
export function levelPlanUrl(source: string, level: string, lang: Lang): string | undefined {
  const id = levelPlans.get(`${source}\u0000${level}`);
  return id === undefined ? undefined : `${langPrefix(lang)}/plans/${id}/`;
}

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

/**
 * UI strings of the page's edition: `t(key, vars)`. The handbook's own strings
 * (src/content/i18n) as a plain lookup; components call it for every question.
 */
export function pageStrings(locals: App.Locals): (key: string, vars?: Record<string, string | number>) => string {
  const lang = routeLang(locals);
  return (key, vars) => translate(lang, key, vars);
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
