/**
 * The study guide (`npm run pdf` prints it): every question of the edition, split like the topic
 * pages so that no page of the site gets huge.
 *
 * - `study-guide.mdx` (`en/study-guide.mdx`): the cover and the contents, which link to the parts;
 * - `study-guide/<topic page slug>.mdx`: one part per topic page (`study-guide/fundamentals/`,
 *   `study-guide/fundamentals/2/`, …), holding that page's questions.
 *
 * Layout (all plain MDX + the StudyGuide* components):
 *
 *   index:  <StudyGuideCover …>  title, edition, build date (set at build time), list of sources
 *           <StudyGuideToc …>    nested list: topic -> links to its parts (the PDF script
 *                                rebuilds it with every question and its page number)
 *   part:   <StudyGuideTopic id topic name>  topic heading (`id` = `topic-<topic id>`, the heading's id)
 *             <StudyGuideGroup name />  subtopic label (not a heading: the outline is topic > question)
 *             <Question …>               exactly as on the topic pages (### title, id = question id)
 *
 * The PDF script (src/pdf/prepare.ts `stitchStudyGuide`) loads the parts the contents link to
 * into the index page, merging the parts of one topic, and prints the result as one document.
 * Question blocks are taken from the topic page trees ({@link topicPages}), so the study guide
 * shows exactly what the site shows, in the same order and language.
 */
import type { Heading, List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import type { Lang, SourceSummary, Topic } from '../model.ts';
import { COMPONENTS_MODULE, componentImports } from './components.ts';
import { jsx, yamlNode } from './mdx-nodes.ts';
import { topicSlugs, type TopicPage } from './topic-page.ts';
import { pageFile, pageUrl } from './paths.ts';
import { localizeLabel, type Labels } from './localize.ts';
import { t } from './strings.ts';

/** Slug of the study guide page in every edition (`/study-guide/`, `/en/study-guide/`). */
export const STUDY_GUIDE_SLUG = 'study-guide';

/** Components only the study guide uses (exported by the component barrel). */
export const STUDY_GUIDE_COMPONENTS = {
  cover: 'StudyGuideCover',
  toc: 'StudyGuideToc',
  topic: 'StudyGuideTopic',
  group: 'StudyGuideGroup',
} as const;

/** A topic with its pages ({@link topicPages} of the same edition), in site order. */
export interface StudyGuideTopic {
  topic: Topic;
  pages: TopicPage[];
}

/** HTML id of a topic's heading on the study guide page. */
export function topicAnchor(topicId: string): string {
  return `topic-${topicId}`;
}

/** Frontmatter of every study guide page: no sidebar TOC, not in search, no edit link. */
const pageMatter = (title: string, description: string) =>
  yamlNode({ title, description, template: 'splash', tableOfContents: false, pagefind: false, editUrl: false });

/** Component imports of the study guide pages (the question components plus the StudyGuide* ones). */
function guideImports() {
  const imports = componentImports();
  imports.value = imports.value.replace(/^import \{ /, `import { ${Object.values(STUDY_GUIDE_COMPONENTS).join(', ')}, `);
  if (!imports.value.includes(COMPONENTS_MODULE)) throw new Error('study guide: unexpected component import');
  return imports;
}

/**
 * Build the study guide pages of one edition: the index (cover + contents) and one part per
 * topic page.
 * @param topics Topics in handbook order, each with its pages of questions in site order.
 * @param sources Source summaries (listed on the cover).
 * @param labels Translations of shared short strings (section names, source titles).
 * @returns Files (paths under src/content/docs/) with their trees, the index first.
 */
export function studyGuidePages(
  lang: Lang,
  topics: readonly StudyGuideTopic[],
  sources: readonly SourceSummary[],
  labels: Labels = {},
): { file: string; tree: Root }[] {
  const parts: { file: string; tree: Root }[] = [];
  const tocItems: ListItem[] = [];
  for (const { topic, pages } of topics) {
    const name = topic.name[lang];
    const slugs = topicSlugs(topic.id, pages.length).map((slug) => `${STUDY_GUIDE_SLUG}/${slug}`);
    const partTitle = (index: number) =>
      pages.length > 1 ? t(lang, 'handbook.page.part', { title: name, part: index + 1, parts: pages.length }) : name;
    pages.forEach((page, index) => {
      const section = topicSection(topic, page, lang);
      parts.push({
        file: pageFile(lang, slugs[index], pages.length > 1 && index === 0),
        tree: {
          type: 'root',
          children: [
            pageMatter(`${t(lang, 'handbook.studyGuide.title')}: ${partTitle(index)}`, topic.description[lang]),
            guideImports(),
            section.element,
          ],
        },
      });
    });
    const link = (index: number, text: string): PhrasingContent[] => [{ type: 'link', url: pageUrl(lang, slugs[index]), children: [{ type: 'text', value: text }] }];
    tocItems.push({
      type: 'listItem',
      spread: false,
      children: [
        { type: 'paragraph', children: link(0, name) },
        ...(pages.length > 1 ? [list(pages.map((_, index) => link(index, partTitle(index))))] : []),
      ],
    });
  }
  const sourceItems = sources.map((source) => [
    { type: 'text' as const, value: source.title ? `${localizeLabel(source.title, lang, labels).value} (${source.file})` : source.file },
    { type: 'text' as const, value: ` — ${t(lang, 'handbook.studyGuide.sourceCount', { questions: source.questions, answers: source.answers })}` },
  ]);
  const index: Root = {
    type: 'root',
    children: [
      pageMatter(t(lang, 'handbook.studyGuide.title'), t(lang, 'handbook.studyGuide.description')),
      guideImports(),
      jsx(
        STUDY_GUIDE_COMPONENTS.cover,
        {
          title: t(lang, 'handbook.home.title'),
          subtitle: t(lang, 'handbook.studyGuide.title'),
          edition: t(lang, 'handbook.studyGuide.edition'),
          builtLabel: t(lang, 'handbook.studyGuide.built'),
          sourcesLabel: t(lang, 'handbook.studyGuide.sources'),
          questions: topics.reduce((n, topic) => n + topic.pages.reduce((m, page) => m + page.questions.length, 0), 0),
        },
        [list(sourceItems)],
      ),
      jsx(STUDY_GUIDE_COMPONENTS.toc, { title: t(lang, 'handbook.studyGuide.toc') }, [
        { type: 'list', ordered: false, spread: false, children: tocItems },
      ]),
    ],
  };
  return [{ file: pageFile(lang, STUDY_GUIDE_SLUG), tree: index }, ...parts];
}

/** A tight bullet list with one paragraph per item. */
function list(items: PhrasingContent[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
  };
}

/** One topic page's questions: the topic page body with `##` group headings turned into group labels. */
function topicSection(topic: Topic, page: TopicPage, lang: Lang): { element: MdxJsxFlowElement } {
  const body: RootContent[] = page.tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'mdxjsEsm');
  const children = body.map((node) =>
    node.type === 'heading' ? jsx(STUDY_GUIDE_COMPONENTS.group, { name: toString(node as Heading) }) : node,
  ) as MdxJsxFlowElement[];
  const name = topic.name[lang];
  return {
    element: jsx(STUDY_GUIDE_COMPONENTS.topic, { id: topicAnchor(topic.id), topic: topic.id, name }, children),
  };
}
