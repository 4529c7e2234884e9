/**
 * Topic and section placement (src/ingest/classify.ts) on a small fixture vocabulary, the
 * topics file's checks, and the shipped vocabulary on the seed bank (labelled by hand in
 * bank-labels.ts before the vocabulary was written).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTopics, place, topicSections } from '../../src/ingest/classify.ts';
import { DataFileError } from '../../src/ingest/data-file.ts';
import { loadVocabulary } from '../../src/ingest/concepts/vocabulary.ts';
import { profileQuestion } from '../../src/ingest/concepts/profile.ts';
import { loadSeedHandbook } from '../helpers/seed-handbook.ts';
import { BANK_LABELS } from './bank-labels.ts';

const TOPICS_FILE = 'content/topics.yaml';
const rules = loadTopics(readFileSync(TOPICS_FILE, 'utf8'), TOPICS_FILE);
const REQUIRED = ['fundamentals', 'detection', 'transformers', 'diffusion', 'classical-ml', 'python-sql'];
const FIXTURE = 'tests/fixtures/concepts/small.yaml';
const vocab = loadVocabulary(readFileSync(FIXTURE, 'utf8'), FIXTURE, topicSections(rules));
const profile = (title: string, answer: string[] = []) =>
  profileQuestion(vocab, { title: [title], prompt: [], followUps: [], answer });

describe('place()', () => {
  it('goes by the concepts a question names, with their section', () => {
    expect(place(profile('Как работает NMS?'), vocab, rules, { id: 'a' })).toEqual({
      topic: 'detection',
      section: 'anchors-nms',
      by: 'concepts',
    });
    expect(place(profile('Что такое оконная функция?'), vocab, rules, { id: 'b' })).toMatchObject({
      topic: 'python-sql',
      section: 'sql',
    });
  });

  it('weighs the title over the answer', () => {
    const p = profile('Как считается mAP?', ['dropout dropout dropout dropout attention']);
    expect(place(p, vocab, rules, { id: 'c' }).topic).toBe('detection');
  });

  it('lets a specific topic win a tie with the default, and falls back to context, then default', () => {
    expect(place(profile('dropout и ROC-AUC'), vocab, rules, { id: 'd' }).topic).toBe('classical-ml');
    expect(place(profile('Неизвестная тема'), vocab, rules, { id: 'e' })).toEqual({
      topic: 'fundamentals',
      by: 'default',
    });
    const context = profile('Механизм внимания');
    expect(place(profile('Неизвестная тема'), vocab, rules, { id: 'f', context })).toMatchObject({
      topic: 'transformers',
      by: 'context',
    });
  });

  it('applies overrides before concepts', () => {
    const pinned = { ...rules, overrides: { nms: 'diffusion' } };
    expect(place(profile('Как работает NMS?'), vocab, pinned, { id: 'nms' })).toMatchObject({
      topic: 'diffusion',
      by: 'override',
    });
    expect(place(profile('Как работает NMS?'), vocab, pinned, { id: 'nms', useOverrides: false }).topic).toBe(
      'detection',
    );
  });
});

describe('topic rules (content/topics.yaml)', () => {
  it('define exactly the six handbook topics', () => {
    expect(rules.topics.map((t) => t.id)).toEqual(REQUIRED);
  });

  it('reject a broken topics file with file and line', () => {
    const broken = readFileSync(TOPICS_FILE, 'utf8').replace('default: fundamentals', 'default: nowhere');
    expect(() => loadTopics(broken, 'topics.yaml')).toThrow(DataFileError);
    expect(() => loadTopics(broken, 'topics.yaml')).toThrow(/^topics\.yaml:\d+: default topic "nowhere"/);
    const dup = `default: a\ntopics:\n  - id: a\n    name: {ru: А, en: A}\n    description: {ru: А, en: A}\n  - id: a\n    name: {ru: А, en: A}\n    description: {ru: А, en: A}\n`;
    expect(() => loadTopics(dup, 't.yaml')).toThrow('t.yaml:6: duplicate topic id "a"');
    expect(() => loadTopics('topics: [', 't.yaml')).toThrow(/^t\.yaml:1: invalid YAML/);
  });
});

describe('the shipped vocabulary on the seeds', () => {
  const handbook = loadSeedHandbook();

  it('places the 109-question bank as labelled by hand (>= 85 %, no overrides)', () => {
    const bank = handbook.questions.filter((q) => q.source.format === 'question-bank');
    expect(bank).toHaveLength(109);
    expect(rules.overrides).toEqual({});
    const misses = bank.filter((q) => q.topic !== BANK_LABELS[q.source.number!]);
    console.log(
      `topic accuracy on the seed bank: ${109 - misses.length}/109\n  ` +
        misses
          .map((q) => `${q.source.number} ${q.title}: ${q.topic} (label ${BANK_LABELS[q.source.number!]})`)
          .join('\n  '),
    );
    expect((109 - misses.length) / 109).toBeGreaterThanOrEqual(0.85);
  });

  it('gives every seed question one known topic, and every topic questions', () => {
    for (const q of handbook.questions) expect(REQUIRED).toContain(q.topic);
    for (const topic of REQUIRED) expect(handbook.questions.some((q) => q.topic === topic)).toBe(true);
  });
});
