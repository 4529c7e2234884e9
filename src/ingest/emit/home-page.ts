/**
 * The home page (`index.mdx`): intro, totals, and the topic list with question counts.
 */
import type { ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import type { Lang } from '../model.ts';
import { jsx, yamlNode } from './mdx-nodes.ts';
import { COMPONENTS_MODULE } from './components.ts';
import { pageUrl } from './paths.ts';
import { t } from './strings.ts';
import { deckName } from './flashcards.ts';
import { STUDY_GUIDE_SLUG } from './study-guide.ts';

/** What the home page shows about one topic. */
export interface TopicEntry {
  name: string;
  /** Slug of the topic's first page. */
  slug: string;
  questions: number;
}

/** Build the home page tree. */
export function homePage(
  lang: Lang,
  topics: readonly TopicEntry[],
  totals: { questions: number; answers: number },
): Root {
  const item = (topic: TopicEntry): ListItem => ({
    type: 'listItem',
    spread: false,
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'link', url: pageUrl(lang, topic.slug), children: [{ type: 'text', value: topic.name }] },
          { type: 'text', value: ` — ${t(lang, 'handbook.home.topicCount', { count: topic.questions })}` },
        ],
      },
    ],
  });
  const sourcesLink: PhrasingContent = {
    type: 'link',
    url: pageUrl(lang, 'sources'),
    children: [{ type: 'text', value: t(lang, 'handbook.home.sourcesLink') }],
  };
  return {
    type: 'root',
    children: [
      yamlNode({ title: t(lang, 'handbook.home.title'), description: t(lang, 'handbook.home.description') }),
      { type: 'mdxjsEsm', value: `import { DueToday } from '${COMPONENTS_MODULE}';` } as unknown as RootContent,
      { type: 'paragraph', children: [{ type: 'text', value: t(lang, 'handbook.home.intro') }] },
      { type: 'paragraph', children: [{ type: 'text', value: t(lang, 'handbook.home.totals', totals) }] },
      { type: 'heading', depth: 2, children: [{ type: 'text', value: t(lang, 'handbook.home.topics') }] },
      { type: 'list', ordered: false, spread: false, children: topics.map(item) },
      { type: 'paragraph', children: [sourcesLink] },
      // Practice: the questions due today (counted in the browser from the stored progress).
      { type: 'heading', depth: 2, children: [{ type: 'text', value: t(lang, 'handbook.home.practice') }] },
      jsx('DueToday', {}) as unknown as RootContent,
      ...downloads(lang),
    ],
  };
}

/** Links to the printable study guide and the flashcard decks of the edition. */
function downloads(lang: Lang): RootContent[] {
  const link = (url: string, value: string): PhrasingContent => ({
    type: 'link',
    url,
    children: [{ type: 'text', value }],
  });
  const deck = (format: string) => link(`/flashcards/${deckName(lang)}.${format}`, format.toUpperCase());
  return [
    { type: 'heading', depth: 2, children: [{ type: 'text', value: t(lang, 'handbook.home.downloads') }] },
    { type: 'paragraph', children: [link(pageUrl(lang, STUDY_GUIDE_SLUG), t(lang, 'handbook.home.studyGuideLink'))] },
    {
      type: 'paragraph',
      children: [
        { type: 'text', value: `${t(lang, 'handbook.home.flashcards')} ` },
        deck('tsv'),
        { type: 'text', value: ', ' },
        deck('csv'),
      ],
    },
  ];
}

/**
 * The 404 page of one edition (`404.mdx`, `en/404.mdx`): Starlight renders the root one as
 * /404.html; each locale having its own keeps Starlight from generating a fallback page.
 */
export function notFoundPage(lang: Lang): Root {
  return {
    type: 'root',
    children: [
      yamlNode({ title: t(lang, 'handbook.notFound.title'), pagefind: false }),
      { type: 'paragraph', children: [{ type: 'text', value: t(lang, 'handbook.notFound.text') }] },
      {
        type: 'paragraph',
        children: [
          {
            type: 'link',
            url: pageUrl(lang, 'index'),
            children: [{ type: 'text', value: t(lang, 'handbook.notFound.home') }],
          },
        ],
      },
    ],
  };
}
