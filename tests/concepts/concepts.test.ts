/**
 * The concept vocabulary: words and stems, loading content/concepts.yaml (with its errors),
 * matching concepts in text (longest form, case-sensitive abbreviations) and question profiles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTopics, topicSections } from '../../src/ingest/classify.ts';
import { loadVocabulary, type Vocabulary } from '../../src/ingest/concepts/vocabulary.ts';
import { matchConcepts } from '../../src/ingest/concepts/match.ts';
import { profileQuestion, splitTitle } from '../../src/ingest/concepts/profile.ts';
import { foldCase, stemOf, words } from '../../src/ingest/concepts/words.ts';

const rules = loadTopics(readFileSync('content/topics.yaml', 'utf8'), 'content/topics.yaml');
const sections = topicSections(rules);
const FIXTURE = 'tests/fixtures/concepts/small.yaml';
const small = loadVocabulary(readFileSync(FIXTURE, 'utf8'), FIXTURE, sections);
const ids = (v: Vocabulary, text: string) => matchConcepts(v, text).map((c) => v.concepts[c].id);
const texts = (title: string, rest: Partial<Record<'prompt' | 'followUps' | 'answer', string[]>> = {}) => ({
  title: [title],
  prompt: rest.prompt ?? [],
  followUps: rest.followUps ?? [],
  answer: rest.answer ?? [],
});

describe('words', () => {
  it('folds case and ё, and stems Russian and English with Snowball', () => {
    expect(foldCase('Свёртка')).toBe('свертка');
    expect(stemOf('нормализации')).toBe(stemOf('нормализация'));
    expect(stemOf('normalizations')).toBe(stemOf('normalization'));
    expect(words('Batch-нормализация, C++ и C#').map((w) => w.folded)).toEqual([
      'batch',
      'нормализация',
      'c++',
      'и',
      'c#',
    ]);
  });
});

describe('matchConcepts', () => {
  it('finds word forms through stems and prefers the longest form', () => {
    expect(ids(small, 'Зачем нужна пакетная нормализация?')).toEqual(['batch-normalization']);
    expect(ids(small, 'пакетной нормализации и нормализации слоя')).toEqual([
      'batch-normalization',
      'layer-normalization',
    ]);
    expect(ids(small, 'Какие виды нормализации бывают?')).toEqual(['normalization']);
    expect(ids(small, 'batch norm vs layernorm')).toEqual(['batch-normalization', 'layer-normalization']);
  });

  it('matches abbreviations exactly, case-sensitively, as whole words', () => {
    expect(ids(small, 'BN и NMS')).toEqual(['batch-normalization', 'non-maximum-suppression']);
    expect(ids(small, 'bn or BNN')).toEqual([]);
    expect(ids(small, 'mAP@0.5')).toEqual(['mean-average-precision']);
    expect(ids(small, 'feature map')).toEqual([]);
  });
});

describe('loadVocabulary', () => {
  const base = readFileSync(FIXTURE, 'utf8');
  const load = (text: string) => () => loadVocabulary(text, 'c.yaml', sections);

  it('names file and line of a duplicate id, an unknown topic or section, a bad broader concept', () => {
    expect(load(`${base}  - { id: dropout, topic: fundamentals, section: regularization, en: a, ru: б }\n`)).toThrow(
      /^c\.yaml:\d+: duplicate concept id "dropout"/,
    );
    expect(load(base.replace('topic: detection', 'topic: vision'))).toThrow(/c\.yaml:\d+: .*unknown topic "vision"/);
    expect(load(base.replace('section: metrics', 'section: nowhere'))).toThrow(/has no section "nowhere"/);
    expect(load(base.replace('broader: [normalization]', 'broader: [norms]'))).toThrow(
      /unknown broader concept "norms"/,
    );
    const cycle = base.replace(
      '    synonyms: [normalisation]',
      '    synonyms: [normalisation]\n    broader: [batch-normalization]',
    );
    expect(load(cycle)).toThrow(/form a cycle/);
  });

  it('refuses a form or an abbreviation claimed by two concepts', () => {
    expect(load(base.replace('ru: дропаут', 'ru: дропаут\n    synonyms: [батчнорм]'))).toThrow(
      /form "батчнорм" already names concept "batch-normalization"/,
    );
    expect(load(base.replace('abbr: [LN]', 'abbr: [BN]'))).toThrow(/abbreviation "BN" already names/);
  });

  it('makes broader concepts less specific than leaves', () => {
    expect(small.byId.get('normalization')!.specificity).toBeLessThan(
      small.byId.get('batch-normalization')!.specificity,
    );
    expect(small.byId.get('batch-normalization')!.ancestors).toEqual([small.byId.get('normalization')!.index]);
  });
});

describe('profileQuestion', () => {
  it('weighs the title over the prompt over follow-ups over the answer, and generic concepts little', () => {
    const p = profileQuestion(
      small,
      texts('Что такое BN?', {
        prompt: ['Сравните с dropout'],
        followUps: ['А LayerNorm?'],
        answer: ['NMS NMS NMS NMS NMS модель'],
      }),
    );
    const s = (id: string) => p.hits.get(small.byId.get(id)!.index)!.strength;
    expect(s('batch-normalization')).toBeGreaterThan(s('dropout'));
    expect(s('dropout')).toBeGreaterThan(s('layer-normalization'));
    expect(s('non-maximum-suppression')).toBeLessThan(s('dropout'));
    expect(s('model')).toBeLessThan(0.5);
  });

  it('takes the core from the title, else the prompt; answer mentions are never core', () => {
    const core = (t: ReturnType<typeof texts>) => profileQuestion(small, t).core.map((c) => small.concepts[c].id);
    expect(core(texts('Как работает dropout в модели?', { answer: ['BN'] }))).toEqual(['dropout']);
    expect(core(texts('Объясните метрику', { prompt: ['Что такое mAP?'] }))).toEqual(['mean-average-precision']);
    expect(core(texts('Вопрос', { answer: ['dropout'] }))).toEqual([]);
  });

  it('keeps the title words no concept names, and whether the title asks for a reason', () => {
    const p = profileQuestion(small, texts('Почему ROC-AUC не меняется, если домножить предсказания на 2?'));
    expect(p.unnamed).toEqual([['меня', 'домнож', 'предсказан']]);
    expect(p.asksReason).toBe(true);
    const q = profileQuestion(small, texts('Explain dropout in simple terms', { answer: ['Neurons are dropped.'] }));
    expect(q.unnamed).toEqual([[]]);
    expect(q.asksReason).toBe(false);
    expect([...q.stems]).toEqual(expect.arrayContaining(['dropout', 'neuron', 'drop']));
  });

  it('reads a long title as a title sentence and a prompt', () => {
    expect(splitTitle('Что такое IoU? Как её считают для масок?')).toEqual([
      'Что такое IoU?',
      'Как её считают для масок?',
    ]);
    expect(splitTitle('Что такое IoU?')).toEqual(['Что такое IoU?', '']);
  });
});

describe('the shipped vocabulary (content/concepts.yaml)', () => {
  const vocabulary = loadVocabulary(readFileSync('content/concepts.yaml', 'utf8'), 'content/concepts.yaml', sections);

  it('has at least 600 concepts, at least 60 per topic and some in every section', () => {
    expect(vocabulary.concepts.length).toBeGreaterThanOrEqual(600);
    for (const topic of rules.topics) {
      const mine = vocabulary.concepts.filter((c) => c.topic === topic.id);
      expect(mine.length, topic.id).toBeGreaterThanOrEqual(60);
      for (const section of topic.subtopics) {
        expect(
          mine.some((c) => c.section === section.id),
          `${topic.id}/${section.id}`,
        ).toBe(true);
      }
    }
  });

  it('keeps case where it carries meaning: BN is not BNN, mAP is not map', () => {
    expect(ids(vocabulary, 'BN')).toEqual(['batch-normalization']);
    expect(ids(vocabulary, 'BNN')).not.toContain('batch-normalization');
    expect(ids(vocabulary, 'mAP')).toEqual([
      vocabulary.concepts[matchConcepts(vocabulary, 'mean average precision')[0]].id,
    ]);
  });
});
