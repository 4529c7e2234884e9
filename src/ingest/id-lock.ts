/**
 * Permanent question ids. Every published id is recorded in content/ids.lock.json with a
 * fingerprint of its source text. Ingestion keeps a question's id when its text is edited, it
 * moves to another topic or page, or its source file is renamed; it never drops or renames a
 * published id on its own (a renamed id keeps the old one as an alias).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { uniqueId } from './ids.ts';

export const LockEntry = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
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
  const x = new Set(words(a));
  const y = new Set(words(b));
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return (2 * shared) / (x.size + y.size);
}

/** A published id that no question claims any more. */
export class DroppedIdError extends Error {
  constructor(public readonly entries: LockEntry[]) {
    super(
      `published question id(s) no longer match any question: ` +
        entries.map((e) => `"${e.id}" (${e.source}${e.number ? ` #${e.number}` : ''}: ${e.title})`).join('; ') +
        `. Restore the question, or retire the id on purpose by setting "retired": true on its entry in content/ids.lock.json.`,
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
}

const SAME_SOURCE_SIMILARITY = 0.5;
const ANY_SOURCE_SIMILARITY = 0.75;

/**
 * Gives every candidate an id: the id of its lock entry when one matches (same fingerprint;
 * same source and number; a similar title in the same source; a very similar title anywhere),
 * a new unique slug otherwise. Throws DroppedIdError when a published, unretired id is left
 * without a question.
 */
export function assignIds(candidates: IdCandidate[], lock: IdLock): Assignment {
  const entries = lock.questions;
  const freeIndex = entries.map((e, i) => (e.retired ? -1 : i)).filter((i) => i >= 0);
  const free = new Set(freeIndex);
  const claimed = new Map<number, number>(); // candidate -> entry
  const how: Assignment['how'] = candidates.map(() => 'new');
  const prints = candidates.map((c) => fingerprint(c.text));

  const claim = (ci: number, ei: number, why: Assignment['how'][number]) => {
    claimed.set(ci, ei);
    free.delete(ei);
    how[ci] = why;
  };
  const pass = (why: Assignment['how'][number], match: (c: IdCandidate, ci: number, e: LockEntry) => number) => {
    candidates.forEach((c, ci) => {
      if (claimed.has(ci)) return;
      let best = -1;
      let bestScore = 0;
      for (const ei of freeIndex) {
        if (!free.has(ei)) continue;
        const score = match(c, ci, entries[ei]);
        if (score > bestScore) [best, bestScore] = [ei, score];
      }
      if (best >= 0) claim(ci, best, why);
    });
  };

  pass('fingerprint', (_c, ci, e) => (e.fingerprint === prints[ci] ? 1 : 0));
  pass('number', (c, _ci, e) => (c.number !== undefined && e.source === c.source && e.number === c.number ? 1 : 0));
  pass('similar-title', (c, _ci, e) => {
    const s = similarity(c.title, e.title);
    return e.source === c.source && s >= SAME_SOURCE_SIMILARITY ? s : 0;
  });
  pass('similar-title', (c, _ci, e) => {
    const s = similarity(c.title, e.title);
    return s >= ANY_SOURCE_SIMILARITY ? s : 0;
  });

  const dropped = [...free].map((ei) => entries[ei]);
  if (dropped.length > 0) throw new DroppedIdError(dropped);

  const taken = new Set(entries.flatMap((e) => [e.id, ...e.aliases]));
  const ids = candidates.map((c, ci) => {
    const ei = claimed.get(ci);
    return ei === undefined ? uniqueId(c.slug, taken) : entries[ei].id;
  });

  const refreshed: LockEntry[] = candidates.map((c, ci) => {
    const ei = claimed.get(ci);
    const entry: LockEntry = { id: ids[ci], fingerprint: prints[ci], title: c.title, source: c.source, aliases: ei === undefined ? [] : entries[ei].aliases };
    if (c.number !== undefined) entry.number = c.number;
    return entry;
  });
  const retired = entries.filter((e) => e.retired);
  const questions = [...refreshed, ...retired].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ids, lock: { version: 1, questions }, how };
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
