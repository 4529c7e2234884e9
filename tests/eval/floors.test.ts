/**
 * Judgment floors on the labelled sets (tools/eval/): topics of questions from files the
 * vocabulary was not written from, and "Answered in" / related links on the seed sources without
 * answer overlays. Floors sit a little below the figures of EVAL.md (development and held-out),
 * so that a change of the vocabulary or the rules that makes them worse fails here.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreTopics } from '../../tools/eval/topics.ts';
import { scoreLinks } from '../../tools/eval/links.ts';
import { pipelineInput, ROOT } from '../helpers/seed-handbook.ts';

export const FLOORS = {
  topics: { dev: 0.9, heldOut: 0.87 },
  answeredIn: { precision: 0.9, recall: 0.6 },
  related: { precision: 0.65 },
};

const input = pipelineInput();

describe('judgment floors', () => {
  it('places questions from unseen files in the right topic', () => {
    const dev = scoreTopics(join(ROOT, 'tests/eval/topics/dev'), input);
    const test = scoreTopics(join(ROOT, 'tests/eval/topics/test'), input);
    expect(dev.questions).toBeGreaterThanOrEqual(80);
    expect(test.questions).toBeGreaterThanOrEqual(120);
    expect(dev.accuracy).toBeGreaterThanOrEqual(FLOORS.topics.dev);
    expect(test.accuracy).toBeGreaterThanOrEqual(FLOORS.topics.heldOut);
  });

  it('links "Answered in" and related questions as labelled', () => {
    const scores = scoreLinks(input, join(ROOT, 'tests/eval/links.yaml'));
    const all = (f: (s: (typeof scores)['dev']) => number) => f(scores.dev) + f(scores['held-out']);
    const precision = all((s) => s.answeredIn.correct) / all((s) => s.answeredIn.links);
    const recall = all((s) => s.answeredIn.found) / all((s) => s.answeredIn.labelled);
    expect(precision).toBeGreaterThanOrEqual(FLOORS.answeredIn.precision);
    expect(recall).toBeGreaterThanOrEqual(FLOORS.answeredIn.recall);
    expect(all((s) => s.related.correct) / all((s) => s.related.links)).toBeGreaterThanOrEqual(FLOORS.related.precision);
  });
});
