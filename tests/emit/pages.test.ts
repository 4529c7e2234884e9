/**
 * Page structure, pagination, determinism and data files of the emitter.
 */
import { describe, expect, it } from 'vitest';
import { emitSite } from '../../src/ingest/emit/index.ts';
import { paginate, paginateByWeight } from '../../src/ingest/emit/paginate.ts';
import type { Handbook } from '../../src/ingest/model.ts';
import { sampleHandbook } from '../fixtures/emit/handbook.ts';
import { literalText, nodesOfType, parseMdx } from './mdx-parse.ts';
import { compileMdx, find, renderMdx, stripFrontmatter } from '../helpers/mdx.ts';

const files = emitSite(sampleHandbook(), { langs: ['ru', 'en'] });
const page = (path: string): string => {
  const text = files.get(path);
  if (text === undefined) throw new Error(`no ${path}`);
  return text;
};

describe('emitSite', () => {
  it('emits ru at the root and en under en/, plus data files', () => {
    expect([...files.keys()].sort()).toEqual(
      [
        '_data/questions.json',
        '_data/sidebar.json',
        '_data/links.json',
        '_data/plans.json',
        '_data/flashcards.json',
        '_data/search.json',
        'study-guide.mdx',
        'en/study-guide.mdx',
        '404.mdx',
        'en/404.mdx',
        'en/index.mdx',
        'en/metrics.mdx',
        'en/normalization.mdx',
        'en/sources.mdx',
        'index.mdx',
        'metrics.mdx',
        'normalization.mdx',
        'sources.mdx',
      ].sort(),
    );
  });

  it('is deterministic', () => {
    const again = emitSite(sampleHandbook(), { langs: ['ru', 'en'] });
    expect([...again.entries()]).toEqual([...files.entries()]);
  });

  it('does not mutate the handbook', () => {
    const handbook = sampleHandbook();
    const before = structuredClone(handbook);
    emitSite(handbook, { langs: ['ru', 'en'] });
    expect(handbook).toEqual(before);
  });

  it.each([...files.keys()].filter((path) => path.endsWith('.mdx')))(
    "%s compiles with the site's MDX compiler",
    (path) => {
      expect(compileMdx(stripFrontmatter(page(path)).replace(/^import .*$/gm, ''))).toContain('_createMdxContent');
    },
  );

  it('anchors each question heading with the question id', () => {
    const tree = renderMdx(page('normalization.mdx'));
    const questions = find(tree, (e) => e.type === 'Question');
    expect(questions.map((q) => q.props.id)).toEqual(['batchnorm-train-vs-eval', 'layernorm-vs-batchnorm']);
    for (const question of questions) {
      const [heading] = find(question, (e) => /^h[1-6]$/.test(e.type));
      expect(heading.type).toBe('h3');
      expect(heading.props.id).toBe(question.props.id);
    }
  });

  it('groups by subtopic, falling back to the source title', () => {
    const tree = parseMdx(stripFrontmatter(page('normalization.mdx')));
    const h2 = nodesOfType(tree, 'heading')
      .filter((h) => h.depth === 2)
      .map(literalText);
    expect(h2).toEqual(['Батч-нормализация', 'Заметки по DL']);
  });

  it('wraps answers in Answer/AnswerPart and marks unanswered questions', () => {
    const tree = parseMdx(stripFrontmatter(page('metrics.mdx')));
    const names = nodesOfType(tree, 'mdxJsxFlowElement').map((el) => el.name);
    expect(names).toEqual([
      'Question',
      'QuestionMeta',
      'Answer',
      'AnswerPart',
      'FollowUps',
      'Question',
      'QuestionMeta',
      'NoAnswer',
    ]);
    const normalization = parseMdx(stripFrontmatter(page('normalization.mdx')));
    const kinds = nodesOfType(normalization, 'mdxJsxFlowElement')
      .filter((el) => el.name === 'AnswerPart')
      .map((el) => el.attributes[0]);
    expect(kinds.map((a) => a.type === 'mdxJsxAttribute' && a.value)).toEqual([
      'short',
      'detailed',
      'mistakes',
      'howToSay',
      'short',
    ]);
    // Math, code, table, list and the caution aside survive as their own nodes.
    expect(nodesOfType(normalization, 'inlineMath').length).toBeGreaterThan(0);
    expect(nodesOfType(normalization, 'math')).toHaveLength(1);
    expect(nodesOfType(normalization, 'code')[0].lang).toBe('python');
    expect(nodesOfType(normalization, 'containerDirective')[0]).toMatchObject({ name: 'caution' });
    expect(nodesOfType(tree, 'table')).toHaveLength(1);
  });

  it('keeps UI strings out of topic pages (labels come from components)', () => {
    for (const path of ['normalization.mdx', 'en/normalization.mdx', 'metrics.mdx']) {
      expect(page(path)).not.toMatch(/Показать ответ|Show answer|Ответа в источниках|No answer in the sources/);
    }
  });

  it('localises page titles and links', () => {
    expect(page('en/normalization.mdx')).toMatch(/^---\ntitle: Normalization\n/);
    expect(page('index.mdx')).toContain('](/normalization/)');
    expect(page('en/index.mdx')).toContain('](/en/normalization/)');
    expect(literalText(parseMdx(stripFrontmatter(page('en/index.mdx'))))).toContain('Questions: 4, with answers: 3.');
  });

  it('writes the question index with per-language URLs', () => {
    const index = JSON.parse(page('_data/questions.json'));
    expect(index).toHaveLength(4);
    expect(index[0]).toEqual({
      id: 'batchnorm-train-vs-eval',
      topic: 'normalization',
      // Per edition; the sample has no translations, so both show the original.
      title: {
        ru: 'Чем отличается BatchNorm в режиме обучения и инференса?',
        en: 'Чем отличается BatchNorm в режиме обучения и инференса?',
      },
      lang: 'ru',
      url: { ru: '/normalization/#batchnorm-train-vs-eval', en: '/en/normalization/#batchnorm-train-vs-eval' },
      permalink: { ru: '/q/batchnorm-train-vs-eval/', en: '/en/q/batchnorm-train-vs-eval/' },
      source: {
        file: 'practice-batchnorm.txt',
        format: 'practice-page',
        title: 'Практика: BatchNorm',
        lines: [10, 42],
      },
      levels: ['junior', 'middle'],
      minutes: 5,
      hasAnswer: true,
      answerBy: 'source',
    });
    expect(index.find((q: { id: string }) => q.id === 'precision-recall-tradeoff').hasAnswer).toBe(false);
  });

  it('rejects topic ids that would collide with other pages', () => {
    const handbook = sampleHandbook();
    handbook.questions[0] = { ...handbook.questions[0], topic: 'sources' };
    expect(() => emitSite(handbook, { langs: ['ru'] })).toThrow(/sources/);
    expect(() => emitSite(sampleHandbook(), { langs: ['en'] })).toThrow(/root language/);
  });
});

describe('pagination', () => {
  it('paginate splits in order', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(paginate([1, 2], 5)).toEqual([[1, 2]]);
    expect(paginate([], 3)).toEqual([]);
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });

  it('paginateByWeight closes a page before the item that would exceed the budget or the count', () => {
    expect(paginateByWeight([1, 2, 3, 4], (n) => n, 5, 10)).toEqual([[1, 2], [3], [4]]);
    expect(paginateByWeight([9, 1, 1, 1], (n) => n, 5, 2)).toEqual([[9], [1, 1], [1]]);
    expect(paginateByWeight([], (n: number) => n, 5, 2)).toEqual([]);
  });

  it('splits a topic by estimated page size; the study guide lists its pages', () => {
    const base = sampleHandbook();
    const template = base.questions[1];
    const long = Array.from(
      { length: 400 },
      (_, i) => `Sentence ${i} about normalization layers and their statistics.`,
    ).join(' ');
    const many: Handbook = {
      ...base,
      questions: Array.from({ length: 30 }, (_, i) => ({
        ...template,
        id: `q-${i + 1}`,
        title: `Q ${i + 1}`,
        prompt: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: long }] }] } as never,
      })),
    };
    const out = emitSite(many, { langs: ['ru', 'en'] });
    const parts = [...out.keys()].filter((p) => /^normalization(\/|\.)/.test(p));
    expect(parts.length).toBeGreaterThan(1);
    expect([...out.keys()].filter((p) => p.startsWith('study-guide/'))).toEqual([]);
    // The study guide's contents link to every page of the topic (the PDF script loads their
    // questions); it does not repeat the questions, and names the topics of its items in order.
    const guide = out.get('study-guide.mdx')!;
    expect(guide).toContain('](/normalization/)');
    expect(guide).toContain('](/normalization/2/)');
    expect(guide).toMatch(/<StudyGuideToc [^>]*topics="[^"]*\bnormalization\b/);
    expect(guide).not.toContain('<Question');
    expect(out.get('en/study-guide.mdx')).toContain('](/en/normalization/2/)');
    // The cover's question count is labelled in the edition's language.
    expect(guide).toContain(`questions="Вопросов: ${many.questions.length}"`);
    expect(out.get('en/study-guide.mdx')).toContain(`questions="Questions: ${many.questions.length}"`);
  });

  it('splits a large topic into topic/index.mdx, topic/2.mdx … and links questions to their page', () => {
    const base = sampleHandbook();
    const template = base.questions[1];
    const many: Handbook = {
      ...base,
      questions: Array.from({ length: 5 }, (_, i) => ({ ...template, id: `q-${i + 1}`, title: `Q ${i + 1}` })),
    };
    const out = emitSite(many, { langs: ['ru', 'en'], pageSize: 2 });
    expect([...out.keys()].filter((p) => p.includes('normalization') && !p.includes('study-guide'))).toEqual([
      'normalization/index.mdx',
      'normalization/2.mdx',
      'normalization/3.mdx',
      'en/normalization/index.mdx',
      'en/normalization/2.mdx',
      'en/normalization/3.mdx',
    ]);
    // Pages are named by their sections; a section over several pages is numbered.
    expect(out.get('normalization/2.mdx')).toMatch(/^---\ntitle: "?Нормализация: .+ \(2\)"?\n/);
    expect(out.get('normalization/2.mdx')).toMatch(/\nsidebar:\n {2}label: "?.+ \(2\)"?\n/);
    const index = JSON.parse(out.get('_data/questions.json')!);
    expect(index[2].url).toEqual({ ru: '/normalization/2/#q-3', en: '/en/normalization/2/#q-3' });
    const sidebar = JSON.parse(out.get('_data/sidebar.json')!);
    expect(sidebar[0].items[0]).toEqual({
      label: 'Нормализация',
      translations: { en: 'Normalization' },
      collapsed: true,
      items: [{ slug: 'normalization' }, { slug: 'normalization/2' }, { slug: 'normalization/3' }],
    });
  });
});
