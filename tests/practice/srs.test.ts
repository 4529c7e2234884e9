/**
 * The progress file of the practice view (src/scripts/srs.ts) without a browser: which files
 * are refused and why, and the merge by the latest review per question.
 */
import { describe, expect, it } from 'vitest';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import {
  FORMAT,
  STORE_KEY,
  VERSION,
  checkFile,
  loadProgress,
  mergeProgress,
  resolveAliases,
  type Entry,
  type Progress,
} from '../../src/scripts/srs.ts';

/** An entry graded `grades` one day apart from `start`. */
function entry(start: string, grades: (1 | 2 | 3 | 4)[]): Entry {
  const scheduler = fsrs();
  let card = createEmptyCard(new Date(start));
  const reviews: Entry['reviews'] = [];
  grades.forEach((grade, i) => {
    const at = new Date(Date.parse(start) + i * 86_400_000);
    card = scheduler.next(card, at, grade).card;
    reviews.push({ at: at.toISOString(), grade, due: card.due.toISOString() });
  });
  return {
    card: {
      ...card,
      due: card.due.toISOString(),
      state: card.state,
      last_review: card.last_review?.toISOString(),
    },
    reviews,
  };
}

const progress = (cards: Record<string, Entry>): Progress => ({ format: FORMAT, version: VERSION, cards });

describe('checkFile', () => {
  const good = { ...progress({ a: entry('2026-01-01T10:00:00Z', [Rating.Good]) }), exported: '', plans: {} };

  it('accepts a file of this format and version', () => {
    expect(checkFile(JSON.parse(JSON.stringify(good)))).toBeUndefined();
  });

  it('refuses another tool, another version, and damaged contents', () => {
    expect(checkFile(null)).toBe('format');
    expect(checkFile([])).toBe('format');
    expect(checkFile({ format: 'hb-plan-progress', version: 1, done: {} })).toBe('format');
    expect(checkFile({ ...good, version: 2 })).toBe('version');
    expect(checkFile({ ...good, version: '1' })).toBe('version');
    expect(checkFile({ ...good, cards: { a: { card: {}, reviews: [] } } })).toBe('damaged');
    expect(checkFile({ ...good, cards: { a: { ...good.cards.a, reviews: [{ at: 'x', grade: 3, due: 'y' }] } } })).toBe(
      'damaged',
    );
    expect(
      checkFile({ ...good, cards: { a: { ...good.cards.a, reviews: [{ ...good.cards.a.reviews[0], grade: 5 }] } } }),
    ).toBe('damaged');
    expect(checkFile({ ...good, plans: { junior: { q: 'not a date' } } })).toBe('damaged');
  });
});

describe('mergeProgress', () => {
  it('keeps per question the entry reviewed last and unites the histories', () => {
    const early = entry('2026-01-01T10:00:00Z', [Rating.Good]);
    const late = entry('2026-01-01T10:00:00Z', [Rating.Good, Rating.Again]);
    const other = entry('2026-02-01T10:00:00Z', [Rating.Easy]);
    const merged = mergeProgress(progress({ a: late, b: other }), progress({ a: early, c: early }));
    expect(merged.cards.a.card).toEqual(late.card);
    expect(merged.cards.a.reviews).toEqual(late.reviews);
    expect(merged.cards.b).toEqual(other);
    expect(merged.cards.c).toEqual(early);
    // Either way round.
    expect(mergeProgress(progress({ a: early }), progress({ a: late })).cards.a.card).toEqual(late.card);
    // Two devices with different reviews of one question: all reviews kept, in time order.
    const device = entry('2026-03-01T10:00:00Z', [Rating.Hard]);
    const both = mergeProgress(progress({ a: late }), progress({ a: device }));
    expect(both.cards.a.card).toEqual(device.card);
    expect(both.cards.a.reviews.map((r) => r.at)).toEqual([...late.reviews, ...device.reviews].map((r) => r.at));
  });
});

describe('resolveAliases', () => {
  it('moves progress stored under an earlier id to the current id and saves it', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
    };
    const global = globalThis as unknown as { localStorage?: unknown };
    const saved = global.localStorage;
    global.localStorage = storage;
    try {
      const old = entry('2026-01-01T10:00:00Z', [Rating.Good]);
      const current = entry('2026-01-05T10:00:00Z', [Rating.Hard]);
      const index = [{ id: 'new-id', topic: 't', title: {}, url: {}, hasAnswer: true, aliases: ['old-id'] }];
      const moved = resolveAliases(progress({ 'old-id': old, 'new-id': current, other: old }), index);
      expect(Object.keys(moved.cards).sort()).toEqual(['new-id', 'other']);
      expect(moved.cards['new-id'].card).toEqual(current.card);
      expect(moved.cards['new-id'].reviews).toHaveLength(2);
      expect(JSON.parse(store.get(STORE_KEY)!)).toEqual(moved);
      expect(loadProgress()).toEqual(moved);
    } finally {
      global.localStorage = saved;
    }
  });
});
