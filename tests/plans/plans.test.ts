/**
 * Prep plans (src/ingest/plans.ts, content/plans/*.yaml): validation with file and line, the
 * built-in Junior plan equals the outline's level table, the mock plan fits its budget, and the
 * plan pages are rendered in both languages (seed build).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadPlan } from '../../src/ingest/plans.ts';
import { loadSeedHandbook } from '../helpers/seed-handbook.ts';

const handbook = loadSeedHandbook();
const plan = (text: string, file = 'content/plans/x.yaml') =>
  loadPlan({ file, text }, handbook.questions, ['retired-one']);
const OUTLINE = 'deep-learning-interview-outline-backend.txt';
const base = `title: { ru: П, en: P }\ndescription: { ru: О, en: D }\n`;

describe('plan validation', () => {
  it('refuses the ids of the mock-interview and custom plan pages', () => {
    const text = `${base}sections:\n  - title: { ru: A, en: A }\n    questions: [dropout]\n`;
    expect(() => plan(text, 'content/plans/custom.yaml')).toThrow(
      'content/plans/custom.yaml:1: plan id "custom" is taken by the page /plans/custom/',
    );
    expect(() => plan(text, 'content/plans/mock.yaml')).toThrow('plan id "mock" is taken');
  });

  it('names file and line of an unknown or retired id', () => {
    const text = `${base}sections:\n  - title: { ru: A, en: A }\n    questions:\n      - dropout\n      - foo\n`;
    expect(() => plan(text)).toThrow('content/plans/x.yaml:7: unknown question id "foo"');
    expect(() => plan(text.replace('foo', 'retired-one'))).toThrow(
      'content/plans/x.yaml:7: question id "retired-one" was retired',
    );
  });

  it('rejects bad selectors, duplicates, budgets and shapes with their line', () => {
    const section = (body: string) => `${base}sections:\n  - title: { ru: A, en: A }\n${body}`;
    expect(() => plan(section('    from: { source: nope.txt }\n'))).toThrow(
      'content/plans/x.yaml:5: unknown source file "nope.txt"',
    );
    expect(() => plan(section('    from: { topic: nope }\n'))).toThrow('content/plans/x.yaml:5: unknown topic "nope"');
    expect(() => plan(section(`    from: { source: ${OUTLINE}, withMinutes: true }\n`))).toThrow(
      'content/plans/x.yaml:5: the selector matches no question',
    );
    expect(() => plan(section('    from: { level: expert }\n'))).toThrow(/content\/plans\/x\.yaml:5: .*level/);
    expect(() => plan(section('    questions: [dropout, dropout]\n'))).toThrow(
      'content/plans/x.yaml:5: question "dropout" is already in section 1',
    );
    expect(() => plan(section('    questions: [dropout]\n    from: { level: junior }\n'))).toThrow(
      'content/plans/x.yaml:4: a section needs either',
    );
    expect(() => plan(`minutes: 20\n${section('    from: { withMinutes: true }\n')}`)).toThrow(
      "content/plans/x.yaml:1: the plan's questions take 45 minutes, over its budget of 20",
    );
    expect(() => plan(`${base}sections: []\n`)).toThrow('content/plans/x.yaml:3:');
    expect(() => plan(`${section('    questions: [dropout]\n')}colour: red\n`)).toThrow('content/plans/x.yaml:1:');
    expect(() => plan(section('    questions: [dropout]\n'), 'content/plans/My Plan.yaml')).toThrow(
      'content/plans/My Plan.yaml:1:',
    );
  });

  it('accepts aliases and resolves them to current ids', () => {
    const aliased = handbook.questions.map((q) => (q.id === 'dropout' ? { ...q, aliases: ['old-dropout'] } : q));
    const p = loadPlan(
      {
        file: 'content/plans/a.yaml',
        text: `${base}sections:\n  - title: { ru: A, en: A }\n    questions: [old-dropout]\n`,
      },
      aliased,
    );
    expect(p.sections[0].items).toEqual([{ id: 'dropout', followUps: false }]);
  });
});

describe('built-in plans', () => {
  const plans = new Map(handbook.plans!.map((p) => [p.id, p]));
  const byId = new Map(handbook.questions.map((q) => [q.id, q]));

  it('Junior, Middle and Senior follow the outline level table, with follow-ups', () => {
    const numbers = (id: string) =>
      plans.get(id)!.sections.flatMap((s) => s.items.map((i) => byId.get(i.id)!.source.number));
    const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
    expect(numbers('junior')).toEqual([...range(1, 12), 23, 24, 25, 46, 47]);
    expect(numbers('middle')).toEqual([...range(1, 25), ...range(46, 50)]);
    expect(numbers('senior')).toEqual(range(1, 50));
    for (const id of ['junior', 'middle', 'senior']) {
      for (const item of plans.get(id)!.sections.flatMap((s) => s.items)) {
        expect(byId.get(item.id)!.source.file).toBe(OUTLINE);
        expect(item.followUps).toBe(true);
      }
    }
  });

  it('timed mock plans stay within their budget', () => {
    const mocks = handbook.plans!.filter((p) => p.minutes !== undefined);
    expect(mocks.map((p) => p.id)).toContain('mock-45');
    for (const mock of mocks) {
      const minutes = mock.sections.flatMap((s) => s.items).reduce((n, i) => n + (byId.get(i.id)!.minutes ?? 0), 0);
      expect(minutes).toBe(mock.totalMinutes);
      expect(minutes).toBeLessThanOrEqual(mock.minutes!);
      expect(minutes).toBeGreaterThan(0);
    }
    expect(plans.get('mock-45')!.totalMinutes).toBe(45);
  });
});

describe('plan pages (seed build)', () => {
  it('renders the plan list and every plan in both languages', () => {
    const { dist } = inject('seedSite');
    const html = (path: string) => readFileSync(join(dist, path), 'utf8');
    expect(html('plans/index.html')).toMatch(/<html lang="ru"/);
    expect(html('en/plans/index.html')).toMatch(/<html lang="en"/);
    for (const p of handbook.plans!) {
      const count = p.sections.reduce((n, s) => n + s.items.length, 0);
      for (const [path, lang] of [
        [`plans/${p.id}/index.html`, 'ru'],
        [`en/plans/${p.id}/index.html`, 'en'],
      ] as const) {
        expect(existsSync(join(dist, path)), path).toBe(true);
        const page = html(path);
        expect(page).toMatch(new RegExp(`<html lang="${lang}"`));
        expect(page).toContain(`data-plan="${p.id}"`);
        expect(page).toContain(p.title[lang]);
        expect(page.match(/data-plan-check="/g)?.length).toBe(count);
        for (const item of p.sections.flatMap((s) => s.items)) {
          expect(page).toContain(`href="${lang === 'en' ? '/en' : ''}/q/${item.id}/"`);
        }
        for (const hook of ['data-plan-export', 'data-plan-import', 'data-plan-reset', 'data-plan-progress'])
          expect(page).toContain(hook);
      }
    }
    // Follow-ups shown for the outline plans, in the edition's language.
    expect(html('plans/junior/index.html')).toContain('Как математически записать выход нейрона?');
    expect(html('en/plans/junior/index.html')).toContain('Why is a bias needed, and what happens without it?');
  });
});
