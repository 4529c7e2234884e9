/**
 * Related questions (src/ingest/related.ts): symmetric, capped, ranked, manual additions and
 * exclusions from content/relations.yaml, and how many unanswered questions gain a link to an
 * answered one (printed).
 */
import { describe, expect, it } from 'vitest';
import {
  computeRelated,
  formatRelatedStats,
  idResolver,
  loadRelations,
  questionConcepts,
} from '../../src/ingest/related.ts';
import { hasAnswer, type Question } from '../../src/ingest/model.ts';
import { loadSeedHandbook } from '../helpers/seed-handbook.ts';

const q = (id: string, title: string, answered = false): Question => ({
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
          short: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'yes' }] }] },
        },
      }
    : {}),
});

const glossary = {
  terms: [
    { ru: 'дропаут', en: 'dropout', ruAlt: [], enAlt: [] },
    { ru: 'батч-нормализация', en: 'batch normalization', ruAlt: ['batchnorm'], enAlt: ['batchnorm', 'bn'] },
    { ru: 'переобучение', en: 'overfitting', ruAlt: [], enAlt: ['overfit'] },
    { ru: 'модель', en: 'model', ruAlt: [], enAlt: [] },
  ],
};

const questions = [
  q('dropout-basics', 'What is dropout?'),
  q('dropout-inference', 'How does dropout behave at inference?', true),
  q('bn-basics', 'What is BN and batchnorm in a model?'),
  q('bn-train', 'Batch normalization during training', true),
  q('overfit', 'How to fight overfitting with dropout?'),
  q('unrelated', 'What is a GIL?'),
];
// Filler questions so the shared terms are rare enough to count.
const filler = Array.from({ length: 30 }, (_, i) => q(`filler-${i}`, `Filler question number ${i}`));
const all = [...questions, ...filler];

describe('computeRelated', () => {
  it('relates questions that share glossary terms, symmetrically, answered first for unanswered ones', () => {
    const { related } = computeRelated(all, { concepts: questionConcepts(all, glossary) });
    expect(related.get('dropout-basics')).toEqual(['dropout-inference', 'overfit']);
    expect(related.get('bn-basics')).toEqual(['bn-train']);
    expect(related.get('unrelated')).toEqual([]);
    for (const [id, list] of related) for (const other of list) expect(related.get(other)).toContain(id);
  });

  it('applies manual additions and exclusions (ids or aliases) from relations.yaml', () => {
    const withAlias = all.map((x) => (x.id === 'unrelated' ? { ...x, aliases: ['old-gil'] } : x));
    const manual = loadRelations(
      {
        file: 'content/relations.yaml',
        text: 'add:\n  - [old-gil, bn-basics]\nexclude:\n  - [dropout-basics, overfit]\n',
      },
      idResolver(withAlias),
    );
    expect(manual).toEqual({ add: [['unrelated', 'bn-basics']], exclude: [['dropout-basics', 'overfit']] });
    const { related } = computeRelated(withAlias, { concepts: questionConcepts(withAlias, glossary), manual });
    expect(related.get('unrelated')).toEqual(['bn-basics']);
    expect(related.get('bn-basics')).toContain('unrelated');
    expect(related.get('dropout-basics')).not.toContain('overfit');
    expect(related.get('overfit')).not.toContain('dropout-basics');
  });

  it('rejects unknown and retired ids in relations.yaml with file and line', () => {
    const ids = idResolver(all, ['gone']);
    const load = (text: string) => () => loadRelations({ file: 'content/relations.yaml', text }, ids);
    expect(load('add:\n  - [dropout-basics, bn-basics]\n  - [overfit,\n     nope]\n')).toThrow(
      'content/relations.yaml:4: unknown question id "nope"',
    );
    expect(load('exclude:\n  - [gone, overfit]\n')).toThrow('content/relations.yaml:2: question id "gone" was retired');
    expect(load('add:\n  - [overfit, overfit]\n')).toThrow('content/relations.yaml:2:');
    expect(load('add:\n  - [overfit, bn-basics]\nexclude:\n  - [bn-basics, overfit]\n')).toThrow(
      /both added and excluded/,
    );
    expect(load('also: []\n')).toThrow('content/relations.yaml:1:');
  });
});

describe('computeRelated on concepts shared by many questions', () => {
  // 1,000 questions, 12 terms each named by ~83 of them (over the all-pairs limit, under 10%).
  const names = [
    'alpha',
    'bravo',
    'charlie',
    'delta',
    'echo',
    'foxtrot',
    'golf',
    'hotel',
    'india',
    'juliett',
    'kilo',
    'lima',
  ];
  const terms = { terms: names.map((en) => ({ ru: `${en}ru`, en, ruAlt: [], enAlt: [] })) };
  const many = Array.from({ length: 1000 }, (_, i) =>
    q(`q-${i}`, `Question ${i} about ${names[i % 12]}`, Math.floor(i / 12) % 2 === 0),
  );

  it('stays symmetric and capped, and links every unanswered question to an answered one', () => {
    const { related, stats } = computeRelated(many, { concepts: questionConcepts(many, terms) });
    const byId = new Map(many.map((x) => [x.id, x]));
    for (const [id, list] of related) {
      expect(list.length).toBeLessThanOrEqual(6);
      expect(list.length).toBeGreaterThan(0);
      for (const other of list) {
        expect(related.get(other)).toContain(id);
        expect(Number(other.slice(2)) % 12).toBe(Number(id.slice(2)) % 12);
      }
      if (!hasAnswer(byId.get(id)!)) expect(hasAnswer(byId.get(list[0])!)).toBe(true);
    }
    expect(stats.unansweredLinked).toBe(stats.unanswered);
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
      for (const other of list) expect(byId.get(other)!.related).toContain(question.id);
    }
  });

  it('follow content/relations.yaml', () => {
    expect(byId.get('dropout')!.related).toEqual(
      expect.arrayContaining(['dropout-2', 'dropout-behaves-during-training-inference']),
    );
    expect(byId.get('batchnorm-obuchenii-inferense-multi-gpu')!.related).not.toContain('proverit-normalnost-vyborki');
  });

  it('give unanswered questions links to answered ones (figure printed)', () => {
    const stats = handbook.relatedStats!;
    console.log(formatRelatedStats(stats));
    const unanswered = handbook.questions.filter((x) => !hasAnswer(x));
    const linked = unanswered.filter((x) => (x.related ?? []).some((id) => hasAnswer(byId.get(id)!)));
    expect(stats.unanswered).toBe(unanswered.length);
    expect(stats.unansweredLinked).toBe(linked.length);
    expect(linked.length).toBeGreaterThanOrEqual(60);
    // Answered related questions come first for an unanswered question.
    for (const x of linked) expect(hasAnswer(byId.get(x.related![0])!)).toBe(true);
  });
});
