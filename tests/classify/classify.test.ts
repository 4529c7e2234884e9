import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier, loadTopics } from '../../src/ingest/classify.ts';
import { DataFileError } from '../../src/ingest/data-file.ts';
import { loadSeedHandbook } from '../helpers/seed-handbook.ts';
import { BANK_LABELS } from './bank-labels.ts';

const TOPICS_FILE = 'content/topics.yaml';
const rules = loadTopics(readFileSync(TOPICS_FILE, 'utf8'), TOPICS_FILE);
const REQUIRED = ['fundamentals', 'detection', 'transformers', 'diffusion', 'classical-ml', 'python-sql'];

describe('topic rules (content/topics.yaml)', () => {
  it('define exactly the six handbook topics', () => {
    expect(rules.topics.map((t) => t.id)).toEqual(REQUIRED);
  });

  it('classify the 109-question bank: >= 90% by keywords alone, 100% with overrides', () => {
    const handbook = loadSeedHandbook();
    const bank = handbook.questions.filter((q) => q.source.format === 'question-bank');
    expect(bank).toHaveLength(109);
    const classifier = createClassifier(rules);
    let byKeywords = 0;
    let withOverrides = 0;
    const misses: string[] = [];
    for (const q of bank) {
      const expected = BANK_LABELS[q.source.number!];
      const input = { id: q.id, text: q.title, context: q.subtopic };
      const plain = classifier.classify(input, { useOverrides: false }).topic;
      if (plain === expected) byKeywords++;
      else misses.push(`${q.source.number} ${q.title}: ${plain} (expected ${expected})`);
      if (q.topic === expected) withOverrides++;
    }
    console.log(
      `topic accuracy on the bank: keywords ${byKeywords}/109 (${((byKeywords / 109) * 100).toFixed(1)}%), ` +
        `with overrides ${withOverrides}/109 (${((withOverrides / 109) * 100).toFixed(1)}%)` +
        (misses.length ? `\n  keyword misses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(byKeywords / 109).toBeGreaterThanOrEqual(0.9);
    expect(withOverrides).toBe(109);
  });

  it('gives every seed question exactly one known topic', () => {
    const handbook = loadSeedHandbook();
    for (const q of handbook.questions) expect(REQUIRED).toContain(q.topic);
    for (const topic of REQUIRED) expect(handbook.questions.some((q) => q.topic === topic)).toBe(true);
  });

  it('matches Russian stems across endings and lets specific topics win ties with the default', () => {
    const c = createClassifier(rules);
    expect(c.classify({ id: 'a', text: 'Какие виды регуляризации бывают?' }).topic).toBe('fundamentals');
    expect(
      c.classify({ id: 'b', text: 'Что такое таргет в задаче детекции и как формируется функция потерь?' }).topic,
    ).toBe('detection');
    expect(c.classify({ id: 'c', text: 'Что такое GIL?' }).topic).toBe('python-sql');
    expect(c.classify({ id: 'd', text: 'Неизвестная тема' }).by).toBe('default');
    expect(c.classify({ id: 'e', text: 'Неизвестная тема', context: 'Трансформеры' }).topic).toBe('transformers');
  });

  it('applies overrides before keywords', () => {
    const c = createClassifier({ ...rules, overrides: { 'gil-python': 'diffusion' } });
    expect(c.classify({ id: 'gil-python', text: 'Что такое GIL в Python?' })).toEqual({
      topic: 'diffusion',
      by: 'override',
    });
  });

  it('rejects a broken topics file with file and line', () => {
    const broken = readFileSync(TOPICS_FILE, 'utf8').replace('default: fundamentals', 'default: nowhere');
    expect(() => loadTopics(broken, 'topics.yaml')).toThrow(DataFileError);
    expect(() => loadTopics(broken, 'topics.yaml')).toThrow(/^topics\.yaml:\d+: default topic "nowhere"/);
    const dup = `default: a\ntopics:\n  - id: a\n    name: {ru: А, en: A}\n    description: {ru: А, en: A}\n    keywords: [x]\n  - id: a\n    name: {ru: А, en: A}\n    description: {ru: А, en: A}\n    keywords: [y]\n`;
    expect(() => loadTopics(dup, 't.yaml')).toThrow('t.yaml:7: duplicate topic id "a"');
    expect(() => loadTopics('topics: [', 't.yaml')).toThrow(/^t\.yaml:1: invalid YAML/);
  });
});
