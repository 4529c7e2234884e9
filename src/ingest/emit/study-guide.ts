/**
 * The study guide page (`study-guide.mdx`, `en/study-guide.mdx`): every question of the
 * edition on one printable page, the source of the PDF study guide (`npm run pdf`).
 *
 * Layout (all plain MDX + the StudyGuide* components):
 *
 *   <StudyGuideCover …>  title, edition, build date (set at build time), list of sources
 *   <StudyGuideToc …>    nested list: topic -> question links (the PDF script fills in page numbers)
 *   <StudyGuideTopic id topic name>  topic heading (`id` = `topic-<topic id>`, the heading's id)
 *     <StudyGuideGroup name />  subtopic label (not a heading: the outline is topic > question)
 *     <Question …>               exactly as on the topic pages (### title, id = question id)
 *
 * Question blocks are taken from the topic page trees ({@link topicPages}), so the study guide
 * shows exactly what the site shows, in the same order and language.
 */
import type { Heading, List, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import type { Lang, Question, SourceSummary, Topic } from '../model.ts';
import { COMPONENTS_MODULE, componentImports } from './components.ts';
import { jsx, yamlNode } from './mdx-nodes.ts';
import { topicPages } from './topic-page.ts';
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

/** A topic with its questions in site order (the concatenated pages of the topic). */
export interface StudyGuideTopic {
  topic: Topic;
  questions: Question[];
}

/** HTML id of a topic's heading on the study guide page. */
export function topicAnchor(topicId: string): string {
  return `topic-${topicId}`;
}

/**
 * Build the study guide page of one edition.
 * @param topics Topics in handbook order, each with its questions in site order.
 * @param sources Source summaries (listed on the cover).
 * @param labels Translations of shared short strings (section names, source titles).
 */
export function studyGuidePage(
  lang: Lang,
  topics: readonly StudyGuideTopic[],
  sources: readonly SourceSummary[],
  labels: Labels = {},
): Root {
  const sections = topics.map(({ topic, questions }) => topicSection(topic, questions, lang, labels));
  const tocItems: ListItem[] = sections.map(({ topic, name, questions }) => ({
    type: 'listItem',
    spread: false,
    children: [
      { type: 'paragraph', children: [{ type: 'link', url: `#${topicAnchor(topic.id)}`, children: [{ type: 'text', value: name }] }] },
      list(questions.map(({ id, title }) => [{ type: 'link', url: `#${id}`, children: [{ type: 'text', value: title }] }])),
    ],
  }));
  const sourceItems = sources.map((source) => [
    { type: 'text' as const, value: source.title ? `${localizeLabel(source.title, lang, labels).value} (${source.file})` : source.file },
    { type: 'text' as const, value: ` — ${t(lang, 'handbook.studyGuide.sourceCount', { questions: source.questions, answers: source.answers })}` },
  ]);
  const imports = componentImports();
  imports.value = imports.value.replace(
    /^import \{ /,
    `import { ${Object.values(STUDY_GUIDE_COMPONENTS).join(', ')}, `,
  );
  if (!imports.value.includes(COMPONENTS_MODULE)) throw new Error('study guide: unexpected component import');

  return {
    type: 'root',
    children: [
      yamlNode({
        title: t(lang, 'handbook.studyGuide.title'),
        description: t(lang, 'handbook.studyGuide.description'),
        template: 'splash',
        tableOfContents: false,
        pagefind: false,
        editUrl: false,
      }),
      imports,
      jsx(
        STUDY_GUIDE_COMPONENTS.cover,
        {
          title: t(lang, 'handbook.home.title'),
          subtitle: t(lang, 'handbook.studyGuide.title'),
          edition: t(lang, 'handbook.studyGuide.edition'),
          builtLabel: t(lang, 'handbook.studyGuide.built'),
          sourcesLabel: t(lang, 'handbook.studyGuide.sources'),
          questions: topics.reduce((n, topic) => n + topic.questions.length, 0),
        },
        [list(sourceItems)],
      ),
      jsx(STUDY_GUIDE_COMPONENTS.toc, { title: t(lang, 'handbook.studyGuide.toc') }, [
        { type: 'list', ordered: false, spread: false, children: tocItems },
      ]),
      ...sections.map((section) => section.element),
    ],
  };
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

/** One topic: the topic page body with `##` group headings turned into group labels. */
function topicSection(
  topic: Topic,
  questions: Question[],
  lang: Lang,
  labels: Labels,
): { topic: Topic; name: string; questions: { id: string; title: string }[]; element: MdxJsxFlowElement } {
  const [page] = topicPages(topic, [questions], lang, labels);
  const body: RootContent[] = page.tree.children.filter((node) => node.type !== 'yaml' && node.type !== 'mdxjsEsm');
  const children = body.map((node) =>
    node.type === 'heading' ? jsx(STUDY_GUIDE_COMPONENTS.group, { name: toString(node as Heading) }) : node,
  ) as MdxJsxFlowElement[];
  const entries = body.flatMap((node) => {
    if (node.type !== 'mdxJsxFlowElement') return [];
    const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
    const heading = node.children.find((child) => child.type === 'heading');
    return typeof id === 'string' && heading ? [{ id, title: toString(heading) }] : [];
  });
  const name = topic.name[lang];
  return {
    topic,
    name,
    questions: entries,
    element: jsx(STUDY_GUIDE_COMPONENTS.topic, { id: topicAnchor(topic.id), topic: topic.id, name }, children),
  };
}
