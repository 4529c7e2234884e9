/**
 * Topic pages: one page per topic, or `<topic>/index.mdx`, `<topic>/2.mdx`, … when the topic
 * has more questions than the page size.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { Lang, Question, Topic } from '../model.ts';
import { componentImports } from './components.ts';
import { consecutiveGroups, groupQuestions } from './group.ts';
import { yamlNode } from './mdx-nodes.ts';
import { paginate, paginateByWeight } from './paginate.ts';
import { estimateQuestionBytes, PAGE_QUESTION_BUDGET } from './page-weight.ts';
import { pageFile, type Slug } from './paths.ts';
import { questionElement, untranslatedMark } from './question.ts';
import { localize, type Labels } from './localize.ts';
import { t } from './strings.ts';

/** A topic page before serialisation. */
export interface TopicPage {
  slug: Slug;
  /** Path under src/content/docs/. */
  file: string;
  tree: Root;
  questions: Question[];
}

/** Slugs of a topic's pages: `topic` for a single page, else `topic`, `topic/2`, … */
export function topicSlugs(topicId: string, pageCount: number): Slug[] {
  return Array.from({ length: pageCount }, (_, i) => (i === 0 ? topicId : `${topicId}/${i + 1}`));
}

/**
 * Split a topic's questions into pages (grouped by subtopic, then paginated): at most `pageSize`
 * questions per page and, with `weight`, at most `budget` estimated HTML bytes.
 * @param questions The topic's questions in handbook order.
 * @param weight Estimated HTML bytes of a question (see page-weight.ts).
 * @param order Section names that come first, in this order.
 */
export function topicPagination(
  questions: readonly Question[],
  pageSize: number,
  weight?: (question: Question) => number,
  budget = PAGE_QUESTION_BUDGET,
  /** Section names in page order (the topic's curated subtopics); other sections follow. */
  order: readonly string[] = [],
): Question[][] {
  const ordered = groupQuestions(questions, order).flatMap((group) => group.questions);
  return weight ? paginateByWeight(ordered, weight, budget, pageSize) : paginate(ordered, pageSize);
}

/**
 * `<Question>` elements already built, by language and question id: the pagination weighs the
 * same elements the pages then show, so each is built once. One cache per emit run (same labels).
 */
export type ElementCache = Map<string, MdxJsxFlowElement>;

function cachedElement(question: Question, lang: Lang, labels: Labels, cache?: ElementCache): MdxJsxFlowElement {
  const key = `${lang}\u0000${question.id}`;
  let element = cache?.get(key);
  if (!element) {
    element = questionElement(question, lang, labels);
    cache?.set(key, element);
  }
  return element;
}

/** Estimated HTML bytes of a question on a topic page: the largest of its editions. */
export function questionWeight(
  question: Question,
  langs: readonly Lang[],
  labels: Labels = {},
  cache?: ElementCache,
): number {
  return Math.max(
    ...langs.map((lang) =>
      estimateQuestionBytes(cachedElement(question, lang, labels, cache), question.related?.length ?? 0),
    ),
  );
}

/**
 * Build the pages of one topic in one language.
 * @param pages Output of {@link topicPagination}.
 */
export function topicPages(
  topic: Topic,
  pages: Question[][],
  lang: Lang,
  labels: Labels = {},
  cache?: ElementCache,
): TopicPage[] {
  const slugs = topicSlugs(topic.id, pages.length);
  const split = pages.length > 1;
  // A page of a split topic is named by the sections it holds ("Основы: Нормализация — Оптимизация"),
  // so the sidebar reads as a table of contents; a section running over pages is numbered.
  const seen = new Map<string, number>();
  const sectionsOf = (questions: Question[]) => {
    const names = consecutiveGroups(questions).map((g) => localize(g.questions[0], lang, labels).group.value);
    const range = names.length > 1 ? `${names[0]} — ${names.at(-1)}` : (names[0] ?? '');
    const n = (seen.get(range) ?? 0) + 1;
    seen.set(range, n);
    return n > 1 ? `${range} (${n})` : range;
  };
  return pages.map((questions, index) => {
    const name = topic.name[lang];
    const sections = split ? sectionsOf(questions) : '';
    const title = split ? t(lang, 'handbook.page.sections', { title: name, sections }) : name;
    const body: RootContent[] = [];
    for (const group of consecutiveGroups(questions)) {
      const name = localize(group.questions[0], lang, labels).group;
      // A section name is a short label: no "Original" disclosure under it (questions keep theirs).
      body.push({ type: 'heading', depth: 2, children: [{ type: 'text', value: name.value }] });
      if (name.state === 'untranslated') body.push(untranslatedMark(name));
      body.push(...group.questions.map((q) => cachedElement(q, lang, labels, cache)));
    }
    const tree: Root = {
      type: 'root',
      children: [
        yamlNode({ title, description: topic.description[lang], ...(split ? { sidebar: { label: sections } } : {}) }),
        componentImports(),
        ...body,
      ],
    };
    return { slug: slugs[index], file: pageFile(lang, slugs[index], split && index === 0), tree, questions };
  });
}
