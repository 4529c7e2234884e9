import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatCounts, generateSources } from '../../tools/bench/synthetic.ts';
import { detectFormat, parseSource } from '../../src/ingest/formats/index.ts';
import type { ParseResult } from '../../src/ingest/formats/types.ts';
import { slugForTitle, type SlugRules } from '../../src/ingest/ids.ts';
import type { FormatId } from '../../src/ingest/model.ts';

/** The format each generated file is meant to be in, from the generator's file naming. */
function intended(file: string): FormatId {
  if (file.startsWith('bench-practice-')) return 'practice-page';
  if (file.startsWith('bench-bank-')) return 'question-bank';
  if (file.startsWith('bench-notes-')) return 'qa-notes';
  if (file.startsWith('bench-outline-')) return 'interview-outline';
  throw new Error(`unexpected file name ${file}`);
}

const nodeCount = (result: ParseResult, type: string) =>
  result.items.reduce(
    (n, it) => n + (JSON.stringify(it.answer ?? {}).match(new RegExp(`"type":"${type}"`, 'g'))?.length ?? 0),
    0,
  );

const TOTAL = 3000;
const SEED = 20240611;
const sources = generateSources(TOTAL, SEED);
const parsed = sources.map((s) => ({ ...s, ...parseSource(s.text, s.file) }));

describe('generateSources', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    expect(generateSources(TOTAL, SEED)).toEqual(sources);
    const other = generateSources(TOTAL, SEED + 1);
    expect(other.map((s) => s.file)).toEqual(sources.map((s) => s.file));
    expect(other.map((s) => s.text)).not.toEqual(sources.map((s) => s.text));
  });

  it('splits the total 20/30/30/20 over the formats in files of the target size', () => {
    expect(formatCounts(TOTAL)).toEqual({ practice: 600, bank: 900, notes: 900, outline: 600 });
    const perFormat = new Map<FormatId, number[]>();
    for (const p of parsed) perFormat.set(p.format.id, [...(perFormat.get(p.format.id) ?? []), p.result.items.length]);
    expect(perFormat.get('practice-page')!.reduce((a, b) => a + b)).toBe(600);
    expect(perFormat.get('question-bank')!.reduce((a, b) => a + b)).toBe(900);
    expect(perFormat.get('qa-notes')!.reduce((a, b) => a + b)).toBe(900);
    expect(perFormat.get('interview-outline')!.reduce((a, b) => a + b)).toBe(600);
    expect(Math.max(...perFormat.get('question-bank')!)).toBeLessThanOrEqual(500);
    expect(Math.max(...perFormat.get('interview-outline')!)).toBeLessThanOrEqual(50);
    for (const n of perFormat.get('practice-page')!) expect(n).toBeGreaterThanOrEqual(15);
    for (const n of perFormat.get('qa-notes')!) expect(n).toBeGreaterThanOrEqual(40);
  });

  it('detects every file as its intended format', () => {
    for (const s of sources) expect(detectFormat(s.text, s.file).id, s.file).toBe(intended(s.file));
  });

  it('parses every file cleanly: no unplaced line, no warning', () => {
    for (const p of parsed) {
      const unplaced = p.result.fates.flatMap((f, i) => (f === 'unplaced' ? [i + 1] : []));
      expect(unplaced, p.file).toEqual([]);
      expect(p.result.warnings, p.file).toEqual([]);
    }
  });

  it('yields exactly the requested number of questions', () => {
    expect(parsed.reduce((n, p) => n + p.result.items.length, 0)).toBe(TOTAL);
    for (const total of [0, 1, 2, 3, 4, 5, 7, 10, 37, 99, 501, 1234]) {
      const count = generateSources(total, 3).reduce((n, s) => n + parseSource(s.text, s.file).result.items.length, 0);
      expect(count, `total ${total}`).toBe(total);
    }
  });

  it('covers all four formats and both practice-page variants from 10 questions on', () => {
    const small = generateSources(10, 1).map((s) => parseSource(s.text, s.file));
    expect(new Set(small.map((p) => p.format.id))).toEqual(
      new Set(['practice-page', 'question-bank', 'qa-notes', 'interview-outline']),
    );
    const practice = small.filter((p) => p.format.id === 'practice-page');
    expect(practice.some((p) => p.result.meta.company && p.result.items.every((it) => it.minutes !== undefined))).toBe(
      true,
    );
    expect(practice.some((p) => !p.result.meta.company && p.result.items.every((it) => it.number === undefined))).toBe(
      true,
    );
  });

  it('generates the features of the real sources', () => {
    const of = (id: FormatId) => parsed.filter((p) => p.format.id === id);
    const company = of('practice-page').filter((p) => p.result.meta.company);
    expect(company.length).toBeGreaterThan(0);
    for (const p of company) {
      expect(p.result.meta.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.result.meta.counters?.map((c) => c.label)).toEqual(['Шагов', 'Вопросов', 'Задач']);
    }
    for (const p of of('practice-page')) {
      for (const it of p.result.items)
        expect(Object.keys(it.answer ?? {}).sort()).toEqual(['detailed', 'howToSay', 'mistakes', 'short']);
    }
    const notes = of('qa-notes');
    for (const type of ['code', 'table', 'math', 'inlineMath', 'caution', 'list']) {
      expect(
        notes.reduce((n, p) => n + nodeCount(p.result, type), 0),
        type,
      ).toBeGreaterThan(0);
    }
    for (const p of notes) expect(new Set(p.result.items.map((it) => it.section)).size).toBeGreaterThan(1);
    for (const p of of('interview-outline')) {
      const numbers = new Set(p.result.items.map((it) => it.number));
      expect(p.result.meta.levels?.map((l) => l.level)).toEqual(['junior', 'middle', 'senior']);
      for (const l of p.result.meta.levels!) for (const n of l.numbers) expect(numbers.has(n)).toBe(true);
      for (const it of p.result.items) expect(it.followUps.length).toBeGreaterThanOrEqual(2);
    }
    const titles = parsed.flatMap((p) => p.result.items.map((it) => it.title));
    const cyrillic = titles.filter((t) => /[А-Яа-яЁё]/.test(t)).length;
    expect(cyrillic / titles.length).toBeGreaterThan(0.3);
    expect(cyrillic / titles.length).toBeLessThan(0.9);
  });

  it('makes titles diverse enough that slugs rarely collide', () => {
    const rules = parseYaml(readFileSync(new URL('../../content/slugs.yaml', import.meta.url), 'utf8')) as SlugRules;
    const titles = parsed.flatMap((p) => p.result.items.map((it) => it.title));
    expect(new Set(titles).size).toBe(titles.length);
    const slugs = new Set(titles.map((t) => slugForTitle(t, rules)));
    expect(slugs.size / titles.length).toBeGreaterThan(0.95);
  });
});
