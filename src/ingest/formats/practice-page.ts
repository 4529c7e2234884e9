/**
 * Interview-practice pages scraped from a training site.
 *
 * Variant A (a company interview): breadcrumb, a glued line
 * "Тренировка по собеседованию<interview><company><YYYY-MM-DD>", the page title
 * "<company>: <interview>", counters ("Шагов" / 5 ...), then steps "1Вопрос7 мин"
 * (number, step kind, minutes), each followed by a kind heading ("Вопрос по метрикам"), the
 * question text, UI instructions and the answer sections.
 *
 * Variant B (a topic set): no header and no steps; each item starts with its title written
 * twice (the repeat is debris), the title is the question, then UI instructions and sections.
 *
 * Malformed input throws ParseError: a step without question text, an answer section with no
 * content, an item with no answer section at all (truncated), a section repeated in one item.
 * Softer problems are warnings: unrecognised header lines (left 'unplaced'), counters that
 * disagree with the steps, step numbers out of sequence, a company that cannot be separated
 * from the interview kind.
 */
import type { BlockContent, PhrasingContent } from 'mdast';
import { ANSWER_PARTS, PART_NAMES, type AnswerPart } from '../answer-parts.ts';
import type { Content } from '../model.ts';
import { list, paragraph, root } from '../mdast.ts';
import { inline } from '../repair/inline.ts';
import {
  ParseError,
  type DocumentMeta,
  type LineFate,
  type ParseIssue,
  type ParseResult,
  type RawAnswer,
  type RawItem,
  type SourceFormat,
} from './types.ts';
import { contentLines, sourceLines } from './lines.ts';

/** UI lines of the scraped page (navigation, instructions, buttons). Matched as whole lines. */
export const DEBRIS = [
  'К обычному разбору',
  'Идите сверху вниз: сначала попробуйте сами, затем откройте разбор. Если шаг с кодом, пишите решение прямо здесь и запускайте проверки на странице.',
  'Ответьте без подсказки',
  'Сначала проговорите ответ вслух или тезисами.',
  'Запишите черновик',
  'Формулы, план решения, риски и примеры.',
  'Сравните с разбором',
  'Откройте разбор только после своей попытки.',
  'Показать разбор',
] as const;

/** Answer section headings (the Russian part names of answer-parts.ts) and the part each one fills. */
export const SECTIONS: Readonly<Record<string, AnswerPart>> = Object.fromEntries(
  ANSWER_PARTS.map((part) => [PART_NAMES[part].ru[0], part]),
);

/** Counter labels of the page header and what each counts. */
const COUNTERS = ['Шагов', 'Вопросов', 'Задач'] as const;
/** The step kind of question steps; other step kinds count as tasks. */
const QUESTION_STEP = 'Вопрос';

const TRAINING_LINE = /^Тренировка по собеседованию(.+?)(\d{4}-\d{2}-\d{2})$/u;
const STEP_LINE = /^([1-9]\d*)(\p{L}\D*?)([1-9]\d*) мин$/u;
const BULLET = /^\s*[•-]\s+(.*)$/u;

const debris: ReadonlySet<string> = new Set(DEBRIS);
const sectionNames: ReadonlySet<string> = new Set(Object.keys(SECTIONS));
/** Length of the longest section heading: a longer line is none (no lookup needed). */
const SECTION_LENGTH = Math.max(...Object.keys(SECTIONS).map((s) => s.length));
const isSection = (s: string): boolean => s.length <= SECTION_LENGTH && sectionNames.has(s);

export const practicePage: SourceFormat = {
  id: 'practice-page',
  name: 'Interview-practice page',
  detect(text, lines = contentLines(text)) {
    // At least one answer section heading plus one other distinct page marker.
    const seen = new Set<string>();
    let sections = 0;
    for (const line of lines) {
      const section = isSection(line);
      if (!section && !debris.has(line)) continue;
      if (seen.has(line)) continue;
      if (section) sections++;
      seen.add(line);
    }
    return sections > 0 && seen.size >= 2;
  },
  parse,
};

interface Step {
  number: number;
  kind: string;
  minutes: number;
}

function parse(text: string): ParseResult {
  const lines = sourceLines(text).map((l) => l.trim());
  const fates: LineFate[] = lines.map((l) => (l === '' ? 'blank' : debris.has(l) ? 'debris' : 'unplaced'));
  const warnings: ParseIssue[] = [];
  const content = (i: number) => fates[i] === 'unplaced';

  const stepOf = (i: number): Step | undefined => {
    const m = content(i) ? STEP_LINE.exec(lines[i]) : null;
    return m ? { number: Number(m[1]), kind: m[2], minutes: Number(m[3]) } : undefined;
  };
  const nextContent = (i: number) => {
    let j = i + 1;
    while (j < lines.length && !content(j)) j++;
    return j;
  };
  const isTitle = (i: number) =>
    content(i) && !isSection(lines[i]) && !BULLET.test(lines[i]) && lines[nextContent(i)] === lines[i];

  // Items start at step lines (variant A) or, on pages without steps, at repeated titles (B).
  const allSteps = lines.map((_, i) => stepOf(i));
  const hasSteps = allSteps.some(Boolean);
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (hasSteps ? allSteps[i] : isTitle(i)) {
      starts.push(i);
      if (!hasSteps) i = nextContent(i); // the repeat is not a new item
    }
  }

  const meta = parseHeader(lines, fates, starts[0] ?? lines.length, warnings);
  const items = starts.map((start, k) =>
    parseItem(lines, fates, start, starts[k + 1] ?? lines.length, allSteps[start]),
  );
  const steps = starts.flatMap((start) => allSteps[start] ?? []);
  checkSteps(steps, starts, meta, warnings);

  for (const [i, fate] of fates.entries()) {
    if (fate === 'unplaced') warnings.push({ line: i + 1, message: `unplaced line: ${JSON.stringify(lines[i])}` });
  }
  warnings.sort((a, b) => a.line - b.line);
  return { items, meta, fates, warnings };
}

/** Header of variant A: glued training line, page title, counters. */
function parseHeader(lines: string[], fates: LineFate[], end: number, warnings: ParseIssue[]): DocumentMeta {
  const meta: DocumentMeta = {};
  let glued: string | undefined;
  for (let i = 0; i < end; i++) {
    if (fates[i] !== 'unplaced') continue;
    const line = lines[i];
    const training = TRAINING_LINE.exec(line);
    if (training && glued === undefined) {
      glued = training[1];
      meta.date = training[2];
      fates[i] = 'kept';
    } else if ((COUNTERS as readonly string[]).includes(line) && /^\d+$/.test(lines[i + 1] ?? '')) {
      (meta.counters ??= []).push({ label: line, value: Number(lines[i + 1]), line: i + 1 });
      fates[i] = fates[i + 1] = 'kept';
      i++;
    } else if (glued !== undefined && meta.title === undefined) {
      meta.title = line;
      fates[i] = 'kept';
    }
  }
  if (glued !== undefined) splitCompany(glued, meta, warnings, lines.findIndex((l) => TRAINING_LINE.test(l)) + 1);
  return meta;
}

/** "Техническое собеседованиеNavio" -> interview + company, checked against "Navio: Техническое собеседование". */
function splitCompany(glued: string, meta: DocumentMeta, warnings: ParseIssue[], line: number): void {
  const title = meta.title?.match(/^(.+?):\s*(.+)$/);
  if (title && glued === title[2] + title[1]) {
    [meta.company, meta.interview] = [title[1], title[2]];
    return;
  }
  // No matching title: split where a lower-case letter meets an upper-case one.
  const boundary = glued.match(/^(.*?\p{Ll})(\p{Lu}.*)$/u);
  if (boundary) [meta.interview, meta.company] = [boundary[1], boundary[2]];
  else {
    meta.interview = glued;
    warnings.push({ line, message: `cannot separate the company from ${JSON.stringify(glued)}` });
  }
}

/** One item: lines [start, end), `start` is its step line (A) or title line (B). */
function parseItem(lines: string[], fates: LineFate[], start: number, end: number, step?: Step): RawItem {
  fates[start] = 'kept';
  let i = start + 1;
  if (!step) {
    while (fates[i] !== 'unplaced') i++; // the repeated title
    fates[i++] = 'debris';
  }
  const question: number[] = [];
  const sections: { key: string; heading: number; body: number[] }[] = [];
  for (; i < end; i++) {
    if (fates[i] !== 'unplaced') continue;
    fates[i] = 'kept';
    const line = lines[i];
    if (isSection(line)) {
      const key = line;
      if (sections.some((s) => s.key === key)) {
        throw new ParseError(i + 1, `section ${JSON.stringify(line)} repeated in one item`);
      }
      sections.push({ key, heading: i, body: [] });
    } else if (sections.length > 0) sections.at(-1)!.body.push(i);
    else question.push(i);
  }

  let title = lines[start];
  let kind: string | undefined;
  let prompt = question;
  if (step) {
    const [first, ...rest] = question;
    const hasKindHeading = first !== undefined && lines[first].startsWith(step.kind);
    kind = hasKindHeading ? lines[first] : step.kind;
    prompt = hasKindHeading ? rest : question;
    if (prompt.length === 0) throw new ParseError(start + 1, `step ${step.number} has no question text`);
    title = lines[prompt[0]];
  } else if (prompt.length > 0) {
    prompt = [start, ...prompt];
  }
  if (sections.length === 0) {
    throw new ParseError(start + 1, `item ${JSON.stringify(title)} is truncated: it has no answer sections`);
  }

  const answer: RawAnswer = {};
  for (const s of sections) {
    if (s.body.length === 0)
      throw new ParseError(s.heading + 1, `section ${JSON.stringify(lines[s.heading])} is empty`);
    answer[SECTIONS[s.key]] = blocks(s.body.map((j) => lines[j]));
  }
  let last = end - 1;
  while (fates[last] === 'blank' || fates[last] === 'debris') last--;

  const promptLines = prompt.map((j) => lines[j]);
  const hasMath = promptLines.some((l) => inline(l).some((n) => n.type !== 'text'));
  const item: RawItem = { title, followUps: [], answer, lines: [start + 1, last + 1] };
  if (promptLines.length > 1 || hasMath) item.prompt = blocks(promptLines);
  if (kind !== undefined) item.kind = kind;
  if (step) [item.number, item.minutes] = [step.number, step.minutes];
  return item;
}

/** Paragraph per text line; runs of bullet lines become one list. */
function blocks(lines: string[]): Content {
  const out: BlockContent[] = [];
  let bullets: PhrasingContent[][] = [];
  const flush = () => {
    if (bullets.length > 0) out.push(list(bullets));
    bullets = [];
  };
  for (const line of lines) {
    const bullet = BULLET.exec(line);
    if (bullet) bullets.push(inline(bullet[1]));
    else {
      flush();
      out.push(paragraph(inline(line)));
    }
  }
  flush();
  return root(out);
}

/** Step numbers run 1, 2, 3 ... and agree with the declared counters. */
function checkSteps(steps: Step[], starts: number[], meta: DocumentMeta, warnings: ParseIssue[]): void {
  steps.forEach((s, k) => {
    if (s.number !== k + 1)
      warnings.push({ line: starts[k] + 1, message: `step ${s.number} is out of sequence (expected ${k + 1})` });
  });
  const questions = steps.filter((s) => s.kind === QUESTION_STEP).length;
  const actual: Record<(typeof COUNTERS)[number], number> = {
    Шагов: steps.length,
    Вопросов: questions,
    Задач: steps.length - questions,
  };
  for (const c of meta.counters ?? []) {
    const found = actual[c.label as (typeof COUNTERS)[number]];
    if (found !== c.value)
      warnings.push({ line: c.line, message: `"${c.label}" says ${c.value}, the page has ${found}` });
  }
}
