/**
 * Related questions and "Answered in" (src/ingest/related.ts) on a small fixture vocabulary:
 * symmetric, capped, manual additions and exclusions from content/relations.yaml, and "Answered
 * in" only where the answered question asks what the unanswered one asks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeRelated, formatRelatedStats, idResolver, loadRelations } from '../../src/ingest/related.ts';
import { loadTopics, topicSections } from '../../src/ingest/classify.ts';
import { loadVocabulary } from '../../src/ingest/concepts/vocabulary.ts';
import { profileQuestion, type Profile } from '../../src/ingest/concepts/profile.ts';
import { hasAnswer, type Question } from '../../src/ingest/model.ts';
import { toString } from 'mdast-util-to-string';
import { loadSeedHandbook } from '../helpers/seed-handbook.ts';

const rules = loadTopics(readFileSync('content/topics.yaml', 'utf8'), 'content/topics.yaml');
const FIXTURE = 'tests/fixtures/concepts/small.yaml';
const vocabulary = loadVocabulary(readFileSync(FIXTURE, 'utf8'), FIXTURE, topicSections(rules));
const q = (id: string, title: string, answered: boolean | string = false): Question => ({
  id,
  topic: 't',
  lang: 'en',
  title,
  followUps: [],
  levels: [],
  source: { file: 'f.txt', format: 'question-bank', lines: [1, 1] },
  tags: [],
  ...(answered
    ? {
        answer: {
          short: {
            type: 'root',
            children: [
              { type: 'paragraph', children: [{ type: 'text', value: answered === true ? 'yes' : answered } as const] },
            ],
          },
        },
      }
    : {}),
});

const questions = [
  q('dropout-basics', 'What is dropout?'),
  q('dropout-inference', 'How does dropout work?', true),
  q('bn-basics', 'What is batch normalization?'),
  q('bn-vs-ln', 'Batch normalization vs layer normalization', true),
  q('bn-train', 'Batch normalization during training', true),
  q('map-metric', 'How is mAP computed?'),
  q('nms-map', 'NMS and its effect on mAP', true),
  q('unrelated', 'What is a GIL?'),
  q('adam-basics', 'What is Adam?'),
  q('adam-converge', 'Why can Adam fail to converge?', true),
  q('adam-vs-sgd', 'Adam vs SGD', true),
  q('adam-works', 'Explain Adam in simple terms', true),
  q('roc-scale', 'What happens to ROC-AUC if we multiply all predictions by a number?'),
  q(
    'roc-ranking',
    'ROC-AUC and its ranking interpretation',
    'The chance that a random positive ranks above a negative.',
  ),
  q(
    'roc-order',
    'ROC-AUC under monotonic transformations',
    'Multiplying all predictions by a positive number keeps their order.',
  ),
];
// Filler questions so the shared concepts are rare enough to count.
const filler = Array.from({ length: 30 }, (_, i) => q(`filler-${i}`, `Filler question number ${i}`));
const all = [...questions, ...filler];
const profilesOf = (list: Question[]) =>
  new Map<string, Profile>(
    list.map((x) => [
      x.id,
      profileQuestion(vocabulary, {
        title: [x.title],
        prompt: [],
        followUps: [],
        answer: x.answer?.short ? [toString(x.answer.short)] : [],
      }),
    ]),
  );

describe('computeRelated', () => {
  const result = computeRelated(all, { profiles: profilesOf(all), vocabulary });

  it('sends an unanswered question to an answered one that asks exactly its core concept', () => {
    expect(result.answeredIn.get('dropout-basics')).toEqual(['dropout-inference']);
    expect(result.answeredIn.get('bn-basics')).toEqual(['bn-train']);
  });

  it('never for another aspect: a reason, a comparison with a concept of its kind', () => {
    expect(result.answeredIn.get('adam-basics')).toEqual(['adam-works']);
  });

  it('needs the words of the title that no concept names in the answered question', () => {
    expect(result.answeredIn.get('roc-scale')).toEqual(['roc-order']);
  });

  it('never for a side concept: mAP is not answered by a question about NMS and mAP', () => {
    expect(result.answeredIn.get('map-metric')).toBeUndefined();
    expect(result.related.get('map-metric')).toEqual(['nms-map']);
  });

  it('is symmetric, keeps "Answered in" ids out of the related list, relates nothing unrelated', () => {
    expect(result.related.get('unrelated')).toEqual([]);
    expect(result.related.get('bn-basics')).toEqual(['bn-vs-ln']);
    for (const [id, list] of result.related) {
      for (const other of list) {
        const back = [...(result.related.get(other) ?? []), ...(result.answeredIn.get(other) ?? [])];
        expect(back, `${other} -> ${id}`).toContain(id);
      }
    }
  });

  it('applies manual additions and exclusions (ids or aliases) from relations.yaml', () => {
    const withAlias = all.map((x) => (x.id === 'unrelated' ? { ...x, aliases: ['old-gil'] } : x));
    const manual = loadRelations(
      {
        file: 'content/relations.yaml',
        text: 'add:\n  - [old-gil, bn-basics]\nexclude:\n  - [map-metric, nms-map]\n',
      },
      idResolver(withAlias),
    );
    expect(manual).toEqual({ add: [['unrelated', 'bn-basics']], exclude: [['map-metric', 'nms-map']] });
    const { related } = computeRelated(withAlias, { profiles: profilesOf(withAlias), vocabulary, manual });
    expect(related.get('unrelated')).toEqual(['bn-basics']);
    expect(related.get('bn-basics')).toContain('unrelated');
    expect(related.get('map-metric')).toEqual([]);
  });

  it('rejects unknown and retired ids in relations.yaml with file and line', () => {
    const ids = idResolver(all, ['gone']);
    const load = (text: string) => () => loadRelations({ file: 'content/relations.yaml', text }, ids);
    expect(load('add:\n  - [dropout-basics, bn-basics]\n  - [map-metric,\n     nope]\n')).toThrow(
      'content/relations.yaml:4: unknown question id "nope"',
    );
    expect(load('exclude:\n  - [gone, bn-basics]\n')).toThrow(
      'content/relations.yaml:2: question id "gone" was retired',
    );
    expect(load('add:\n  - [bn-basics, bn-basics]\n')).toThrow('content/relations.yaml:2:');
    expect(load('add:\n  - [map-metric, bn-basics]\nexclude:\n  - [bn-basics, map-metric]\n')).toThrow(
      /both added and excluded/,
    );
    expect(load('also: []\n')).toThrow('content/relations.yaml:1:');
  });
});

describe('computeRelated on concepts shared by many questions', () => {
  // 1,000 questions, each about one of four concepts (250 each): far more than the candidates per question.
  const titles = ['dropout', 'batch normalization', 'window function', 'NMS'];
  const many = Array.from({ length: 1000 }, (_, i) => q(`q-${i}`, `Question ${i} about ${titles[i % 4]}`, i % 8 < 4));

  it('stays symmetric and capped, and links only questions about the same concept', () => {
    const { related, answeredIn } = computeRelated(many, { profiles: profilesOf(many), vocabulary });
    for (const [id, list] of related) {
      expect(list.length).toBeLessThanOrEqual(6);
      for (const other of [...list, ...(answeredIn.get(id) ?? [])]) {
        expect(Number(other.slice(2)) % 4).toBe(Number(id.slice(2)) % 4);
      }
    }
    expect(answeredIn.size).toBeGreaterThan(0);
  });
});

describe('related questions of the shipped handbook', () => {
  const handbook = loadSeedHandbook();
  const byId = new Map(handbook.questions.map((x) => [x.id, x]));

  it('are symmetric, capped at 6 (plus manual additions) and never self-links', () => {
    for (const question of handbook.questions) {
      const list = question.related ?? [];
      expect(list).not.toContain(question.id);
      expect(new Set(list).size).toBe(list.length);
      expect(list.length).toBeLessThanOrEqual(8);
      for (const other of list) {
        const back = [...(byId.get(other)!.related ?? []), ...(byId.get(other)!.answeredIn ?? [])];
        expect(back).toContain(question.id);
      }
    }
  });

  it('follow content/relations.yaml', () => {
    expect(byId.get('dropout')!.related).toContain('dropout-2');
    expect(byId.get('batchnorm-obuchenii-inferense-multi-gpu')!.related).not.toContain('proverit-normalnost-vyborki');
  });

  it('send answered-in links only to answered questions (figure printed)', () => {
    console.log(formatRelatedStats(handbook.relatedStats!));
    for (const x of handbook.questions) {
      for (const id of x.answeredIn ?? []) {
        expect(hasAnswer(x)).toBe(false);
        expect(hasAnswer(byId.get(id)!)).toBe(true);
      }
    }
  });
});
