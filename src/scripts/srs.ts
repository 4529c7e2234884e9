/**
 * Practice progress in the browser: FSRS scheduling (ts-fsrs, default parameters) and the
 * progress file format, shared by the practice page, the progress page and the home page.
 *
 * localStorage key `hb-progress` (one per origin, so `/` and `/en/` share it), value
 * {@link Progress}: per question id its FSRS card (dates as ISO strings) and its review history.
 * Plan checkboxes stay in the `hb-plan:<plan id>` keys of plan-progress.ts; an exported file
 * ({@link exportFile}) holds both, and {@link importFile} merges one back: per question the
 * entry with the latest review wins (histories are united), plan checkboxes are united. A file
 * that is not this format and version changes nothing.
 */
import { createEmptyCard, fsrs, type Card, type Grade, type State } from 'ts-fsrs';
import type { QuestionIndexEntry } from '../data/contract.ts';

export const STORE_KEY = 'hb-progress';
export const PLAN_KEY_PREFIX = 'hb-plan:';
export const FORMAT = 'ml-interview-handbook-progress';
export const VERSION = 1;

/** Grades in button order: Again, Hard, Good, Easy (ts-fsrs Rating 1–4). */
export const GRADES = [1, 2, 3, 4] as const satisfies readonly Grade[];
export type GradeValue = (typeof GRADES)[number];

/** A ts-fsrs card with its dates as ISO strings. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string;
}

/** One self-grade: when, which grade, and the due date it set. */
export interface Review {
  at: string;
  grade: GradeValue;
  due: string;
}

export interface Entry {
  card: StoredCard;
  reviews: Review[];
}

export interface Progress {
  format: typeof FORMAT;
  version: typeof VERSION;
  cards: Record<string, Entry>;
}

/** The exported file: the progress plus every plan's checkboxes (`{ <question id>: <ISO date> }`). */
export interface ProgressFile extends Progress {
  exported: string;
  plans: Record<string, Record<string, string>>;
}

/** The scheduler: FSRS-6 with ts-fsrs's defaults (no fuzz, short-term learning steps). */
export const scheduler = fsrs();

const toStored = (card: Card): StoredCard => ({
  due: card.due.toISOString(),
  stability: card.stability,
  difficulty: card.difficulty,
  elapsed_days: card.elapsed_days,
  scheduled_days: card.scheduled_days,
  learning_steps: card.learning_steps,
  reps: card.reps,
  lapses: card.lapses,
  state: card.state,
  ...(card.last_review ? { last_review: card.last_review.toISOString() } : {}),
});

const toCard = (stored: StoredCard): Card => ({
  ...stored,
  state: stored.state as State,
  due: new Date(stored.due),
  last_review: stored.last_review ? new Date(stored.last_review) : undefined,
});

const empty = (): Progress => ({ format: FORMAT, version: VERSION, cards: {} });

/** The stored progress (an empty one when absent or unreadable). */
export function loadProgress(): Progress {
  try {
    const data = JSON.parse(localStorage.getItem(STORE_KEY) ?? 'null');
    return isProgress(data) ? data : empty();
  } catch {
    return empty();
  }
}

export function saveProgress(progress: Progress): void {
  localStorage.setItem(STORE_KEY, JSON.stringify(progress));
}

/** The card of a question (a new one when it was never graded). */
export function cardOf(progress: Progress, id: string, now = new Date()): Card {
  const entry = progress.cards[id];
  return entry ? toCard(entry.card) : createEmptyCard(now);
}

/** What each grade would schedule now: the due date per grade. */
export function preview(progress: Progress, id: string, now = new Date()): Record<GradeValue, Date> {
  const card = cardOf(progress, id, now);
  return Object.fromEntries(GRADES.map((g) => [g, scheduler.next(card, now, g).card.due])) as Record<GradeValue, Date>;
}

/** Grade a question: updates its card, appends the review, saves. Returns the new due date. */
export function grade(id: string, value: GradeValue, now = new Date()): Date {
  const progress = loadProgress();
  const card = cardOf(progress, id, now);
  const next = scheduler.next(card, now, value).card;
  const entry = progress.cards[id] ?? { card: toStored(next), reviews: [] };
  entry.card = toStored(next);
  entry.reviews.push({ at: now.toISOString(), grade: value, due: entry.card.due });
  progress.cards[id] = entry;
  saveProgress(progress);
  return next.due;
}

/** End of the local day of `now`: a card due before it is due today. */
export function endOfToday(now = new Date()): Date {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}

/** Is the question due today (graded before, due by the end of today)? */
export function isDue(progress: Progress, id: string, now = new Date()): boolean {
  const entry = progress.cards[id];
  return entry !== undefined && new Date(entry.card.due) <= endOfToday(now);
}

/** Ids of the questions due today among `ids` (in their order). */
export function dueIds(progress: Progress, ids: readonly string[], now = new Date()): string[] {
  return ids.filter((id) => isDue(progress, id, now));
}

/** Due date of a question, or undefined when never graded. */
export function dueDate(progress: Progress, id: string): Date | undefined {
  const entry = progress.cards[id];
  return entry ? new Date(entry.card.due) : undefined;
}

/* ---------- plans ---------- */

function loadPlans(): Record<string, Record<string, string>> {
  const plans: Record<string, Record<string, string>> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PLAN_KEY_PREFIX)) continue;
    try {
      const done = JSON.parse(localStorage.getItem(key) ?? '{}')?.done;
      if (isStringRecord(done)) plans[key.slice(PLAN_KEY_PREFIX.length)] = done;
    } catch {
      // an unreadable plan key is left alone
    }
  }
  return plans;
}

/* ---------- file ---------- */

/** The export file of everything stored (progress and plan checkboxes). */
export function exportFile(now = new Date()): ProgressFile {
  return { ...loadProgress(), exported: now.toISOString(), plans: loadPlans() };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isDate = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isStringRecord = (value: unknown): value is Record<string, string> =>
  isObject(value) && Object.values(value).every(isDate);

function isStoredCard(value: unknown): value is StoredCard {
  if (!isObject(value) || !isDate(value.due)) return false;
  if (value.last_review !== undefined && !isDate(value.last_review)) return false;
  return [
    'stability',
    'difficulty',
    'elapsed_days',
    'scheduled_days',
    'learning_steps',
    'reps',
    'lapses',
    'state',
  ].every((key) => typeof value[key] === 'number' && Number.isFinite(value[key]));
}

function isEntry(value: unknown): value is Entry {
  return (
    isObject(value) &&
    isStoredCard(value.card) &&
    Array.isArray(value.reviews) &&
    value.reviews.every(
      (r: unknown) => isObject(r) && isDate(r.at) && isDate(r.due) && GRADES.includes(r.grade as GradeValue),
    )
  );
}

function isProgress(value: unknown): value is Progress {
  return (
    isObject(value) &&
    value.format === FORMAT &&
    value.version === VERSION &&
    isObject(value.cards) &&
    Object.values(value.cards).every(isEntry)
  );
}

/** Why a file is refused: not JSON, another tool's file, another version, or damaged. */
export type ImportError = 'json' | 'format' | 'version' | 'damaged';

/** Check a parsed file; `undefined` means it can be imported. */
export function checkFile(data: unknown): ImportError | undefined {
  if (!isObject(data) || data.format !== FORMAT) return 'format';
  if (data.version !== VERSION) return 'version';
  if (
    !isProgress(data) ||
    (data.plans !== undefined && !(isObject(data.plans) && Object.values(data.plans).every(isStringRecord)))
  )
    return 'damaged';
  return undefined;
}

const lastReview = (entry: Entry): number =>
  Math.max(Date.parse(entry.card.last_review ?? '') || 0, ...entry.reviews.map((r) => Date.parse(r.at)));

/** Merge two progress records: per question the entry reviewed last wins; histories are united. */
export function mergeProgress(local: Progress, incoming: Progress): Progress {
  const cards: Record<string, Entry> = { ...local.cards };
  for (const [id, theirs] of Object.entries(incoming.cards)) {
    const ours = cards[id];
    if (!ours) {
      cards[id] = theirs;
      continue;
    }
    const winner = lastReview(theirs) > lastReview(ours) ? theirs : ours;
    const seen = new Map<string, Review>();
    for (const review of [...ours.reviews, ...theirs.reviews]) seen.set(`${review.at}|${review.grade}`, review);
    const reviews = [...seen.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    cards[id] = { card: winner.card, reviews };
  }
  return { format: FORMAT, version: VERSION, cards };
}

/**
 * Import a file's text: merged into the stored progress and plan checkboxes. Returns the number
 * of questions in the file, or the reason it was refused (then nothing is changed).
 */
export function importFile(text: string): { ok: true; questions: number } | { ok: false; error: ImportError } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'json' };
  }
  const error = checkFile(data);
  if (error) return { ok: false, error };
  const file = data as ProgressFile;
  saveProgress(mergeProgress(loadProgress(), file));
  const plans = loadPlans();
  for (const [plan, done] of Object.entries(file.plans ?? {})) {
    const merged = { ...(plans[plan] ?? {}) };
    for (const [id, when] of Object.entries(done)) if (!merged[id] || merged[id] < when) merged[id] = when;
    localStorage.setItem(PLAN_KEY_PREFIX + plan, JSON.stringify({ version: 1, done: merged }));
  }
  return { ok: true, questions: Object.keys(file.cards).length };
}

/** Download a file of the current progress. */
export function downloadExport(now = new Date()): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(exportFile(now), null, 2)], { type: 'application/json' }));
  link.download = `ml-interview-progress-${now.toISOString().slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/* ---------- page data ---------- */

/** What the pages embed for the scripts (`<script type="application/json" data-hb-practice>`). */
export interface PageData {
  lang: 'ru' | 'en';
  prefix: string;
  strings: Record<string, string>;
  topics: { id: string; name: string }[];
  plans: { id: string; title: string; ids: string[] }[];
}

export function readPageData(): PageData | undefined {
  const el = document.querySelector('script[data-hb-practice]');
  return el ? (JSON.parse(el.textContent ?? '{}') as PageData) : undefined;
}

/** A page string with `{name}` placeholders filled. */
export function fill(template: string | undefined, vars: Record<string, string | number> = {}): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** The fields of the question index entries (/questions.json) the scripts need. */
export type IndexEntry = Pick<QuestionIndexEntry, 'id' | 'topic' | 'title' | 'url' | 'hasAnswer' | 'aliases'>;

/** Current question id of every earlier id (alias) in the index. */
export function aliasMap(index: readonly IndexEntry[]): Map<string, string> {
  return new Map(index.flatMap((q) => (q.aliases ?? []).map((alias) => [alias, q.id] as const)));
}

/**
 * Progress stored under an earlier id of a question moves to its current id (merged by the
 * latest review); saved when anything moved. Returns the progress.
 */
export function resolveAliases(progress: Progress, index: readonly IndexEntry[]): Progress {
  const aliases = aliasMap(index);
  let moved = false;
  for (const [id, entry] of Object.entries(progress.cards)) {
    const current = aliases.get(id);
    if (!current || current === id) continue;
    const merged = mergeProgress(progress, { format: FORMAT, version: VERSION, cards: { [current]: entry } });
    delete merged.cards[id];
    progress.cards = merged.cards;
    moved = true;
  }
  if (moved) saveProgress(progress);
  return progress;
}

export async function loadIndex(): Promise<IndexEntry[]> {
  const response = await fetch('/questions.json');
  if (!response.ok) throw new Error(`questions.json: ${response.status}`);
  return (await response.json()) as IndexEntry[];
}
