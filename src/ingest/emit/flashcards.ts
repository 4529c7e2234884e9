/**
 * Flashcard decks, one per edition (pure functions).
 *
 * The emitter writes the cards of every edition to `_data/flashcards.json`
 * ({@link flashcardsData}); the endpoint src/pages/flashcards/[file].ts publishes them as
 * `/flashcards/ml-interview-<lang>.tsv` (Anki text import, {@link ankiTsv}) and
 * `/flashcards/ml-interview-<lang>.csv` (RFC 4180, {@link plainCsv}), with permalinks made
 * absolute with the site URL of astro.config.mjs.
 *
 * Card HTML is made from the restricted model mdast by mdast-util-to-hast and hast-util-to-html:
 * text is HTML-escaped, math becomes `\(…\)` / `\[…\]` (Anki's MathJax delimiters), code
 * `<pre><code>`. The HTML never holds a raw tab, newline or double quote (newlines in code are
 * `&#10;`, attributes unquoted or single-quoted), so a TSV field never needs quoting.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import type { ContainerDirective } from 'mdast-util-directive';
import type { InlineMath, Math } from 'mdast-util-math';
import { toHast, type Handlers } from 'mdast-util-to-hast';
import type { Flashcard, FlashcardsData } from '../../data/contract.ts';
import type { Content, Lang, Question } from '../model.ts';
import { LEVELS } from '../model.ts';
import { ANSWER_PARTS, type AnswerPart } from '../answer-parts.ts';
import { contentBlocks } from './content.ts';
import { permalinkUrl } from './paths.ts';
import { t } from './strings.ts';
import { localize, type Labels } from './localize.ts';

/** Base name of the deck files of an edition (`ml-interview-ru`). */
export function deckName(lang: Lang): string {
  return `ml-interview-${lang}`;
}

/**
 * The Anki GUID of a question's card in an edition: derived from the question id alone (ids are
 * permanent, content/ids.lock.json), so it survives rebuilds, reordered sources and a question
 * moving topic. The edition is part of it: both decks in one collection stay two notes.
 */
export function cardGuid(lang: Lang, id: string): string {
  return `ml-interview-handbook:${lang}:${id}`;
}

/* ---------- localisation ---------- */

/** A question's texts in one edition, as the site shows them (see localize.ts). */
export function localized(q: Question, lang: Lang, labels: Labels = {}) {
  const l = localize(q, lang, labels);
  return {
    title: l.title.value,
    prompt: l.prompt?.value,
    answer: Object.fromEntries(ANSWER_PARTS.map((part) => [part, l.answer[part]?.value])) as Record<
      AnswerPart,
      Content | undefined
    >,
    followUps: l.followUps?.value ?? [],
  };
}

/* ---------- HTML ---------- */

/**
 * How card HTML differs from mdast-util-to-hast's: math as text in MathJax delimiters (Anki
 * typesets `\\(…\\)` and `\\[…\\]`), a caution (a directive after contentBlocks) as a box
 * with its title in bold.
 */
const handlers: Handlers = {
  inlineMath: (_state, node: InlineMath): Text => ({ type: 'text', value: `\\(${node.value}\\)` }),
  math: (_state, node: Math) => h('p', `\\[${node.value}\\]`),
  containerDirective(state, node: ContainerDirective) {
    const [first, ...rest] = node.children;
    const label = first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
    const body = state.all({ ...node, children: label ? rest : node.children });
    return h('div', { className: [node.name] }, [...(label ? [h('p', h('b', state.all(label)))] : []), ...body]);
  },
};

/** hast of a model content tree (code as `<pre><code class=language-…>`, tight lists without `<p>`). */
function contentHast(content: Content | undefined): ElementContent[] {
  if (!content || content.children.length === 0) return [];
  const tree = toHast({ type: 'root', children: contentBlocks(content) }, { handlers });
  return (tree.type === 'root' ? tree.children : [tree]) as ElementContent[];
}

/** The raw characters a TSV field cannot hold, as character references (valid in text and attributes). */
const TSV_UNSAFE: Record<string, string> = {
  '\t': '&#9;',
  '\r\n': '&#10;',
  '\r': '&#10;',
  '\n': '&#10;',
  '"': '&quot;',
};

/** Elements next to which HTML renders no whitespace: block boxes and line breaks. */
const BOUNDARIES: ReadonlySet<string> = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'pre',
  'div',
  'br',
]);
const isBoundary = (node: RootContent | undefined) => node?.type === 'element' && BOUNDARIES.has(node.tagName);

/**
 * Whitespace as HTML renders it, in place: outside `<pre>` a run of spaces, tabs and newlines is
 * one space, and a space next to a block or a `<br>` (mdast-util-to-hast puts a newline between
 * blocks) goes. hast-util-minify-whitespace does the same in general, but took ten times as long
 * as building the whole deck (1.1 s for 10,000 cards).
 */
function collapseWhitespace(parent: Root | Element): void {
  if (parent.type === 'element' && parent.tagName === 'pre') return;
  const block = parent.type === 'root' || BOUNDARIES.has(parent.tagName);
  const kids = parent.children;
  for (const child of kids) {
    if (child.type === 'text') child.value = child.value.replace(/[ \t\n\f\r]+/g, ' ');
    else if (child.type === 'element') collapseWhitespace(child);
  }
  parent.children = kids.filter((child, i) => {
    if (child.type !== 'text') return true;
    if (i === 0 ? block : isBoundary(kids[i - 1])) child.value = child.value.replace(/^ /, '');
    if (i === kids.length - 1 ? block : isBoundary(kids[i + 1])) child.value = child.value.replace(/ $/, '');
    return child.value !== '';
  }) as typeof parent.children;
}

/**
 * The HTML of one card side: whitespace collapsed as HTML renders it (only `<pre>` keeps its
 * newlines), then every tab, newline and double quote written as a character reference, so the
 * HTML is one line and a TSV field never needs quoting. Attributes are unquoted or in single
 * quotes, so a `"` only ever stands in text or inside a value.
 */
function sideHtml(nodes: ElementContent[]): string {
  const tree: Root = { type: 'root', children: nodes };
  collapseWhitespace(tree);
  const html = toHtml(tree, { characterReferences: { useNamedReferences: true }, preferUnquoted: true, quote: "'" });
  return html.replace(/\r\n?|[\t\n"]/g, (raw) => TSV_UNSAFE[raw]);
}

/** HTML of a model content tree (single line, no raw tabs/newlines/double quotes). */
export function contentHtml(content: Content | undefined): string {
  return sideHtml(contentHast(content));
}

/* ---------- plain text ---------- */

type Node = { type: string; value?: string; children?: Node[]; [key: string]: unknown };

function inlineText(nodes: readonly Node[] = []): string {
  return nodes
    .map((node) => {
      if (node.type === 'inlineMath') return `\\(${node.value ?? ''}\\)`;
      if (node.type === 'break') return '\n';
      return node.value ?? inlineText(node.children);
    })
    .join('');
}

function blockText(node: Node, indent = ''): string {
  switch (node.type) {
    case 'paragraph':
      return indent + inlineText(node.children);
    case 'math':
      return `${indent}\\[${node.value ?? ''}\\]`;
    case 'code':
      return node.value ?? '';
    case 'list':
      return (node.children ?? [])
        .map((item, i) => {
          const marker = node.ordered ? `${(typeof node.start === 'number' ? node.start : 1) + i}. ` : '- ';
          return `${indent}${marker}${blocksText(item.children, indent + '  ').trimStart()}`;
        })
        .join('\n');
    case 'table':
      return (node.children ?? [])
        .map((row) => indent + (row.children ?? []).map((c) => inlineText(c.children)).join(' | '))
        .join('\n');
    case 'caution':
      return [inlineText(node.title as Node[]), blocksText(node.children, indent)].filter(Boolean).join('\n');
    default:
      return node.children ? blocksText(node.children, indent) : (node.value ?? '');
  }
}

function blocksText(nodes: readonly Node[] = [], indent = ''): string {
  return nodes.map((node) => blockText(node, indent)).join('\n');
}

/**
 * The plain text of a model content tree on a CSV card: math in MathJax delimiters (`\(…\)`,
 * `\[…\]`), blocks on their own lines, list items with their markers, table cells joined by ` | `.
 */
function cardText(content: Content | undefined): string {
  return content ? blocksText(content.children as unknown as Node[]) : '';
}

/* ---------- cards ---------- */

/** The card of one question in one edition. */
export function flashcard(q: Question, lang: Lang, labels: Labels = {}): Flashcard {
  const l = localized(q, lang, labels);
  const front = sideHtml([h('p', h('b', l.title)), ...contentHast(l.prompt)]);
  const frontText = [l.title, cardText(l.prompt)].filter(Boolean).join('\n\n');

  const parts = ANSWER_PARTS.filter((part) => (l.answer[part]?.children.length ?? 0) > 0);
  const label = (part: AnswerPart) => t(lang, `handbook.answer.${part}`);
  const back: ElementContent[] = parts.flatMap((part) => [h('p', h('b', label(part))), ...contentHast(l.answer[part])]);
  const backText: string[] = parts.map((part) => `${label(part)}:\n${cardText(l.answer[part])}`);
  if (parts.length > 0) {
    const by = t(lang, q.answerSource ? 'handbook.answer.byHandbook' : 'handbook.answer.bySource');
    back.unshift(h('p', h('small', by)));
    backText.unshift(`(${by})`);
  }
  if (parts.length === 0) {
    back.push(h('p', h('i', t(lang, 'handbook.answer.none'))));
    backText.push(t(lang, 'handbook.answer.none'));
  }
  if (l.followUps.length > 0) {
    back.push(
      h('p', h('b', t(lang, 'handbook.followUps'))),
      h(
        'ul',
        l.followUps.map((f) => h('li', f)),
      ),
    );
    backText.push(`${t(lang, 'handbook.followUps')}:\n${l.followUps.map((f) => `- ${f}`).join('\n')}`);
  }
  const levels = LEVELS.filter((level) => q.levels.includes(level));
  return {
    id: q.id,
    front,
    back: sideHtml(back),
    frontText,
    backText: backText.join('\n\n'),
    path: permalinkUrl(lang, q.id),
    tags: [q.topic, ...levels, ...(parts.length > 0 && q.answerSource ? ['handbook-answer'] : [])],
    guid: cardGuid(lang, q.id),
  };
}

/** Cards of every edition, in handbook order. */
export function flashcardsData(
  questions: readonly Question[],
  langs: readonly Lang[],
  labels: Labels = {},
): FlashcardsData {
  return Object.fromEntries(langs.map((lang) => [lang, questions.map((q) => flashcard(q, lang, labels))]));
}

/* ---------- deck files ---------- */

/** Absolute URL of a site-relative path (`site` from astro.config.mjs). */
function absoluteUrl(site: string | URL, path: string): string {
  return new URL(path, site).href;
}

/** Anki tags field: space-separated, spaces inside a tag become underscores. */
function tagsField(tags: readonly string[]): string {
  return tags
    .map((tag) => tag.trim().replace(/\s+/g, '_'))
    .filter(Boolean)
    .join(' ');
}

/** A TSV field: never holds a tab or newline (card HTML is single-line by construction). */
function tsvField(value: string): string {
  if (/[\t\r\n"]/.test(value))
    throw new Error(`flashcards: TSV field holds a tab, newline or quote: ${value.slice(0, 80)}`);
  return value;
}

/**
 * The Anki text-import file of a deck: header lines (`#separator:tab`, `#html:true`,
 * `#tags column:4`, `#guid column:5`, …), then one line per card: front, back, permalink, tags,
 * GUID (so a newer deck updates the cards it imported before).
 */
export function ankiTsv(cards: readonly Flashcard[], site: string | URL, deck: string): string {
  const header = [
    '#separator:tab',
    '#html:true',
    `#deck:${deck.replace(/[\r\n]/g, ' ')}`,
    '#columns:Front\tBack\tPermalink\tTags\tGUID',
    '#tags column:4',
    '#guid column:5',
  ];
  const rows = cards.map((card) =>
    [
      card.front,
      card.back,
      sideHtml([{ type: 'text', value: absoluteUrl(site, card.path) }]),
      tagsField(card.tags),
      card.guid,
    ]
      .map(tsvField)
      .join('\t'),
  );
  return `${[...header, ...rows].join('\n')}\n`;
}

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Columns of the CSV deck. */
const CSV_COLUMNS = ['id', 'question', 'answer', 'permalink', 'tags'] as const;

/** The plain-text CSV of a deck (RFC 4180: header row, CRLF line breaks, quoting). */
export function plainCsv(cards: readonly Flashcard[], site: string | URL): string {
  const rows = [
    [...CSV_COLUMNS],
    ...cards.map((card) => [
      card.id,
      card.frontText,
      card.backText,
      absoluteUrl(site, card.path),
      tagsField(card.tags),
    ]),
  ];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
