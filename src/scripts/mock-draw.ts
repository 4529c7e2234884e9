/**
 * The reproducible draw of the mock-interview page: the same pool, level, minutes and seed
 * always give the same questions (the URL `?level=middle&minutes=45&seed=…` shares a draw).
 *
 * The pool (questions of the level, else every question) is shuffled with a PRNG seeded by the
 * seed's FNV-1a hash (mulberry32), then questions are taken in that order while their minutes
 * still fit into the budget.
 */
import { mulberry32 } from './random.ts';
export interface DrawEntry {
  id: string;
  levels: string[];
  minutes: number;
}

export interface DrawOptions {
  level?: string;
  minutes: number;
  seed: string;
}

/** FNV-1a hash of a string (32 bits). */
export function seedHash(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The questions of one draw, in interview order. */
export function drawQuestions<T extends DrawEntry>(pool: readonly T[], options: DrawOptions): T[] {
  const candidates = pool.filter((q) => !options.level || q.levels.includes(options.level));
  const random = mulberry32(seedHash(options.seed));
  const shuffled = [...candidates];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  let left = options.minutes;
  return shuffled.filter((q) => {
    if (q.minutes > left) return false;
    left -= q.minutes;
    return true;
  });
}

/** A fresh random seed for a new draw (short, URL-safe). */
export function newSeed(): string {
  return Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, '0');
}
