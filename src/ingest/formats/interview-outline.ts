/**
 * An interview outline in Markdown: `# Title`, a header of labelled notes
 * (`**Структура:** ...`, `**Время проведения:**` + bullets), numbered sections
 * `## N. Section (K вопросов)` holding `### Вопрос N: text` questions, each with
 * `**Углубления:**` and numbered follow-ups; then a level table (`### Junior ...` blocks with
 * `**Ожидания:**`, `**Вопросы:** 1-12, 23-25`, `**Критерии:**` bullets) and further labelled
 * notes (`## Рекомендации для интервьюера`, `**Красные флаги:**`).
 *
 * ParseError: a repeated question number, a level without (or with unreadable) question
 * ranges, a level table naming a question that does not exist, a level given twice.
 * Warnings: a section whose declared count differs from its questions, skipped question or
 * follow-up numbers, and every line left 'unplaced'. Horizontal rules are structure: 'kept'.
 */
import type { BlockContent, PhrasingContent } from 'mdast';
import { LEVELS, type Content, type Level } from '../model.ts';
import { list, paragraph, root } from '../mdast.ts';
import { inline } from '../repair/inline.ts';
import {
  ParseError,
  type DocumentMeta,
  type LineFate,
  type ParseIssue,
  type ParseResult,
  type RawItem,
  type SourceFormat,
} from './types.ts';
import { contentLines, sourceLines } from './lines.ts';
import { checkNumber } from './numbering.ts';

const TITLE = /^#\s+(\S.*)$/;
const SECTION = /^##\s+\d+\.\s+(.+?)\s*\((\d+)\s+вопрос\p{L}*\)$/u;
const H2 = /^##\s+(\S.*)$/;
const QUESTION = /^###\s+Вопрос\s+(\d+):\s*(\S.*)$/u;
const H3 = /^###\s+(\S.*)$/;
const LABEL = /^\*\*([^*]+?):\*\*\s*(.*)$/;
const NUMBERED = /^(\d+)\.\s+(\S.*)$/;
const BULLET = /^[-*•]\s+(\S.*)$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;
const RANGES = /^(\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)\s*(?:\((.+)\))?$/;
const LEVEL_WORD = new RegExp(`\\b(${LEVELS.join('|')})\\b`, 'i');

/** Labels with a fixed role; any other `**Label:**` starts a document note. */
const FOLLOW_UPS = 'Углубления';
const EXPECTATIONS = 'Ожидания';
const QUESTIONS = 'Вопросы';
const CRITERIA = 'Критерии';

type LevelEntry = NonNullable<DocumentMeta['levels']>[number];
interface Note {
  heading: string;
  line: number;
  lines: string[];
}
interface Section {
  title: string;
  declared: number;
  line: number;
  count: number;
}

export const interviewOutline: SourceFormat = {
  id: 'interview-outline',
  name: 'Interview outline',
  detect(text, lines = contentLines(text)) {
    return lines.length > 0 && TITLE.test(lines[0]) && lines.some((l) => QUESTION.test(l));
  },
  parse,
};

function parse(text: string): ParseResult {
  const lines = sourceLines(text).map((l) => l.trim());
  const fates: LineFate[] = lines.map((l) => (l === '' ? 'blank' : 'unplaced'));
  const warnings: ParseIssue[] = [];
  const meta: DocumentMeta = {};
  const items: RawItem[] = [];
  const levels: LevelEntry[] = [];
  const notes: Note[] = [];
  const firstLine = new Map<number, number>();
  const levelHeadings = new Map<LevelEntry, number>();

  let section: Section | undefined;
  let item: RawItem | undefined;
  let inFollowUps = false;
  let level: LevelEntry | undefined;
  let inCriteria = false;
  let note: Note | undefined;

  const closeSection = () => {
    if (section && section.count !== section.declared) {
      warnings.push({
        line: section.line,
        message: `section "${section.title}" declares ${section.declared} questions but has ${section.count}`,
      });
    }
    section = undefined;
  };
  const closeBlocks = () => {
    item = level = note = undefined;
    inFollowUps = inCriteria = false;
  };

  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const n = i + 1;
    let m: RegExpExecArray | null;
    let placed = true;
    if (RULE.test(line)) {
      closeBlocks();
    } else if ((m = TITLE.exec(line)) && meta.title === undefined) {
      meta.title = m[1];
    } else if ((m = SECTION.exec(line))) {
      closeBlocks();
      closeSection();
      section = { title: m[1], declared: Number(m[2]), line: n, count: 0 };
    } else if ((m = H2.exec(line))) {
      closeBlocks();
      closeSection();
      note = { heading: m[1], line: n, lines: [] };
      notes.push(note);
    } else if ((m = QUESTION.exec(line))) {
      closeBlocks();
      const number = Number(m[1]);
      checkNumber(number, n, items.at(-1)?.number, firstLine, warnings);
      item = { title: m[2], number, followUps: [], lines: [n, n] };
      if (section) {
        item.section = section.title;
        section.count++;
      }
      items.push(item);
    } else if ((m = H3.exec(line)) && LEVEL_WORD.test(m[1])) {
      closeBlocks();
      const name = LEVEL_WORD.exec(m[1])![1].toLowerCase() as Level;
      if (levels.some((l) => l.level === name)) throw new ParseError(n, `level ${name} is described twice`);
      level = { level: name, numbers: [], line: 0, heading: m[1] };
      levels.push(level);
      levelHeadings.set(level, n);
    } else if (H3.test(line)) {
      closeBlocks();
      placed = false;
    } else if (item) {
      placed = placeInItem(item, line, n, inFollowUps, warnings);
      if (placed && LABEL.test(line)) inFollowUps = true;
    } else if (level) {
      const label = LABEL.exec(line);
      if (label) inCriteria = placeLevelLabel(level, label[1], label[2], n);
      else if ((m = BULLET.exec(line)) && inCriteria) (level.criteria ??= []).push(m[1]);
      else placed = false;
    } else if ((m = LABEL.exec(line))) {
      note = { heading: m[1], line: n, lines: m[2] ? [m[2]] : [] };
      notes.push(note);
    } else if (note) {
      note.lines.push(line);
    } else {
      placed = false;
    }
    if (placed) fates[i] = 'kept';
    else warnings.push({ line: n, message: `unplaced line: ${JSON.stringify(line)}` });
  }
  closeSection();

  for (const l of levels) {
    if (l.line === 0) throw new ParseError(levelHeadings.get(l)!, `level ${l.level} has no "**${QUESTIONS}:**" line`);
  }
  checkLevels(levels, new Set(items.map((it) => it.number!)));
  if (levels.length > 0) meta.levels = levels;
  const kept = notes.filter((nt) => nt.lines.length > 0);
  if (kept.length > 0)
    meta.notes = kept.map((nt) => ({ heading: nt.heading, line: nt.line, content: blocks(nt.lines) }));
  warnings.sort((a, b) => a.line - b.line);
  return { items, meta, fates, warnings };
}

/** A line inside a question: the follow-ups label or a numbered follow-up. */
function placeInItem(item: RawItem, line: string, n: number, inFollowUps: boolean, warnings: ParseIssue[]): boolean {
  const label = LABEL.exec(line);
  const followUp = NUMBERED.exec(line);
  if (label && label[1] === FOLLOW_UPS && label[2] === '' && !inFollowUps) {
    // the label opens the list
  } else if (followUp && inFollowUps) {
    const expected = item.followUps.length + 1;
    if (Number(followUp[1]) !== expected) {
      warnings.push({ line: n, message: `follow-up ${followUp[1]} of question ${item.number} (expected ${expected})` });
    }
    item.followUps.push(followUp[2]);
  } else {
    return false;
  }
  item.lines[1] = n;
  return true;
}

/** A labelled line of a level block; returns whether criteria bullets follow. */
function placeLevelLabel(level: LevelEntry, label: string, rest: string, n: number): boolean {
  if (label === EXPECTATIONS) level.expectations = rest;
  else if (label === QUESTIONS) {
    const m = RANGES.exec(rest);
    if (!m) throw new ParseError(n, `cannot read question ranges ${JSON.stringify(rest)} of level ${level.level}`);
    level.numbers = expandRanges(m[1], n);
    level.line = n;
    if (m[2]) level.questionsNote = m[2];
  } else if (label === CRITERIA && rest === '') {
    return true;
  } else {
    throw new ParseError(n, `unknown label "${label}" in level ${level.level}`);
  }
  return false;
}

/** "1-12, 23-25, 46" -> [1..12, 23, 24, 25, 46]. */
function expandRanges(ranges: string, n: number): number[] {
  const numbers: number[] = [];
  for (const part of ranges.split(',')) {
    const [from, to = from] = part.split(/[-–]/).map((s) => Number(s.trim()));
    if (to < from) throw new ParseError(n, `question range ${part.trim()} runs backwards`);
    for (let k = from; k <= to; k++) numbers.push(k);
  }
  return numbers;
}

function checkLevels(levels: LevelEntry[], existing: Set<number>): void {
  for (const l of levels) {
    const missing = l.numbers.filter((k) => !existing.has(k));
    if (missing.length > 0) {
      const what =
        missing.length === 1 ? `question ${missing[0]}, which does` : `questions ${missing.join(', ')}, which do`;
      throw new ParseError(l.line, `level ${l.level} names ${what} not exist`);
    }
  }
}

/** `**bold**` spans become strong nodes; everything else goes through `inline`. */
function phrasing(line: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const m of line.matchAll(/\*\*(.+?)\*\*/g)) {
    if (m.index > last) out.push(...inline(line.slice(last, m.index)));
    out.push({ type: 'strong', children: inline(m[1]) });
    last = m.index + m[0].length;
  }
  if (last < line.length) out.push(...inline(line.slice(last)));
  return out;
}

/** Note lines -> paragraphs, runs of numbered lines -> ordered list, runs of bullets -> list. */
function blocks(lines: string[]): Content {
  const out: BlockContent[] = [];
  let run: { ordered: boolean; start: number; items: PhrasingContent[][] } | undefined;
  const flush = () => {
    if (run) out.push(list(run.items, run.ordered, run.start));
    run = undefined;
  };
  for (const line of lines) {
    const numbered = NUMBERED.exec(line);
    const bullet = BULLET.exec(line);
    const ordered = Boolean(numbered);
    if (numbered || bullet) {
      if (run && run.ordered !== ordered) flush();
      run ??= { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      run.items.push(phrasing(numbered ? numbered[2] : bullet![1]));
    } else {
      flush();
      out.push(paragraph(phrasing(line)));
    }
  }
  flush();
  return root(out);
}
