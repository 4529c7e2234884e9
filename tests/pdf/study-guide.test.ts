/**
 * The PDF study guide (tools/pdf/): rendered from the seed build (tests/global-setup.ts) with the
 * system Chromium. Four renders: the Russian edition (reference), the English edition in
 * self-test mode, one topic, and a prep plan from a fixture. A missing Chromium or poppler is a
 * failure (with the install message), never a skip.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { generateStudyGuidePdf, type StudyGuidePdfResult } from '../../tools/pdf/generate.ts';
import { findPlan } from '../../tools/pdf/plans.ts';
import type { Lang } from '../../src/ingest/model.ts';
import { dests, fonts, normalize, outline, pageCount, pageTexts } from './pdf-tools.ts';

const { dist, dir } = inject('seedSite');
const out = mkdtempSync(join(tmpdir(), 'handbook-pdf-test-'));

interface Entry {
  id: string;
  topic: string;
  title: string | Partial<Record<Lang, string>>;
  hasAnswer: boolean;
}
const index: Entry[] = JSON.parse(readFileSync(join(dist, 'questions.json'), 'utf8'));
const titleOf = (e: Entry, lang: Lang): string =>
  typeof e.title === 'string' ? e.title : (e.title[lang] ?? Object.values(e.title)[0]!);
const cards: Record<Lang, { id: string; backText: string }[]> = JSON.parse(
  readFileSync(join(dir, 'src/content/docs/_data/flashcards.json'), 'utf8'),
);

const topic = index.at(-1)!.topic;
const planFile = join(out, 'plans.json');
const planIds = [index.at(-1)!.id, index[0].id, index[Math.floor(index.length / 2)].id];
writeFileSync(
  planFile,
  JSON.stringify([
    {
      id: 'fixture-plan',
      title: { ru: 'Тестовый план', en: 'Fixture plan' },
      sections: [
        { title: { ru: 'Разминка', en: 'Warm-up' }, items: [{ id: planIds[0] }] },
        { title: { ru: 'Основное', en: 'Main part' }, items: [{ id: planIds[1] }, { id: planIds[2] }] },
      ],
    },
  ]),
);

const pdf = {
  ru: join(out, 'study-guide.ru.pdf'),
  enSelfTest: join(out, 'study-guide.en.self-test.pdf'),
  topic: join(out, 'study-guide.ru.topic.pdf'),
  plan: join(out, 'study-guide.ru.plan.pdf'),
};
const results: Record<keyof typeof pdf, StudyGuidePdfResult> = {} as never;

beforeAll(async () => {
  results.ru = await generateStudyGuidePdf({ dist, lang: 'ru', out: pdf.ru });
  results.enSelfTest = await generateStudyGuidePdf({ dist, lang: 'en', out: pdf.enSelfTest, mode: 'self-test' });
  results.topic = await generateStudyGuidePdf({ dist, lang: 'ru', out: pdf.topic, topics: [topic] });
  results.plan = await generateStudyGuidePdf({
    dist,
    lang: 'ru',
    out: pdf.plan,
    plan: findPlan('fixture-plan', [planFile]),
  });
}, 300_000);

/** Occurrences of `needle` in `haystack`. */
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe.each([
  ['ru', 'ru'],
  ['enSelfTest', 'en'],
] as const)('%s edition', (key, lang) => {
  it('holds every question title of the edition twice: in the contents and as a heading', () => {
    const text = normalize(pageTexts(pdf[key]).join('\n'));
    const missing = index
      .filter((e) => count(text, normalize(titleOf(e, lang))) < 2)
      .map((e) => `${e.id}: ${titleOf(e, lang)}`);
    expect(missing).toEqual([]);
    expect(results[key].questions).toHaveLength(index.length);
  });

  it('embeds every font (Cyrillic text and KaTeX math)', () => {
    const list = fonts(pdf[key]);
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((f) => !f.embedded)).toEqual([]);
    expect(list.some((f) => f.name.includes('KaTeX'))).toBe(true);
  });

  it('has bookmarks for every topic and question', () => {
    const { count: total, titles } = outline(pdf[key]);
    expect(total).toBeGreaterThanOrEqual(index.length + new Set(index.map((e) => e.topic)).size);
    const bookmarks = new Set(titles.map(normalize));
    expect(index.filter((e) => !bookmarks.has(normalize(titleOf(e, lang)))).map((e) => e.id)).toEqual([]);
  });

  it('numbers every page in the footer', () => {
    const pages = pageTexts(pdf[key], true);
    expect(pages).toHaveLength(pageCount(pdf[key]));
    pages.forEach((text, i) =>
      expect(text, `page ${i + 1}`).toMatch(new RegExp(`(^|\\s)${i + 1} / ${pages.length}\\s*$`)),
    );
  });

  it('fills the contents with the page each question starts on, linked inside the PDF', () => {
    const where = dests(pdf[key]);
    const pages = pageTexts(pdf[key], true);
    for (const e of [index[0], index[Math.floor(index.length / 2)], index.at(-1)!]) {
      const page = where.get(e.id);
      expect(page, e.id).toBeGreaterThan(2);
      expect(normalize(pages[page! - 1])).toContain(normalize(titleOf(e, lang)));
      // The contents line of the question ends with that page number.
      const toc = normalize(pages.slice(0, page! - 1).join('\n'));
      expect(toc).toMatch(
        new RegExp(`${normalize(titleOf(e, lang)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ .…_]*${page}\\b`),
      );
    }
  });
});

describe('cover', () => {
  it('names the edition, the build date and the sources', () => {
    const [cover] = pageTexts(pdf.ru);
    expect(cover).toContain('Русское издание');
    expect(cover).toMatch(/Дата сборки: \d{4}-\d{2}-\d{2}/);
    expect(cover).toContain('Источники');
    expect(pageTexts(pdf.enSelfTest)[0]).toContain('English edition');
  });
});

describe('self-test mode', () => {
  let pages: string[] = [];
  let appendix = -1;
  beforeAll(() => {
    pages = pageTexts(pdf.enSelfTest, true);
    // The appendix starts a page whose first line is its heading.
    appendix = pages.findIndex(
      (text, i) => i > 0 && /^\s*Answers\s*$/.test(text.split('\n').find((l) => l.trim()) ?? ''),
    );
  });

  it('puts no answer text before the answers appendix', () => {
    expect(appendix).toBeGreaterThan(2);
    const sentences = cards.en
      // Answer parts only: the follow-up questions stay with their question.
      .flatMap((c) => c.backText.split('\n\n').filter((part) => !part.startsWith('Follow-up questions')))
      .flatMap((part) => part.split('\n'))
      .map((line) => line.replace(/^[-\d.\s]+/, '').trim())
      .filter((line) => line.length > 40 && !/[\\|`]/.test(line) && !line.endsWith(':'));
    expect(sentences.length).toBeGreaterThan(10);
    const sample = sentences.filter((_, i) => i % Math.ceil(sentences.length / 25) === 0);
    const normalized = pages.map(normalize);
    for (const sentence of sample) {
      const probe = normalize(sentence).slice(0, 40);
      const first = normalized.findIndex((p) => p.includes(probe));
      expect(first, sentence).toBeGreaterThanOrEqual(appendix);
    }
  });

  it('links each answered question to its answer page and back', () => {
    const answered = index.filter((e) => e.hasAnswer);
    const where = dests(pdf.enSelfTest);
    for (const e of answered) {
      expect(where.get(`answer-${e.id}`), e.id).toBeGreaterThanOrEqual(appendix + 1);
      expect(where.has(e.id)).toBe(true);
    }
    const links =
      pages
        .slice(0, appendix)
        .join('\n')
        .match(/→ Answer — p\. (\d+)/g) ?? [];
    expect(links).toHaveLength(answered.length);
    for (const link of links) expect(Number(link.match(/\d+/)![0])).toBeGreaterThanOrEqual(appendix + 1);
  });
});

describe('topic and plan selections', () => {
  it('--topics keeps only that topic', () => {
    const expected = index.filter((e) => e.topic === topic);
    expect(results.topic.questions).toEqual(expected.map((e) => e.id));
    const text = normalize(pageTexts(pdf.topic).join('\n'));
    for (const e of expected) expect(text).toContain(normalize(titleOf(e, 'ru')));
    const other = index.find((e) => e.topic !== topic)!;
    expect(text).not.toContain(normalize(titleOf(other, 'ru')));
    expect(results.topic.pages).toBeLessThan(results.ru.pages);
  });

  it('--plan prints the plan questions in plan order under the plan sections', () => {
    expect(results.plan.questions).toEqual(planIds);
    const text = normalize(pageTexts(pdf.plan).slice(2).join('\n'));
    const at = (s: string) => text.indexOf(normalize(s));
    const order = [
      'Разминка',
      titleOf(
        index.find((e) => e.id === planIds[0])!,
        'ru',
      ),
      'Основное',
      ...planIds.slice(1).map((id) =>
        titleOf(
          index.find((e) => e.id === id)!,
          'ru',
        ),
      ),
    ];
    const positions = order.map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(pageTexts(pdf.plan)[0]).toContain('Тестовый план');
  });

  it('rejects an unknown topic and an unknown plan', async () => {
    await expect(
      generateStudyGuidePdf({ dist, lang: 'ru', out: join(out, 'x.pdf'), topics: ['no-such-topic'] }),
    ).rejects.toThrow(/unknown topic/);
    expect(() => findPlan('no-such-plan', [planFile])).toThrow(
      /unknown plan "no-such-plan" \(available: fixture-plan\)/,
    );
  });
});
