/**
 * The full build of the shipped sources (built once by tests/global-setup.ts): every question
 * lands on its topic page under its id in both editions, questions.json indexes them, math is
 * rendered, and the home and sources pages account for every topic and source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadSeedHandbook } from '../helpers/seed-handbook.ts';
import { UNANSWERED_IN_TESTS } from '../global-setup.ts';

const { dist, log } = inject('seedSite');
const html = (url: string) =>
  readFileSync(
    join(dist, url.replace(/#.*$/, ''), url.replace(/#.*$/, '').endsWith('.html') ? '' : 'index.html'),
    'utf8',
  );

interface IndexEntry {
  id: string;
  topic: string;
  url: { ru: string; en: string };
  hasAnswer: boolean;
  source: { file: string };
}

describe('full build of the seeds', () => {
  const handbook = loadSeedHandbook();
  const index: IndexEntry[] = JSON.parse(readFileSync(join(dist, 'questions.json'), 'utf8'));

  it('builds without errors', () => {
    expect(log).not.toMatch(/\[ERROR\]/);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'en/index.html'))).toBe(true);
  });

  it('publishes questions.json with every question once', () => {
    expect(index).toHaveLength(handbook.questions.length);
    expect(new Set(index.map((q) => q.id)).size).toBe(index.length);
    // The test build leaves out the handbook answers of UNANSWERED_IN_TESTS (tests/global-setup.ts).
    const answered = handbook.questions.filter((q) => q.answer && !UNANSWERED_IN_TESTS.includes(q.id));
    expect(index.filter((q) => q.hasAnswer)).toHaveLength(answered.length);
  });

  it('says on the page who wrote each answer: the handbook or the source', () => {
    const html = (e: IndexEntry, lang: 'ru' | 'en') =>
      readFileSync(join(dist, e.url[lang].split('#')[0], 'index.html'), 'utf8');
    const written = index.find((q) => q.id === 'dropout')!;
    const sourced = index.find((q) => q.id === 'dropout-behaves-during-training-inference')!;
    const block = (page: string, id: string) =>
      page.slice(page.indexOf(`data-question-id="${id}"`)).split('</section>')[0];
    expect(block(html(written, 'ru'), 'dropout')).toMatch(/data-answer-by="handbook"[^>]*>\s*Ответ справочника/);
    expect(block(html(written, 'en'), 'dropout')).toMatch(/data-answer-by="handbook"[^>]*>\s*Handbook answer/);
    expect(block(html(sourced, 'en'), sourced.id)).toMatch(/data-answer-by="source"[^>]*>\s*Answer from the source/);
  });

  it('puts every question on its page under its id, in both editions', () => {
    const pages = new Map<string, string>();
    for (const q of index) {
      for (const lang of ['ru', 'en'] as const) {
        const url = q.url[lang];
        expect(url).toMatch(new RegExp(`#${q.id}$`));
        const page = url.split('#')[0];
        if (!pages.has(page)) pages.set(page, html(page));
        expect(pages.get(page), `${url}`).toContain(`id="${q.id}"`);
      }
    }
  });

  it('has one page per topic in each edition and links them from the home page', () => {
    const home = html('/');
    const homeEn = html('/en/');
    for (const topic of handbook.topics) {
      expect(existsSync(join(dist, topic.id, 'index.html')), topic.id).toBe(true);
      expect(existsSync(join(dist, 'en', topic.id, 'index.html')), `en/${topic.id}`).toBe(true);
      expect(home).toContain(topic.name.ru);
      expect(homeEn).toContain(topic.name.en);
    }
  });

  it('lists every source file on the sources page', () => {
    const page = html('/sources/');
    for (const file of readdirSync(join(dist, '..', 'content/sources'))) expect(page).toContain(file);
  });

  it('renders the notes page math with KaTeX and leaves no raw delimiters', () => {
    // Every page of the topic (split by size into /fundamentals/, /fundamentals/2/, …).
    const parts = readdirSync(join(dist, 'fundamentals'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `/fundamentals/${d.name}/`);
    const page = [html('/fundamentals/'), ...parts.map(html)].join('\n');
    expect(page).toContain('class="katex"');
    const text = page.replace(/<annotation[\s\S]*?<\/annotation>/g, '');
    expect(text).not.toContain('\\(');
    expect(text).not.toContain('$\\(');
  });
});
