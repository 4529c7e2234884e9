/**
 * Emitter entry point: turns a {@link Handbook} into the files of src/content/docs/.
 * Pure: no file system access (see `write.ts` for writing the result).
 */
import { hasAnswer, ID_PATTERN, type Handbook, type Lang, type Question, type Topic } from '../model.ts';
import type { DataFileName, DataOf } from '../../data/contract.ts';
import { jsonFile, questionIndex, sidebar } from './data.ts';
import { homePage, notFoundPage } from './home-page.ts';
import { DEFAULT_PAGE_SIZE } from './paginate.ts';
import { DATA_DIR, pageFile, pageUrl, RESERVED_SLUGS, ROOT_LANG, type Slug } from './paths.ts';
import { toMdx } from './serialize.ts';
import { sourcesPage } from './sources-page.ts';
import { studyGuidePage } from './study-guide.ts';
import { flashcardsData } from './flashcards.ts';
import { questionWeight, topicPages, topicPagination, topicSlugs, type ElementCache } from './topic-page.ts';
import { linksData } from './links.ts';
import { plansData } from './plans-page.ts';
import { searchData } from './search-records.ts';

export { DEFAULT_PAGE_SIZE } from './paginate.ts';
export { toMdx } from './serialize.ts';

export interface EmitOptions {
  /** Languages to emit; must include the root language (`ru`). */
  langs: Lang[];
  /** Split a topic into several pages above this many questions (default 120), or earlier by estimated size. */
  pageSize?: number;
}

/**
 * Emit every page and data file of the site.
 * @returns Paths relative to src/content/docs/ (e.g. `ml-basics.mdx`, `en/ml-basics.mdx`,
 *   `_data/questions.json`) mapped to file contents, in a deterministic order.
 */
export function emitSite(handbook: Handbook, options: EmitOptions): Map<string, string> {
  const langs = [...new Set(options.langs)];
  if (!langs.includes(ROOT_LANG)) throw new Error(`emitSite: langs must include the root language "${ROOT_LANG}"`);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;

  const topics = topicsWithQuestions(handbook);
  // Pages split by question count and by estimated HTML size (every page stays < 500 KB).
  const elements: ElementCache = new Map();
  const weight = (q: Question) => questionWeight(q, langs, handbook.labels ?? {}, elements);
  const paginated = topics.map(({ topic, questions }) => ({
    topic,
    pages: topicPagination(
      questions,
      pageSize,
      weight,
      undefined,
      topic.subtopics?.map((sub) => sub.name.ru),
    ),
  }));

  const pageOf = new Map<string, Slug>();
  for (const { topic, pages } of paginated) {
    const slugs = topicSlugs(topic.id, pages.length);
    pages.forEach((questions, i) => questions.forEach((q) => pageOf.set(q.id, slugs[i])));
  }

  const files = new Map<string, string>();
  /** A data file of the site, typed by the contract the site reads it with (src/data/contract.ts). */
  const setData = <N extends DataFileName>(name: N, data: DataOf<N>) =>
    files.set(`${DATA_DIR}/${name}`, jsonFile(data));
  const totals = { questions: handbook.questions.length, answers: handbook.questions.filter(hasAnswer).length };
  for (const lang of langs) {
    const entries = paginated.map(({ topic, pages }) => ({
      name: topic.name[lang],
      slug: topic.id,
      questions: pages.reduce((n, page) => n + page.length, 0),
    }));
    files.set(pageFile(lang, 'index'), toMdx(homePage(lang, entries, totals)));
    files.set(pageFile(lang, 'sources'), toMdx(sourcesPage(lang, handbook.sources, handbook.labels ?? {})));
    files.set(pageFile(lang, '404'), toMdx(notFoundPage(lang)));
    const guideTopics = paginated.map(({ topic, pages }) => ({
      topic,
      pages: topicPages(topic, pages, lang, handbook.labels ?? {}, elements),
    }));
    for (const { pages } of guideTopics) for (const page of pages) files.set(page.file, toMdx(page.tree));
    // The study guide: cover and contents; the PDF script loads the questions from the topic pages.
    const guide = studyGuidePage(lang, guideTopics, handbook.sources, handbook.labels ?? {});
    files.set(guide.file, toMdx(guide.tree));
  }

  // Reading order: topics in topics.yaml order, each in page order.
  setData(
    'questions.json',
    questionIndex(
      paginated.flatMap(({ pages }) => pages.flat()),
      pageOf,
      langs,
      handbook.labels ?? {},
    ),
  );
  const sidebarTopics = paginated.map(({ topic, pages }) => ({
    name: topic.name,
    slugs: topicSlugs(topic.id, pages.length),
  }));
  setData('sidebar.json', sidebar(sidebarTopics, langs));
  // Permalinks, related questions, the question index and plan pages (Astro routes read these).
  setData(
    'links.json',
    linksData(
      handbook,
      pageOf,
      paginated.map(({ topic }) => topic),
      langs,
    ),
  );
  setData('plans.json', plansData(handbook, langs));
  const urls = new Map(
    handbook.questions.map((q) => [
      q.id,
      Object.fromEntries(langs.map((lang) => [lang, `${pageUrl(lang, pageOf.get(q.id)!)}#${q.id}`])),
    ]),
  );
  setData('search.json', searchData(handbook.questions, urls, langs, handbook));
  setData(
    'flashcards.json',
    flashcardsData(
      paginated.flatMap(({ pages }) => pages.flat()),
      langs,
      handbook.labels ?? {},
    ),
  );
  return files;
}

/**
 * Topics that have questions, in topics.yaml order; questions whose topic is not declared get a
 * fallback topic named by its id (appended in order of first appearance).
 */
function topicsWithQuestions(handbook: Handbook): { topic: Topic; questions: Question[] }[] {
  const byTopic = new Map<string, Question[]>();
  for (const q of handbook.questions) {
    const list = byTopic.get(q.topic) ?? [];
    list.push(q);
    byTopic.set(q.topic, list);
  }
  const known = new Map(handbook.topics.map((topic) => [topic.id, topic]));
  const ordered = [...handbook.topics.map((topic) => topic.id), ...[...byTopic.keys()].filter((id) => !known.has(id))];
  for (const id of byTopic.keys()) {
    if (!ID_PATTERN.test(id) || RESERVED_SLUGS.has(id))
      throw new Error(`emitSite: topic id "${id}" cannot be used as a page slug`);
  }
  return ordered
    .filter((id) => byTopic.has(id))
    .map((id) => ({
      topic: known.get(id) ?? {
        id,
        name: { ru: id, en: id },
        description: { ru: id, en: id },
        subtopics: [],
      },
      questions: byTopic.get(id)!,
    }));
}
