/**
 * The native source format: a Markdown file written by hand (or by `npm run export`).
 *
 *   ---                                  optional YAML front matter: defaults for the file
 *   title: My questions                  source title (sources page, question badges)
 *   language: en                         ru | en (default: Cyrillic in the title means ru)
 *   topic: fundamentals                  a topic id of content/topics.yaml
 *   level: [junior, middle]              junior | middle | senior, or a list
 *   minutes: 5
 *   ---
 *   # Section                            optional page section for the questions below
 *   ## What is dropout?                  a question
 *   {level: middle, minutes: 3}          optional settings line, right under the heading
 *   Body text: the detailed analysis.
 *   ### Short answer                     answer parts (the answer-overlay names, either language)
 *   ### Question                         the full question text, when it differs from the title
 *   ### Follow-ups                       a list of follow-up questions
 *
 * The file is parsed with micromark / mdast (GFM, math, `:::caution` asides), so a `## ` line
 * inside a code fence or math block is text, not a question. A `# ` heading before the first
 * question is the file's title when the front matter gives none; every other `# ` heading starts
 * a page section. Every line is kept (front matter, headings, bodies, an intro paragraph) or
 * blank.
 */
import type { Heading, List, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mathFromMarkdown } from 'mdast-util-math';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { gfm } from 'micromark-extension-gfm';
import { math } from 'micromark-extension-math';
import { directive } from 'micromark-extension-directive';
import { z } from 'zod';
import { ANSWER_PARTS, answerPartOf, headingKey, PART_HEADINGS } from '../answer-parts.ts';
import { DataFileError, parseDataFile } from '../data-file.ts';
import { markdownToContent, MarkdownContentError } from '../markdown-content.ts';
import { ID_PATTERN, Lang, Level, LEVELS, type Content } from '../model.ts';
import { contentLines, sourceLines } from './lines.ts';
import {
  ParseError,
  type DocumentMeta,
  type LineFate,
  type ParseResult,
  type RawAnswer,
  type RawItem,
  type SourceFormat,
} from './types.ts';

/**
 * `### ` headings besides the answer parts (answer-parts.ts), per language: the first name is the
 * one the native export writes, the others are accepted too.
 */
export const SECTION_NAMES: Readonly<Record<'prompt' | 'followUps', Record<Lang, readonly [string, ...string[]]>>> = {
  prompt: { ru: ['Вопрос'], en: ['Question'] },
  followUps: { ru: ['Углубления'], en: ['Follow-ups', 'Follow-up questions'] },
};
const headings = (part: keyof typeof SECTION_NAMES) =>
  [...SECTION_NAMES[part].ru, ...SECTION_NAMES[part].en].map((name) => name.toLowerCase());
const PROMPT_HEADINGS = headings('prompt');
const FOLLOW_UP_HEADINGS = headings('followUps');

/** What a settings line (per question) or the front matter (per file) may set. */
const settingsShape = {
  topic: z.string().regex(ID_PATTERN, 'a topic id looks like "fundamentals"').optional(),
  level: z
    .union([Level, z.array(Level).min(1)], { error: 'expected junior, middle or senior, or a list of them' })
    .optional(),
  minutes: z.number().int().positive().optional(),
  language: Lang.optional(),
  kind: z.string().min(1).optional(),
};
export const QuestionSettings = z.strictObject(settingsShape);
export type QuestionSettings = z.infer<typeof QuestionSettings>;
export const FrontMatter = z.strictObject({
  ...settingsShape,
  title: z.string().min(1).optional(),
  company: z.string().min(1).optional(),
  date: z.string().min(1).optional(),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

const FENCE = /^---\s*$/;
const FENCE_END = /^(?:---|\.\.\.)\s*$/;
const SETTINGS_LINE = /^\{.*\}$/;
const QUESTION_HEADING = /^ {0,3}##(?:[ \t]|$)/;
const ANY_HEADING = /^ {0,3}#{1,2}(?:[ \t]|$)/;
/** Interview-outline questions: those files are Markdown too, but not this format. */
const OUTLINE_QUESTION = /^###\s+Вопрос\s+\d+:/u;

export const nativeMarkdown: SourceFormat = {
  id: 'native-markdown',
  name: 'Native Markdown',
  detect(text, lines = contentLines(text)) {
    if (lines.length === 0) return false;
    if (!FENCE.test(lines[0]) && !ANY_HEADING.test(lines[0])) return false;
    if (lines.some((l) => OUTLINE_QUESTION.test(l))) return false;
    return sourceLines(text).some((l) => QUESTION_HEADING.test(l));
  },
  parse,
};

type Part = keyof RawAnswer | 'prompt' | 'followUps';

interface Segment {
  part: Part;
  /** Line of the `### ` heading (or of the question heading for the body before any). */
  line: number;
  nodes: RootContent[];
}

interface OpenItem {
  item: RawItem;
  settings: QuestionSettings;
  settingsLine?: number;
  segments: Segment[];
}

const startLine = (node: { position?: { start: { line: number } } }) => node.position!.start.line;
const endLine = (node: { position?: { end: { line: number } } }) => node.position!.end.line;
const headingText = (node: Heading) => toString(node).trim();

/**
 * A YAML text (front matter or a settings line) checked against `schema`; errors as ParseError
 * at the line of the offending key or value. `firstLine` is the file line of the text's line 1.
 */
function readSettings<S extends z.ZodObject>(
  yaml: string,
  schema: S,
  firstLine: number,
  what: string,
): { value: z.infer<S>; lineOf: (key: string) => number } {
  let read: { value: unknown; lineOf: (path: readonly PropertyKey[]) => number };
  try {
    read = parseDataFile(yaml, what, z.unknown());
  } catch (error) {
    if (error instanceof DataFileError) throw new ParseError(firstLine + error.line - 1, `${what}: ${error.reason}`);
    throw error;
  }
  const lineOf = (path: readonly PropertyKey[]) => firstLine + read.lineOf(path) - 1;
  // An empty front matter (`---` / `---`) reads as null: no defaults.
  const checked = schema.safeParse(read.value ?? {});
  if (!checked.success) {
    const issue = checked.error.issues[0];
    if (issue.code === 'unrecognized_keys') {
      const key = issue.keys[0];
      const known = Object.keys(schema.shape).join(', ');
      throw new ParseError(lineOf([...issue.path, key]), `${what}: unknown key "${key}" (known: ${known})`);
    }
    const at = issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ParseError(lineOf(issue.path), `${what}: ${issue.message}${at}`);
  }
  return { value: checked.data, lineOf: (key) => lineOf([key]) };
}

function parse(text: string): ParseResult {
  const lines = sourceLines(text);
  const fates: LineFate[] = lines.map((l) => (l.trim() === '' ? 'blank' : 'kept'));
  const meta: DocumentMeta = {};
  let defaults: FrontMatter = {};
  let topicLine = 0;
  let bodyLines = lines;

  if (lines.length > 0 && FENCE.test(lines[0])) {
    const end = lines.findIndex((l, i) => i > 0 && FENCE_END.test(l));
    if (end < 0) throw new ParseError(1, 'front matter opened on line 1 is not closed by a "---" line');
    const { value, lineOf } = readSettings(lines.slice(1, end).join('\n'), FrontMatter, 2, 'front matter');
    defaults = value;
    topicLine = lineOf('topic');
    if (defaults.title) meta.title = defaults.title;
    if (defaults.company) meta.company = defaults.company;
    if (defaults.date) meta.date = defaults.date;
    // Blank lines keep the Markdown parser's line numbers those of the file.
    bodyLines = [...lines.slice(0, end + 1).map(() => ''), ...lines.slice(end + 1)];
  }

  // A settings line is the line right under a question heading that reads `{…}`; it is taken
  // out (blanked) before the body is parsed, so the body may start on the next line.
  let tree = markdownTree(bodyLines);
  const settingsLines = new Map<number, number>(); // heading line -> settings line
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.depth !== 2) continue;
    const next = endLine(node) + 1;
    if (next <= bodyLines.length && SETTINGS_LINE.test(bodyLines[next - 1].trim()))
      settingsLines.set(startLine(node), next);
  }
  if (settingsLines.size > 0) {
    bodyLines = bodyLines.map((l, i) => ([...settingsLines.values()].includes(i + 1) ? '' : l));
    tree = markdownTree(bodyLines);
  }

  const items: RawItem[] = [];
  const intro: RootContent[] = [];
  let section: string | undefined;
  let open: OpenItem | undefined;

  const close = () => {
    if (!open) return;
    items.push(finish(open, bodyLines, defaults, topicLine));
    open = undefined;
  };

  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      close();
      const title = headingText(node);
      if (!title) throw new ParseError(startLine(node), 'a "# " section heading with no text');
      if (meta.title === undefined && items.length === 0 && section === undefined) meta.title = title;
      else section = title;
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      close();
      const title = headingText(node);
      if (!title) throw new ParseError(startLine(node), 'a question heading "## " with no title');
      const line = startLine(node);
      open = {
        item: { title, followUps: [], lines: [line, endLine(node)], ...(section ? { section } : {}) },
        settings: {},
        segments: [{ part: 'detailed', line, nodes: [] }],
      };
      const settingsLine = settingsLines.get(line);
      if (settingsLine !== undefined) {
        const raw = lines[settingsLine - 1].trim();
        open.settings = readSettings(raw, QuestionSettings, settingsLine, 'question settings').value;
        open.settingsLine = settingsLine;
        open.item.lines[1] = settingsLine;
      }
      continue;
    }
    if (node.type === 'heading' && node.depth === 3) {
      if (!open) throw new ParseError(startLine(node), `"### ${headingText(node)}" before the first question ("## ")`);
      const part = partOf(headingText(node));
      if (!part) {
        const expected = [...PART_HEADINGS.keys(), ...PROMPT_HEADINGS, ...FOLLOW_UP_HEADINGS];
        throw new ParseError(
          startLine(node),
          `unknown answer-part heading "### ${headingText(node)}": expected one of ${expected.map((h) => `"${h}"`).join(', ')}`,
        );
      }
      const twice = open.segments.find(
        (s) => s.part === part && (s.nodes.length > 0 || s.line !== open!.item.lines[0]),
      );
      if (twice)
        throw new ParseError(startLine(node), `"${part}" given twice in one question (first on line ${twice.line})`);
      open.segments.push({ part, line: startLine(node), nodes: [] });
      open.item.lines[1] = endLine(node);
      continue;
    }
    if (!open) {
      intro.push(node);
      continue;
    }
    open.segments.at(-1)!.nodes.push(node);
    open.item.lines[1] = endLine(node);
  }
  close();

  if (intro.length > 0) {
    meta.description = intro
      .map((n) => toString(n))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return { items, meta, fates, warnings: [] };
}

function markdownTree(lines: string[]): Root {
  return fromMarkdown(lines.join('\n'), {
    extensions: [gfm(), math(), directive()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown(), directiveFromMarkdown()],
  }) as Root;
}

function partOf(label: string): Part | undefined {
  const key = headingKey(label);
  if (PROMPT_HEADINGS.includes(key)) return 'prompt';
  if (FOLLOW_UP_HEADINGS.includes(key)) return 'followUps';
  return answerPartOf(label);
}

/** The item with its parts as content trees and its settings applied over the file's defaults. */
function finish(open: OpenItem, lines: string[], defaults: FrontMatter, topicLine: number): RawItem {
  const { item, settings } = open;
  const answer: RawAnswer = {};
  for (const segment of open.segments) {
    if (segment.nodes.length === 0) continue;
    if (segment.part === 'followUps') {
      item.followUps = followUps(segment.nodes);
      continue;
    }
    const from = startLine(segment.nodes[0]);
    const markdown = lines.slice(from - 1, endLine(segment.nodes.at(-1)!)).join('\n');
    let content: Content;
    try {
      content = markdownToContent(markdown);
    } catch (error) {
      if (error instanceof MarkdownContentError) throw new ParseError(from + error.line - 1, error.message);
      throw error;
    }
    if (segment.part === 'prompt') item.prompt = content;
    else answer[segment.part] = content;
  }
  // In the model's key order (answer-parts.ts).
  const parts = ANSWER_PARTS.filter((part) => answer[part]);
  if (parts.length > 0) item.answer = Object.fromEntries(parts.map((part) => [part, answer[part]]));

  const level = settings.level ?? defaults.level;
  if (level !== undefined) {
    const wanted = new Set(Array.isArray(level) ? level : [level]);
    item.levels = LEVELS.filter((l) => wanted.has(l));
  }
  const minutes = settings.minutes ?? defaults.minutes;
  if (minutes !== undefined) item.minutes = minutes;
  const kind = settings.kind ?? defaults.kind;
  if (kind !== undefined) item.kind = kind;
  const language = settings.language ?? defaults.language;
  if (language !== undefined) item.lang = language;
  if (settings.topic) item.topic = { id: settings.topic, line: open.settingsLine! };
  else if (defaults.topic) item.topic = { id: defaults.topic, line: topicLine };
  return item;
}

/** A follow-ups part: one list, one follow-up question per item. */
function followUps(nodes: RootContent[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    if (node.type !== 'list') {
      throw new ParseError(startLine(node), 'follow-ups are a list: one "- question" line per follow-up');
    }
    for (const entry of (node as List).children) {
      const text = entry.children
        .map((c) => toString(c))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (!text) throw new ParseError(startLine(entry), 'an empty follow-up question');
      out.push(text);
    }
  }
  return out;
}
