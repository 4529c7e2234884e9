/**
 * The study guide (`npm run pdf` prints it): the cover and contents of every question of the
 * edition, `study-guide.mdx` (`en/study-guide.mdx`). The questions themselves are not repeated:
 * the contents link to the topic pages, and the PDF script (tools/pdf/prepare.ts
 * `stitchStudyGuide`) loads those pages' questions into the study guide page and prints the
 * result as one document. So the study guide shows exactly what the site shows, in the same
 * order and language, and the site build compiles every question once.
 *
 * Layout (plain MDX + the StudyGuide* components):
 *
 *   <StudyGuideCover …>            title, edition, build date (set at build time), list of sources
 *   <StudyGuideToc topics="a b …"> nested list: topic -> links to its pages (one top-level item
 *                                  per topic, in the order of `topics`; the PDF script rebuilds it
 *                                  with every question and its page number)
 *
 * In the stitched document each topic is a `<section class="sg-topic" data-topic>` with an
 * `<h2 id="topic-<topic id>">` heading; the topic pages' section headings become group labels
 * (`<p class="sg-group">`, not headings: the outline is topic > question).
 */
import type { List, ListItem, PhrasingContent, Root } from 'mdast';
import type { Lang, SourceSummary, Topic } from '../model.ts';
import type { MdxjsEsm } from 'mdast-util-mdx';
import { COMPONENTS_MODULE } from './components.ts';
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
} as const;

/** A topic with its pages ({@link topicPages} of the same edition), in site order. */
export interface StudyGuideTopic {
  topic: Topic;
  pages: TopicPage[];
}

/** Frontmatter of the study guide page: no sidebar TOC, not in search, no edit link. */
const pageMatter = (title: string, description: string) =>
  yamlNode({ title, description, template: 'splash', tableOfContents: false, pagefind: false, editUrl: false });

/** Component import of the study guide page (the StudyGuide* components). */
function guideImports(): MdxjsEsm {
  return {
    type: 'mdxjsEsm',
    value: `import { ${Object.values(STUDY_GUIDE_COMPONENTS).join(', ')} } from '${COMPONENTS_MODULE}';`,
  };
}

/**
 * Build the study guide page of one edition: cover and contents, linking to the topic pages.
 * @param topics Topics in handbook order, each with its pages of questions in site order.
 * @param sources Source summaries (listed on the cover).
 * @param labels Translations of shared short strings (source titles).
 * @returns The page (path under src/content/docs/) with its tree.
 */
export function studyGuidePage(
  lang: Lang,
  topics: readonly StudyGuideTopic[],
  sources: readonly SourceSummary[],
  labels: Labels = {},
): { file: string; tree: Root } {
  const tocItems: ListItem[] = topics.map(({ topic, pages }) => {
    const name = topic.name[lang];
    const slugs = topicSlugs(topic.id, pages.length);
    const partTitle = (index: number) =>
      t(lang, 'handbook.page.part', { title: name, part: index + 1, parts: pages.length });
    const link = (index: number, text: string): PhrasingContent[] => [
      { type: 'link', url: pageUrl(lang, slugs[index]), children: [{ type: 'text', value: text }] },
    ];
    return {
      type: 'listItem',
      spread: false,
      children: [
        { type: 'paragraph', children: link(0, name) },
        ...(pages.length > 1 ? [list(pages.map((_, index) => link(index, partTitle(index))))] : []),
      ],
    };
  });
  const sourceItems = sources.map((source) => [
    {
      type: 'text' as const,
      value: source.title ? `${localizeLabel(source.title, lang, labels).value} (${source.file})` : source.file,
    },
    {
      type: 'text' as const,
      value: ` — ${t(lang, 'handbook.studyGuide.sourceCount', { questions: source.questions, answers: source.answers })}`,
    },
  ]);
  const tree: Root = {
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
          questions: t(lang, 'handbook.studyGuide.questions', {
            count: topics.reduce((n, topic) => n + topic.pages.reduce((m, page) => m + page.questions.length, 0), 0),
          }),
        },
        [list(sourceItems)],
      ),
      jsx(
        STUDY_GUIDE_COMPONENTS.toc,
        { title: t(lang, 'handbook.studyGuide.toc'), topics: topics.map(({ topic }) => topic.id).join(' ') },
        [{ type: 'list', ordered: false, spread: false, children: tocItems }],
      ),
    ],
  };
  return { file: pageFile(lang, STUDY_GUIDE_SLUG), tree };
}

/** A tight bullet list with one paragraph per item. */
function list(items: PhrasingContent[][]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((children): ListItem => ({
      type: 'listItem',
      spread: false,
      children: [{ type: 'paragraph', children }],
    })),
  };
}
