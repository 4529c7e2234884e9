/**
 * Permanent question ids. Every published id is recorded in content/ids.lock.json with a
 * fingerprint of its source text. Ingestion keeps a question's id when its text is edited, it
 * moves to another topic or page, or its source file is renamed; it never drops or renames a
 * published id on its own (a renamed id keeps the old one as an alias).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { uniqueId } from './ids.ts';
import { Id } from './model.ts';

export const LockEntry = z.object({
  id: Id,
  /** sha256 of the normalised title and prompt, hex, first 16 characters. */
  fingerprint: z.string(),
  title: z.string(),
  source: z.string(),
  number: z.number().int().optional(),
  /** Earlier ids of this question: their links keep working. */
  aliases: z.array(z.string()).default([]),
  /** Set by hand to retire a question on purpose; the id stays reserved forever. */
  retired: z.boolean().optional(),
});
export type LockEntry = z.infer<typeof LockEntry>;

export const IdLock = z.object({
  version: z.literal(1),
  questions: z.array(LockEntry),
});
export type IdLock = z.infer<typeof IdLock>;

export const EMPTY_LOCK: IdLock = { version: 1, questions: [] };

/** What the lock needs to know about a freshly parsed question. */
export interface IdCandidate {
  slug: string;
  title: string;
  /** Title and prompt as plain text. */
  text: string;
  source: string;
  number?: number;
}

/** Lower-case words of a text (letters and digits), for fingerprints and similarity. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The fingerprint of a question's text: insensitive to case, punctuation and spacing. */
export function fingerprint(text: string): string {
  return createHash('sha256').update(words(text).join(' ')).digest('hex').slice(0, 16);
}

/** Dice similarity of two word sets, 0..1. */
export function similarity(a: string, b: string): number {
  return dice(new Set(words(a)), new Set(words(b)));
}

/** Dice similarity of two word sets, 0..1 (see similarity). */
function dice(x: ReadonlySet<string>, y: ReadonlySet<string>): number {
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

const numberKey = (source: string, number: number) => `${source}\u0000${number}`;

/** Indexes (in iteration order) by key; undefined keys are left out. */
function groupBy(indexes: Iterable<number>, key: (i: number) => string | undefined): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const i of indexes) {
    const k = key(i);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  }
  return map;
}

/** A published id that no question claims any more. */
export class DroppedIdError extends Error {
  constructor(public readonly entries: LockEntry[]) {
    super(
      `published question id(s) no longer match any question: ` +
        entries.map((e) => `"${e.id}" (${e.source}${e.number ? ` #${e.number}` : ''}: ${e.title})`).join('; ') +
        `. Restore the question, or retire the id on purpose: \`npm run ids -- retire ${entries.map((e) => e.id).join(' ')}\`` +
        ` (\`npm run ids -- retire --missing\` retires every such id; \`npm run ids -- status\` lists them).`,
    );
    this.name = 'DroppedIdError';
  }
}

export interface Assignment {
  /** ids[i] is the id of candidates[i]. */
  ids: string[];
  /** The updated lock: every entry refreshed, new ids added, sorted by id. */
  lock: IdLock;
  /** How each id was found, for reports and tests. */
  how: ('fingerprint' | 'number' | 'similar-title' | 'new')[];
  /** Published ids no candidate claims (only with `keepDropped`; otherwise they throw). */
  dropped: LockEntry[];
}

export interface AssignOptions {
  /**
   * Keep published ids that no question claims in the lock, as they are, and report them in
   * `dropped` instead of throwing DroppedIdError (`npm run ids -- status`).
   */
  keepDropped?: boolean;
}

const SAME_SOURCE_SIMILARITY = 0.5;
const ANY_SOURCE_SIMILARITY = 0.75;

/**
 * Gives every candidate an id: the id of its lock entry when one matches (same fingerprint;
 * same source and number; a similar title in the same source; a very similar title anywhere),
 * a new unique slug otherwise. Throws DroppedIdError when a published, unretired id is left
 * without a question.
 */
export function assignIds(candidates: IdCandidate[], lock: IdLock, options: AssignOptions = {}): Assignment {
  const entries = lock.questions;
  const free = new Set<number>();
  entries.forEach((e, i) => {
    if (!e.retired) free.add(i);
  });
  const claimed = new Map<number, number>(); // candidate -> entry
  const how: Assignment['how'] = candidates.map(() => 'new');
  const prints = candidates.map((c) => fingerprint(c.text));

  const claim = (ci: number, ei: number, why: Assignment['how'][number]) => {
    claimed.set(ci, ei);
    free.delete(ei);
    how[ci] = why;
  };
  // Each pass goes through the unclaimed candidates in order and gives each the best free
  // entry (ties: the first entry in lock order). Exact matches are looked up in maps; the
  // similarity passes only compare what is left over, via indexes (see below).
  const firstFree = (index: Map<string, number[]>, key: string) => index.get(key)?.find((ei) => free.has(ei));
  const byPrint = groupBy(free, (ei) => entries[ei].fingerprint);
  candidates.forEach((_c, ci) => {
    const ei = firstFree(byPrint, prints[ci]);
    if (ei !== undefined) claim(ci, ei, 'fingerprint');
  });
  const byNumber = groupBy(free, (ei) =>
    entries[ei].number === undefined ? undefined : numberKey(entries[ei].source, entries[ei].number!),
  );
  candidates.forEach((c, ci) => {
    if (claimed.has(ci) || c.number === undefined) return;
    const ei = firstFree(byNumber, numberKey(c.source, c.number));
    if (ei !== undefined) claim(ci, ei, 'number');
  });

  const left = () => candidates.flatMap((_c, ci) => (claimed.has(ci) ? [] : [ci]));
  if (free.size > 0 && claimed.size < candidates.length) {
    const entryWords = new Map([...free].map((ei) => [ei, new Set(words(entries[ei].title))]));
    const titleWords = new Map(left().map((ci) => [ci, new Set(words(candidates[ci].title))]));
    const best = (ci: number, among: Iterable<number>, threshold: number) => {
      let found = -1;
      let bestScore = 0;
      for (const ei of among) {
        if (!free.has(ei)) continue;
        const s = dice(titleWords.get(ci)!, entryWords.get(ei)!);
        if (s >= threshold && (s > bestScore || (s === bestScore && ei < found))) [found, bestScore] = [ei, s];
      }
      return found;
    };
    // A similar title in the same source: only the leftover entries of that source.
    const bySource = groupBy(free, (ei) => entries[ei].source);
    for (const ci of left()) {
      const ei = best(ci, bySource.get(candidates[ci].source) ?? [], SAME_SOURCE_SIMILARITY);
      if (ei >= 0) claim(ci, ei, 'similar-title');
    }
    // A very similar title anywhere: prefix filtering. With words ordered rarest first, two
    // sets with Dice >= t share at least t|x|/(2-t) words, so they share a word among the
    // first |x| - ceil(t|x|/(2-t)) + 1 words of each; only entries indexed under such a word
    // are compared.
    if (free.size > 0) {
      const rest = left();
      const freq = new Map<string, number>();
      for (const ei of free) for (const w of entryWords.get(ei)!) freq.set(w, (freq.get(w) ?? 0) + 1);
      for (const ci of rest) for (const w of titleWords.get(ci)!) freq.set(w, (freq.get(w) ?? 0) + 1);
      const prefix = (set: Set<string>) => {
        const sorted = [...set].sort((a, b) => freq.get(a)! - freq.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
        const t = ANY_SOURCE_SIMILARITY;
        return sorted.slice(0, sorted.length - Math.ceil((t * sorted.length) / (2 - t) - 1e-9) + 1);
      };
      const byWord = new Map<string, number[]>();
      for (const ei of free) {
        for (const w of prefix(entryWords.get(ei)!)) {
          const list = byWord.get(w);
          if (list) list.push(ei);
          else byWord.set(w, [ei]);
        }
      }
      for (const ci of rest) {
        const among = new Set<number>();
        for (const w of prefix(titleWords.get(ci)!)) for (const ei of byWord.get(w) ?? []) among.add(ei);
        const ei = best(ci, among, ANY_SOURCE_SIMILARITY);
        if (ei >= 0) claim(ci, ei, 'similar-title');
      }
    }
  }

  const dropped = [...free].map((ei) => entries[ei]);
  if (dropped.length > 0 && !options.keepDropped) throw new DroppedIdError(dropped);

  const taken = new Set(entries.flatMap((e) => [e.id, ...e.aliases]));
  const ids = candidates.map((c, ci) => {
    const ei = claimed.get(ci);
    return ei === undefined ? uniqueId(c.slug, taken) : entries[ei].id;
  });

  const refreshed: LockEntry[] = candidates.map((c, ci) => {
    const ei = claimed.get(ci);
    const entry: LockEntry = {
      id: ids[ci],
      fingerprint: prints[ci],
      title: c.title,
      source: c.source,
      aliases: ei === undefined ? [] : entries[ei].aliases,
    };
    if (c.number !== undefined) entry.number = c.number;
    return entry;
  });
  const retired = entries.filter((e) => e.retired);
  const questions = [...refreshed, ...retired, ...dropped].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ids, lock: { version: 1, questions }, how, dropped };
}

/** Checks a lock for duplicate ids or aliases; returns the first problem or undefined. */
export function lockProblem(lock: IdLock): string | undefined {
  const seen = new Map<string, string>();
  for (const e of lock.questions) {
    for (const name of [e.id, ...e.aliases]) {
      const owner = seen.get(name);
      if (owner !== undefined) return `id or alias "${name}" is used twice (by "${owner}" and "${e.id}")`;
      seen.set(name, e.id);
    }
  }
  return undefined;
}

/** The lock file's text: stable formatting so unchanged sources give a byte-identical file. */
export function serializeLock(lock: IdLock): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}
