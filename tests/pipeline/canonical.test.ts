/**
 * The fast question check (src/ingest/canonical.ts) accepts only what the zod Question schema
 * accepts, and only questions zod would return unchanged (same keys, same order, same values):
 * on every item the parsers make of the shipped sources, the fixtures and synthetic sources, and on mutations of
 * them that zod rejects or rewrites.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCanonicalQuestion } from '../../src/ingest/canonical.ts';
import { detectFormat } from '../../src/ingest/formats/index.ts';
import type { RawItem } from '../../src/ingest/formats/types.ts';
import { Question } from '../../src/ingest/model.ts';
import { generateSources } from '../../tools/bench/synthetic.ts';
import { questionFromItem } from '../../src/ingest/pipeline.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** A question built from a parsed item as the pipeline builds it. */
function question(item: RawItem, file: string): Record<string, unknown> {
  return {
    ...questionFromItem(item, {
      id: 'q-1',
      topic: 'fundamentals',
      subtopic: item.section,
      levels: [],
      file,
      format: 'qa-notes',
      meta: {},
    }),
  };
}

/** Same keys in the same order and the same values, recursively (undefined values included). */
function sameShape(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameShape((a as never)[k], (b as never)[k]));
}

function items(): { item: RawItem; file: string }[] {
  const texts: { file: string; text: string }[] = generateSources(400, 7).map((s) => ({ file: s.file, text: s.text }));
  const SOURCES = join(import.meta.dirname, '..', '..', 'content', 'sources');
  for (const name of readdirSync(SOURCES)) texts.push({ file: name, text: readFileSync(join(SOURCES, name), 'utf8') });
  for (const dir of ['practice-page', 'question-bank', 'qa-notes', 'interview-outline', 'native-markdown']) {
    for (const name of readdirSync(join(FIXTURES, dir))) {
      texts.push({ file: name, text: readFileSync(join(FIXTURES, dir, name), 'utf8') });
    }
  }
  const out: { item: RawItem; file: string }[] = [];
  for (const { file, text } of texts) {
    try {
      for (const item of detectFormat(text, file).parse(text).items) out.push({ item, file });
    } catch {
      // fixtures of broken input
    }
  }
  return out;
}

/** Whether the check's answer agrees with zod: accepted => zod accepts and returns the same shape. */
function agrees(q: unknown): boolean {
  if (!isCanonicalQuestion(q)) return true;
  const checked = Question.safeParse(q);
  return checked.success && sameShape(checked.data, q);
}

describe('isCanonicalQuestion', () => {
  const all = items();

  it('accepts the questions the parsers make, exactly as zod returns them', () => {
    expect(all.length).toBeGreaterThan(300);
    let accepted = 0;
    for (const { item, file } of all) {
      const q = question(item, file);
      expect(agrees(q), item.title).toBe(true);
      if (isCanonicalQuestion(q)) accepted++;
    }
    expect(accepted).toBe(all.length);
  });

  it('rejects what zod rejects or rewrites', () => {
    const base = question(all.find(({ item }) => item.answer?.detailed && item.prompt)?.item ?? all[0].item, 'f.txt');
    const tree = (c: unknown) => JSON.parse(JSON.stringify(c));
    const mutations: ((q: Record<string, unknown>) => void)[] = [
      (q) => (q.id = 'Bad Id'),
      (q) => (q.title = ''),
      (q) => (q.minutes = 1.5),
      (q) => (q.minutes = Number.NaN),
      (q) => (q.lang = 'de'),
      (q) => (q.levels = ['expert']),
      (q) => (q.extra = 1),
      (q) => (q.followUps = [1]),
      (q) => delete q.tags,
      (q) => (q.source = { ...(q.source as object), lines: [1, 2, 3] }),
      (q) => (q.source = { ...(q.source as object), lines: [0, 2] }),
      (q) => (q.source = { format: 'qa-notes', file: 'f', lines: [1, 2] }),
      (q) =>
        (q.answer = {
          detailed: (q.answer as Record<string, unknown>).detailed,
          short: (q.answer as Record<string, unknown>).detailed,
        }),
      (q) =>
        (q.prompt = {
          type: 'root',
          children: [{ type: 'paragraph', children: [{ type: 'text', value: 'x', position: {} }] }],
        }),
      (q) => (q.prompt = { type: 'root', children: [{ type: 'heading', children: [] }] }),
      (q) => (q.prompt = { type: 'root', children: [{ type: 'table', children: [] }] }),
      (q) => (q.prompt = { type: 'root', children: [{ type: 'code', value: 'x', lang: 'py' }] }),
      (q) => (q.prompt = { type: 'root', children: [{ type: 'list', ordered: true, start: 1.5, children: [] }] }),
      (q) => (q.prompt = Object.assign(Object.create(null), tree(q.prompt))),
    ];
    for (const mutate of mutations) {
      const q = tree({ ...base, aliases: [] }) as Record<string, unknown>;
      mutate(q);
      expect(isCanonicalQuestion(q), mutate.toString()).toBe(false);
      expect(agrees(q)).toBe(true);
    }
    // Accepted variants: optional keys present but undefined, nulls where the schema allows them.
    const ok = tree(base) as Record<string, unknown>;
    ok.prompt = {
      type: 'root',
      children: [
        { type: 'code', lang: null, value: 'x' },
        { type: 'list', ordered: false, start: null, spread: false, children: [] },
      ],
    };
    ok.kind = undefined;
    expect(isCanonicalQuestion(ok)).toBe(true);
    expect(agrees(ok)).toBe(true);
  });
});
