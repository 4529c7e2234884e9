/**
 * A fast check that a freshly built question already is what validating it with the zod
 * `Question` schema (model.ts) would return: valid, plain objects and arrays only, no keys the
 * schema does not know, and keys in the schema's order (zod's output lists an object's keys in
 * schema order and keeps a present optional key even when it is undefined). Such a question can
 * be used as it is; anything else (an invalid question, a key out of order, a doubtful value)
 * answers false and goes through zod, which reports the error or builds the canonical copy.
 *
 * Validating every question with zod took ~20 ms per 1,000 questions and copied every content
 * tree. The check accepts a subset of what zod accepts (tests/pipeline/canonical.test.ts
 * compares both), so the schema stays the single source of what is valid.
 */
import { FORMAT_IDS, LANGS, LEVELS } from './model.ts';

type Obj = Record<string, unknown>;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FORMATS: ReadonlySet<unknown> = new Set(FORMAT_IDS);
const LANG_SET: ReadonlySet<unknown> = new Set(LANGS);
const LEVEL_SET: ReadonlySet<unknown> = new Set(LEVELS);
const ALIGN: ReadonlySet<unknown> = new Set(['left', 'right', 'center', null]);

const isObject = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isArray = (v: unknown): v is unknown[] => Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype;
const isString = (v: unknown): v is string => typeof v === 'string';
const isPositiveInt = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;

/** Whether every own key of `o` is one of `order`, in that order. */
function keysInOrder(o: Obj, order: readonly string[]): boolean {
  let at = 0;
  for (const key in o) {
    if (!Object.hasOwn(o, key)) return false;
    while (at < order.length && order[at] !== key) at++;
    if (at === order.length) return false;
    at++;
  }
  return true;
}

/** Whether every element passes `check` (and `v` is a plain array). */
function every(v: unknown, check: (item: unknown) => boolean): boolean {
  if (!isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!check(v[i])) return false;
  return true;
}

const optional = (v: unknown, check: (value: unknown) => boolean) => v === undefined || check(v);

function phrasing(v: unknown): boolean {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'text':
    case 'inlineCode':
    case 'inlineMath':
      return isString(v.value) && keysInOrder(v, ['type', 'value']);
    case 'break':
      return keysInOrder(v, ['type']);
    case 'strong':
    case 'emphasis':
      return every(v.children, phrasing) && keysInOrder(v, ['type', 'children']);
    default:
      return false;
  }
}

function tableCell(v: unknown): boolean {
  return isObject(v) && v.type === 'tableCell' && every(v.children, phrasing) && keysInOrder(v, ['type', 'children']);
}

function tableRow(v: unknown): boolean {
  return isObject(v) && v.type === 'tableRow' && every(v.children, tableCell) && keysInOrder(v, ['type', 'children']);
}

function listItem(v: unknown): boolean {
  return (
    isObject(v) &&
    v.type === 'listItem' &&
    optional(v.spread, (s) => typeof s === 'boolean') &&
    every(v.children, block) &&
    keysInOrder(v, ['type', 'spread', 'children'])
  );
}

function block(v: unknown): boolean {
  if (!isObject(v)) return false;
  switch (v.type) {
    case 'paragraph':
      return every(v.children, phrasing) && keysInOrder(v, ['type', 'children']);
    case 'math':
      return isString(v.value) && keysInOrder(v, ['type', 'value']);
    case 'code':
      return (
        optional(v.lang, (l) => l === null || isString(l)) &&
        isString(v.value) &&
        keysInOrder(v, ['type', 'lang', 'value'])
      );
    case 'list':
      return (
        typeof v.ordered === 'boolean' &&
        optional(v.start, (s) => s === null || Number.isSafeInteger(s)) &&
        optional(v.spread, (s) => typeof s === 'boolean') &&
        every(v.children, listItem) &&
        keysInOrder(v, ['type', 'ordered', 'start', 'spread', 'children'])
      );
    case 'table':
      return (
        optional(v.align, (a) => every(a, (x) => ALIGN.has(x))) &&
        every(v.children, tableRow) &&
        (v.children as unknown[]).length >= 1 &&
        keysInOrder(v, ['type', 'align', 'children'])
      );
    case 'caution':
      return every(v.title, phrasing) && every(v.children, block) && keysInOrder(v, ['type', 'title', 'children']);
    default:
      return false;
  }
}

function content(v: unknown): boolean {
  return isObject(v) && v.type === 'root' && every(v.children, block) && keysInOrder(v, ['type', 'children']);
}

function answer(v: unknown): boolean {
  return (
    isObject(v) &&
    optional(v.short, content) &&
    optional(v.detailed, content) &&
    optional(v.mistakes, content) &&
    optional(v.howToSay, content) &&
    keysInOrder(v, ['short', 'detailed', 'mistakes', 'howToSay'])
  );
}

function sourceRef(v: unknown): boolean {
  return (
    isObject(v) &&
    isString(v.file) &&
    FORMATS.has(v.format) &&
    isArray(v.lines) &&
    v.lines.length === 2 &&
    isPositiveInt(v.lines[0]) &&
    isPositiveInt(v.lines[1]) &&
    optional(v.number, isPositiveInt) &&
    optional(v.company, isString) &&
    optional(v.date, isString) &&
    optional(v.title, isString) &&
    keysInOrder(v, ['file', 'format', 'lines', 'number', 'company', 'date', 'title'])
  );
}

/** The keys of the Question schema, in its order. */
const QUESTION_KEYS = [
  'id',
  'aliases',
  'topic',
  'subtopic',
  'lang',
  'title',
  'prompt',
  'kind',
  'answer',
  'followUps',
  'minutes',
  'levels',
  'source',
  'tags',
] as const;

/**
 * Whether `q` passes the Question schema and equals what `Question.parse(q)` returns (same keys
 * in the same order, same values); false when in doubt.
 */
export function isCanonicalQuestion(q: unknown): boolean {
  return (
    isObject(q) &&
    isString(q.id) &&
    ID.test(q.id) &&
    optional(q.aliases, (a) => every(a, isString)) &&
    isString(q.topic) &&
    optional(q.subtopic, isString) &&
    LANG_SET.has(q.lang) &&
    isString(q.title) &&
    q.title.length >= 1 &&
    optional(q.prompt, content) &&
    optional(q.kind, isString) &&
    optional(q.answer, answer) &&
    every(q.followUps, isString) &&
    optional(q.minutes, isPositiveInt) &&
    every(q.levels, (l) => LEVEL_SET.has(l)) &&
    sourceRef(q.source) &&
    every(q.tags, isString) &&
    keysInOrder(q, QUESTION_KEYS)
  );
}
