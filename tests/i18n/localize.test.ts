/**
 * Editions at the model and MDX level: localize() pairs, originals and missing translations in
 * the emitted pages, UI strings in both languages, cross-language search keywords, the shipped translations, a new
 * untranslated source and answer overlays.
 */
import { describe, expect, it } from 'vitest';
import { localize } from '../../src/ingest/emit/localize.ts';
import { emitSite } from '../../src/ingest/emit/index.ts';
import { questionElement } from '../../src/ingest/emit/question.ts';
import { toMdx } from '../../src/ingest/emit/serialize.ts';
import { searchTerms } from '../../src/integrations/question-search.ts';
import { searchData } from '../../src/ingest/emit/search-records.ts';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { paragraph, root, text } from '../../src/ingest/mdast.ts';
import type { Question } from '../../src/ingest/model.ts';
import { pipelineInput } from '../helpers/seed-handbook.ts';
import ru from '../../src/content/i18n/ru.json' with { type: 'json' };
import en from '../../src/content/i18n/en.json' with { type: 'json' };

const CYRILLIC = /\p{Script=Cyrillic}/u;

const base: Question = {
  id: 'chto-takoe-dropout',
  topic: 'fundamentals',
  subtopic: 'Регуляризация',
  lang: 'ru',
  title: 'Что такое dropout?',
  prompt: root([paragraph([text('Объясните поведение на обучении и инференсе.')])]),
  kind: 'Вопрос',
  answer: { short: root([paragraph([text('Случайно зануляет активации.')])]) },
  followUps: ['А при batch size 1?'],
  levels: [],
  source: { file: 'bank.txt', format: 'question-bank', lines: [3, 4], title: 'Банк вопросов' },
  tags: [],
};

const translated: Question = {
  ...base,
  translations: {
    en: {
      title: 'What is dropout?',
      prompt: root([paragraph([text('Explain its behaviour in training and inference.')])]),
      answer: { short: root([paragraph([text('It zeroes activations at random.')])]) },
      followUps: ['And with batch size 1?'],
      subtopic: 'Regularization',
      kind: 'Question',
    },
  },
};

const untranslated: Question = {
  ...base,
  translations: { en: { untranslated: ['title', 'prompt', 'short', 'followUps'] } },
};

const labels = { 'Банк вопросов': { en: 'Question bank' } };

/** MDX without the `<Original>` disclosures and the hidden search keywords (both languages by design). */
function withoutOriginals(mdx: string): string {
  return mdx.replace(/<Original[\s\S]*?<\/Original>/g, '').replace(/ (title)?[kK]eywords="[^"]*"/g, '');
}

describe('localize()', () => {
  it('shows the translation in the other edition and keeps the source text as the original', () => {
    const local = localize(translated, 'en', labels);
    expect(local.title).toEqual({
      value: 'What is dropout?',
      state: 'translated',
      original: 'Что такое dropout?',
      lang: 'ru',
    });
    expect(local.prompt?.state).toBe('translated');
    expect(local.answer.short?.state).toBe('translated');
    expect(local.followUps).toMatchObject({
      value: ['And with batch size 1?'],
      state: 'translated',
      original: ['А при batch size 1?'],
    });
    expect(local.group).toMatchObject({ value: 'Regularization', state: 'translated', original: 'Регуляризация' });
    expect(local.kind).toMatchObject({ value: 'Question', state: 'translated' });
    expect(local.sourceTitle).toMatchObject({ value: 'Question bank', state: 'translated' });
    expect(local.untranslated).toEqual([]);
    expect(local.translated).toEqual(['title', 'prompt', 'short', 'followUps', 'group', 'kind', 'sourceTitle']);
  });

  it('shows the source text in its own edition', () => {
    const local = localize(translated, 'ru', labels);
    expect(local.title).toEqual({ value: 'Что такое dropout?', state: 'source' });
    expect(local.translated).toEqual([]);
    expect(local.untranslated).toEqual([]);
  });

  it('marks texts whose translation is missing, never silently', () => {
    const local = localize(untranslated, 'en', {});
    expect(local.title).toEqual({ value: 'Что такое dropout?', state: 'untranslated', lang: 'ru' });
    expect(local.untranslated).toEqual(['title', 'prompt', 'short', 'followUps', 'group', 'kind', 'sourceTitle']);
  });

  it('emits <Original> next to translated texts, with no Russian outside it', () => {
    const mdx = toMdx(root([questionElement(translated, 'en', labels) as never]));
    expect(mdx).toContain('### What is dropout?');
    expect(mdx).toContain('<Original lang="ru">');
    expect(mdx).toContain('Что такое dropout?');
    expect(withoutOriginals(mdx)).not.toMatch(CYRILLIC);
    expect(mdx).toContain('sourceTitle="Question bank"');
    expect(mdx).toContain('kind="Question"');
  });

  it('emits the original with <Untranslated> where the translation is missing', () => {
    const mdx = toMdx(root([questionElement(untranslated, 'en', {}) as never]));
    expect(mdx).toContain('### Что такое dropout?');
    expect(mdx).toMatch(/<Untranslated lang="ru" \/>/);
    expect(mdx).toMatch(/<Untranslated lang="ru">\s+Объясните/);
    expect(mdx).toContain('untranslated="kind sourceTitle"');
    expect(mdx).not.toContain('<Original');
  });
});

describe('UI strings', () => {
  it('has the same keys in ru.json and en.json', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
  });

  it('has no Russian in en.json', () => {
    for (const [key, value] of Object.entries(en)) expect(value, key).not.toMatch(CYRILLIC);
  });

  it('has every handbook string in Russian', () => {
    for (const [key, value] of Object.entries(ru)) expect(value.trim(), key).not.toBe('');
  });
});

describe('cross-language search keywords', () => {
  it('give every shipped question its concepts, named in both languages in each edition', () => {
    const { handbook } = runPipeline(pipelineInput());
    const overfitting = handbook.questions.find((q) => q.id === 'pereobuchenie-overfitting')!;
    expect(overfitting.concepts?.find((c) => c.id === 'overfitting')).toMatchObject({ core: true, inTitle: true });
    expect(overfitting.tags).toContain('overfitting');
    const urls = new Map([[overfitting.id, { ru: '/a/', en: '/en/a/' }]]);
    const data = searchData([overfitting], urls, ['ru', 'en'], handbook).editions;
    for (const lang of ['ru', 'en'] as const) {
      expect(data[lang]![0].keywords).toContain('overfitting');
      expect(data[lang]![0].keywords).toContain('переобучение');
    }
    expect(data.en![0].title).not.toMatch(CYRILLIC);
  });

  it("ship the vocabulary's question words as stop words of the search dialog", () => {
    const { handbook } = runPipeline(pipelineInput());
    const data = searchData(handbook.questions.slice(0, 2), new Map(), ['ru'], handbook);
    expect(data.questionWords).toEqual(expect.arrayContaining(['объясните', 'почему', 'explain', 'why']));
    const terms = searchTerms(data.editions.ru!, data.questionWords);
    expect(terms.stop).toEqual(expect.arrayContaining(['объясните', 'и', 'the']));
    expect(terms.stop).not.toContain('dropout');
  });
});

describe('translations of the shipped sources', () => {
  it('has no translation problems', () => {
    expect(runPipeline(pipelineInput()).translationProblems).toEqual([]);
  });

  it('titles and urls per edition in questions.json', () => {
    const { handbook } = runPipeline(pipelineInput());
    const files = emitSite(handbook, { langs: ['ru', 'en'] });
    const index = JSON.parse(files.get('_data/questions.json')!);
    const entry = index.find((q: { id: string }) => q.id === 'dropout');
    expect(entry).toMatchObject({
      id: 'dropout',
      lang: 'ru',
      title: { ru: 'Что такое Dropout?', en: 'What is Dropout?' },
    });
    // The same page of the topic in both editions, at the question's anchor.
    expect(entry.url.ru).toMatch(/^\/fundamentals\/(\d+\/)?#dropout$/);
    expect(entry.url.en).toBe(`/en${entry.url.ru}`);
    for (const q of index) expect(q.title.en, q.id).not.toMatch(CYRILLIC);
  });
});

describe('a new source without translation', () => {
  const input = pipelineInput();
  input.sources = [
    ...input.sources,
    {
      file: 'zz-my-notes.txt',
      bytes: Buffer.from(
        '# Мои вопросы\n1. Зачем нужна температура в софтмаксе дистилляции?\n2. Чем GroupNorm отличается от LayerNorm?\n',
      ),
    },
  ];
  const { handbook, translationProblems } = runPipeline(input);
  const mine = handbook.questions.find((q) => q.source.file === 'zz-my-notes.txt')!;

  it('is reported as a missing translation', () => {
    expect(mine).toBeDefined();
    const problems = translationProblems.filter((p) => p.id === mine.id);
    expect(problems.map((p) => [p.kind, p.lang])).toContainEqual(['missing', 'en']);
    expect(problems.every((p) => p.kind === 'missing')).toBe(true);
  });

  it('shows the original with the not-yet-translated mark in the English edition', () => {
    const files = emitSite(handbook, { langs: ['ru', 'en'] });
    const page = [...files].find(([path, mdx]) => path.startsWith('en/') && mdx.includes(`id="${mine.id}"`))!;
    expect(page, 'en page of the new question').toBeDefined();
    const block = page[1].slice(page[1].indexOf(`id="${mine.id}"`));
    expect(block).toMatch(/^id="[^"]+"[^>]*>\s+### Зачем нужна температура/);
    expect(block).toMatch(/<Untranslated lang="ru" \/>/);
    // Its concepts (distillation, GroupNorm) place it in a curated section, named in English.
    const heading = page[1]
      .slice(0, page[1].indexOf(`id="${mine.id}"`))
      .match(/^## (.+)$/gm)!
      .at(-1)!;
    expect(heading).not.toMatch(CYRILLIC);
    // The Russian edition shows it as is.
    const ruPage = [...files].find(([path, mdx]) => !path.startsWith('en/') && mdx.includes(`id="${mine.id}"`))!;
    expect(
      ruPage[1].slice(
        ruPage[1].indexOf(`id="${mine.id}"`),
        ruPage[1].indexOf('</Question>', ruPage[1].indexOf(`id="${mine.id}"`)),
      ),
    ).not.toContain('Untranslated');
  });
});

/** The page `topic.mdx`, or the part of it (`topic/index.mdx`, `topic/2.mdx`, …) that holds question `id`: topics split by size. */
function pageWith(files: Map<string, string>, path: string, id: string): string {
  const base = path.replace(/\.mdx$/, '');
  const found = [...files].find(
    ([p, text]) => (p === path || p.startsWith(`${base}/`)) && text.includes(`<Question id="${id}"`),
  );
  if (!found) throw new Error(`no page ${path} (or part) holds ${id}`);
  return found[1];
}

describe('answer overlays', () => {
  const overlay = (lang: 'ru' | 'en', body: string) => ({ file: `content/answers/dropout.${lang}.md`, text: body });

  it('shows an overlay answer like any other answer, translated where a translation exists', () => {
    const input = pipelineInput();
    input.answers = [
      overlay(
        'ru',
        '## Короткий ответ\n\nСлучайно зануляет активации при обучении.\n\n## Типичные ошибки\n\n- Забывают про масштабирование.\n',
      ),
      overlay(
        'en',
        '## Short answer\n\nRandomly zeroes activations during training.\n\n## Typical mistakes\n\n- Forgetting the scaling.\n',
      ),
    ];
    const files = emitSite(runPipeline(input).handbook, { langs: ['ru', 'en'] });
    const question = (path: string) => {
      const mdx = pageWith(files, path, 'dropout');
      const start = mdx.indexOf('<Question id="dropout"');
      return mdx.slice(start, mdx.indexOf('</Question>', start));
    };
    expect(question('fundamentals.mdx')).toMatch(/<AnswerPart kind="short">\s+Случайно зануляет/);
    expect(question('fundamentals.mdx')).toMatch(/<AnswerPart kind="mistakes">/);
    const english = question('en/fundamentals.mdx');
    expect(english).toMatch(/<AnswerPart kind="short">\s+Randomly zeroes/);
    expect(english).toContain('<Original lang="ru">');
    expect(withoutOriginals(english)).not.toMatch(CYRILLIC);
  });

  it('marks an overlay answer without translation in the other edition', () => {
    const input = pipelineInput();
    input.answers = [overlay('ru', '## Короткий ответ\n\nСлучайно зануляет активации.\n')];
    const files = emitSite(runPipeline(input).handbook, { langs: ['ru', 'en'] });
    const mdx = pageWith(files, 'en/fundamentals.mdx', 'dropout');
    const start = mdx.indexOf('<Question id="dropout"');
    expect(mdx.slice(start, mdx.indexOf('</Question>', start))).toMatch(
      /<AnswerPart kind="short">\s+<Untranslated lang="ru">\s+Случайно/,
    );
  });
});
