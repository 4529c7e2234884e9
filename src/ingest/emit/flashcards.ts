/**
 * Flashcard decks, one per edition (pure functions).
 *
 * The emitter writes the cards of every edition to `_data/flashcards.json`
 * ({@link flashcardsData}); the endpoint src/pages/flashcards/[file].ts publishes them as
 * `/flashcards/ml-interview-<lang>.tsv` (Anki text import, {@link ankiTsv}) and
 * `/flashcards/ml-interview-<lang>.csv` (RFC 4180, {@link plainCsv}), with permalinks made
 * absolute with the site URL of astro.config.mjs.
 *
 * Card HTML comes from the restricted model mdast: every text is HTML-escaped, math becomes
 * `\(…\)` / `\[…\]` (Anki's MathJax delimiters), code `<pre><code>`. The HTML never holds a raw
 * tab, newline or double quote (newlines in code are `&#10;`, attributes are unquoted), so a TSV
 * field never needs quoting.
 */
import type { Content, Lang, Question } from '../model.ts';
import { LEVELS } from '../model.ts';
import { ANSWER_PARTS, type AnswerPart } from '../answer-parts.ts';
import { permalinkUrl } from './paths.ts';
import { t } from './strings.ts';
import { localize, type Labels } from './localize.ts';

/** One card of a deck. */
export interface Flashcard {
  id: string;
  /** Front side: title (and prompt when it differs), HTML. */
  front: string;
  /** Back side: answer parts with labels and follow-ups, HTML. */
  back: string;
  /** Plain-text versions of both sides (CSV). */
  frontText: string;
  backText: string;
  /** Site-relative permalink of the question (`/q/<id>/`, `/en/q/<id>/`). */
  path: string;
  /** Anki tags: topic id, then levels. */
  tags: string[];
  /** Anki note GUID ({@link cardGuid}): importing a newer deck updates the note instead of adding a copy. */
  guid: string;
}

/** Cards of every edition, as written to `_data/flashcards.json`. */
export type FlashcardsData = Partial<Record<Lang, Flashcard[]>>;

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

type Node = { type: string; value?: string; children?: Node[]; [key: string]: unknown };

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\t': '&#9;',
  '\r\n': '&#10;',
  '\r': '&#10;',
  '\n': '&#10;',
};
const HTML_SPECIAL = /\r\n?|[&<>"'\t\n]/g;

/**
 * Escape text for HTML; newlines and tabs become character references (never raw). One pass
 * over the text (CRLF, CR and LF are each one newline).
 */
export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIAL, (special) => HTML_ESCAPES[special]);
}

/** Text outside `<pre>`: newlines are rendered as spaces by HTML anyway; keep them as spaces. */
function escapeInline(text: string): string {
  return escapeHtml(text.replace(/[\t\r\n]+/g, ' '));
}

function inlineHtml(nodes: readonly Node[] = []): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
          return escapeInline(node.value ?? '');
        case 'inlineCode':
          return `<code>${escapeInline(node.value ?? '')}</code>`;
        case 'inlineMath':
          return `\\(${escapeInline(node.value ?? '')}\\)`;
        case 'break':
          return '<br>';
        case 'strong':
          return `<b>${inlineHtml(node.children)}</b>`;
        case 'emphasis':
          return `<i>${inlineHtml(node.children)}</i>`;
        default:
          return inlineHtml(node.children);
      }
    })
    .join('');
}

function blockHtml(node: Node): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlineHtml(node.children)}</p>`;
    case 'math':
      return `<p>\\[${escapeHtml(node.value ?? '')}\\]</p>`;
    case 'code': {
      const lang = typeof node.lang === 'string' && /^[\w+-]+$/.test(node.lang) ? ` class=language-${node.lang}` : '';
      return `<pre><code${lang}>${escapeHtml(node.value ?? '')}</code></pre>`;
    }
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? ` start=${node.start}` : '';
      return `<${tag}${start}>${(node.children ?? []).map((item) => `<li>${blocksHtml(item.children)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const rows = (node.children ?? []).map((row, i) => {
        const cell = i === 0 ? 'th' : 'td';
        return `<tr>${(row.children ?? []).map((c) => `<${cell}>${inlineHtml(c.children)}</${cell}>`).join('')}</tr>`;
      });
      return `<table>${rows.join('')}</table>`;
    }
    case 'caution': {
      const title = inlineHtml(node.title as Node[]);
      return `<div class=caution>${title ? `<p><b>${title}</b></p>` : ''}${blocksHtml(node.children)}</div>`;
    }
    default:
      return node.children ? blocksHtml(node.children) : `<p>${escapeInline(node.value ?? '')}</p>`;
  }
}

function blocksHtml(nodes: readonly Node[] = []): string {
  return nodes.map(blockHtml).join('');
}

/** HTML of a model content tree (single line, no raw tabs/newlines/double quotes). */
export function contentHtml(content: Content | undefined): string {
  return content ? blocksHtml(content.children as unknown as Node[]) : '';
}

/* ---------- plain text ---------- */

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

/** Plain text of a model content tree (math as `\(…\)`, blocks separated by newlines). */
export function contentText(content: Content | undefined): string {
  return content ? blocksText(content.children as unknown as Node[]) : '';
}

/* ---------- cards ---------- */

/** The card of one question in one edition. */
export function flashcard(q: Question, lang: Lang, labels: Labels = {}): Flashcard {
  const l = localized(q, lang, labels);
  const prompt = contentHtml(l.prompt);
  const front = `<p><b>${escapeInline(l.title)}</b></p>${prompt}`;
  const frontText = [l.title, contentText(l.prompt)].filter(Boolean).join('\n\n');

  const parts = ANSWER_PARTS.filter((part) => (l.answer[part]?.children.length ?? 0) > 0);
  const label = (part: AnswerPart) => t(lang, `handbook.answer.${part}`);
  const back: string[] = parts.map(
    (part) => `<p><b>${escapeInline(label(part))}</b></p>${contentHtml(l.answer[part])}`,
  );
  const backText: string[] = parts.map((part) => `${label(part)}:\n${contentText(l.answer[part])}`);
  if (parts.length > 0) {
    const by = t(lang, q.answerSource ? 'handbook.answer.byHandbook' : 'handbook.answer.bySource');
    back.unshift(`<p><small>${escapeInline(by)}</small></p>`);
    backText.unshift(`(${by})`);
  }
  if (parts.length === 0) {
    back.push(`<p><i>${escapeInline(t(lang, 'handbook.answer.none'))}</i></p>`);
    backText.push(t(lang, 'handbook.answer.none'));
  }
  if (l.followUps.length > 0) {
    back.push(
      `<p><b>${escapeInline(t(lang, 'handbook.followUps'))}</b></p><ul>${l.followUps.map((f) => `<li>${escapeInline(f)}</li>`).join('')}</ul>`,
    );
    backText.push(`${t(lang, 'handbook.followUps')}:\n${l.followUps.map((f) => `- ${f}`).join('\n')}`);
  }
  const levels = LEVELS.filter((level) => q.levels.includes(level));
  return {
    id: q.id,
    front,
    back: back.join(''),
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
export function absoluteUrl(site: string | URL, path: string): string {
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
    [card.front, card.back, escapeHtml(absoluteUrl(site, card.path)), tagsField(card.tags), card.guid]
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
export const CSV_COLUMNS = ['id', 'question', 'answer', 'permalink', 'tags'] as const;

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
