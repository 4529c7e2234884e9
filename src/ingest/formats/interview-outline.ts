/**
 * An interview outline in Markdown: `# Title`, a header of labelled notes
 * (`**Структура:** ...`, `**Время проведения:**` + bullets), numbered sections
 * `## N. Section (K вопросов)` holding `### Вопрос N: text` questions, each with
 * `**Углубления:**` and numbered follow-ups; then a level table (`### Junior ...` blocks with
 * `**Ожидания:**`, `**Вопросы:** 1-12, 23-25`, `**Критерии:**` bullets) and further labelled
 * notes (`## Рекомендации для интервьюера`, `**Красные флаги:**`).
 *
 * The header's "**Время проведения:**" bullets become `meta.schedule` (per level: experience,
 * question count, minutes). The guidance labels (expectations, criteria, red flags,
 * recommendations) are accepted inside a level's block (they belong to that level), at the end
 * and under the recommendations heading (`meta.guidance`: every level's); the lines of the
 * recommendations heading are recommendations.
 *
 * ParseError: a repeated question number, a level without (or with unreadable) question
 * ranges, a level table naming a question that does not exist, a level given twice.
 * Warnings: a section whose declared count differs from its questions, skipped question or
 * follow-up numbers, an unknown label after the header (it and its lines stay 'unplaced', which
 * fails only `--strict`), and every line left 'unplaced'. Horizontal rules are structure: 'kept'.
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
  type GuidanceKind,
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

/** Labels with a fixed role; any other `**Label:**` of the header starts a document note. */
const FOLLOW_UPS = 'Углубления';
const QUESTIONS = 'Вопросы';
const SCHEDULE = /^(?:время проведения|timing|time)$/i;
const RECOMMENDATIONS_HEADING = /^(?:рекомендац|recommendation)/i;
/** Known guidance labels (lower case) -> their kind; accepted in a level block, at the end, under the recommendations. */
const GUIDANCE_LABELS: Record<string, GuidanceKind> = {
  ожидания: 'expectations',
  expectations: 'expectations',
  критерии: 'criteria',
  'критерии оценки': 'criteria',
  criteria: 'criteria',
  'красные флаги': 'redFlags',
  'red flags': 'redFlags',
  рекомендации: 'recommendations',
  'рекомендации для интервьюера': 'recommendations',
  recommendations: 'recommendations',
};
const guidanceKind = (label: string): GuidanceKind | undefined => GUIDANCE_LABELS[label.trim().toLowerCase()];

type LevelEntry = NonNullable<DocumentMeta['levels']>[number];
type ScheduleEntry = NonNullable<DocumentMeta['schedule']>[number];
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
/** Where the lines after a label go: a level's list or the document's guidance; null after an unknown label. */
type Target = { push(text: string, line: number): void } | null;

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
  const schedule: ScheduleEntry[] = [];
  const guidance: NonNullable<DocumentMeta['guidance']> = {};
  const notes: Note[] = [];
  const firstLine = new Map<number, number>();
  const levelHeadings = new Map<LevelEntry, number>();
  const expectationLines = new Map<LevelEntry, string[]>();

  let section: Section | undefined;
  let item: RawItem | undefined;
  let inFollowUps = false;
  let level: LevelEntry | undefined;
  let note: Note | undefined;
  let inSchedule = false;
  /** Lines after a known label (or under the recommendations heading); null after an unknown label. */
  let target: Target | undefined;

  const levelTarget = (entry: LevelEntry, kind: GuidanceKind): Target => ({
    push(line) {
      if (kind === 'expectations') expectationLines.set(entry, [...(expectationLines.get(entry) ?? []), line]);
      else (entry[kind] ??= []).push(line);
    },
  });
  const documentTarget = (kind: GuidanceKind): Target => ({
    push(line, n) {
      (guidance[kind] ??= []).push({ text: line, line: n });
    },
  });
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
    item = level = note = target = undefined;
    inFollowUps = inSchedule = false;
  };

  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    const n = i + 1;
    let m: RegExpExecArray | null;
    let placed = true;
    const label = LABEL.exec(line);
    const known = label ? guidanceKind(label[1]) : undefined;
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
      if (RECOMMENDATIONS_HEADING.test(m[1])) target = documentTarget('recommendations');
      else {
        note = { heading: m[1], line: n, lines: [] };
        notes.push(note);
      }
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
      const experience = /\(([^)]+)\)\s*$/.exec(m[1]);
      if (experience) level.experience = experience[1].trim();
      levels.push(level);
      levelHeadings.set(level, n);
    } else if (H3.test(line)) {
      closeBlocks();
      placed = false;
    } else if (item && !known) {
      placed = placeInItem(item, line, n, inFollowUps, warnings);
      if (placed && label) inFollowUps = true;
    } else if (label && level) {
      if (label[1] === QUESTIONS) {
        readRanges(level, label[2], n);
        target = undefined;
      } else if (known) {
        target = levelTarget(level, known);
        if (label[2]) target!.push(label[2], n);
      } else {
        warnings.push({
          line: n,
          message: `unknown label "${label[1]}" in level ${level.level}: its lines are unplaced`,
        });
        target = null;
        placed = false;
      }
    } else if (label && known) {
      item = note = undefined;
      inSchedule = false;
      target = documentTarget(known);
      if (label[2]) target!.push(label[2], n);
    } else if (label && items.length === 0) {
      note = { heading: label[1], line: n, lines: label[2] ? [label[2]] : [] };
      notes.push(note);
      inSchedule = SCHEDULE.test(label[1]);
      target = undefined;
    } else if (label) {
      warnings.push({ line: n, message: `unknown label "${label[1]}": its lines are unplaced` });
      closeBlocks();
      target = null;
      placed = false;
    } else if (target) {
      target.push(listText(line), n);
    } else if (target === null) {
      placed = false;
    } else if (inSchedule && (m = BULLET.exec(line)) && scheduleEntry(m[1], n)) {
      schedule.push(scheduleEntry(m[1], n)!);
    } else if (note) {
      note.lines.push(line);
    } else {
      placed = false;
    }
    if (placed) fates[i] = 'kept';
    else if (!label) warnings.push({ line: n, message: `unplaced line: ${JSON.stringify(line)}` });
  }
  closeSection();

  for (const l of levels) {
    if (l.line === 0) throw new ParseError(levelHeadings.get(l)!, `level ${l.level} has no "**${QUESTIONS}:**" line`);
    const expectations = expectationLines.get(l);
    if (expectations) l.expectations = expectations.join('; ');
  }
  checkLevels(levels, new Set(items.map((it) => it.number!)));
  if (levels.length > 0) meta.levels = levels;
  if (schedule.length > 0) meta.schedule = schedule;
  if (Object.keys(guidance).length > 0) meta.guidance = guidance;
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

/** The text of a list line without its marker ("1. text", "- text"), else the line. */
function listText(line: string): string {
  return NUMBERED.exec(line)?.[2] ?? BULLET.exec(line)?.[1] ?? line;
}

/** "15-20" or "15" -> [15, 20] / [15, 15]. */
function span(from: string, to: string | undefined): [number, number] {
  return [Number(from), Number(to ?? from)];
}

/** A schedule bullet: "**Junior (1-2 года):** 15-20 вопросов (30-45 минут)". */
function scheduleEntry(bullet: string, n: number): ScheduleEntry | undefined {
  const label = LABEL.exec(bullet);
  if (!label) return undefined;
  const level = LEVEL_WORD.exec(label[1]);
  if (!level) return undefined;
  const entry: ScheduleEntry = { level: level[1].toLowerCase() as Level, label: label[1], text: label[2], line: n };
  const experience = /\(([^)]+)\)/.exec(label[1]);
  if (experience) entry.experience = experience[1].trim();
  const count = /(\d+)(?:\s*[-–]\s*(\d+))?\s*(?:вопрос|question)/iu.exec(label[2]);
  if (count) entry.questionCount = span(count[1], count[2]);
  const minutes = /(\d+)(?:\s*[-–]\s*(\d+))?\s*(?:мин|min)/iu.exec(label[2]);
  if (minutes) entry.minutes = span(minutes[1], minutes[2]);
  return entry;
}

/** "**Вопросы:** 1-12, 23-25 (15-20 вопросов)" of a level block. */
function readRanges(level: LevelEntry, rest: string, n: number): void {
  const m = RANGES.exec(rest);
  if (!m) throw new ParseError(n, `cannot read question ranges ${JSON.stringify(rest)} of level ${level.level}`);
  level.numbers = expandRanges(m[1], n);
  level.line = n;
  if (m[2]) {
    level.questionsNote = m[2];
    const count = /(\d+)(?:\s*[-–]\s*(\d+))?/.exec(m[2]);
    if (count) level.questionCount = span(count[1], count[2]);
  }
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
