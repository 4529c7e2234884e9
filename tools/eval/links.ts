/**
 * "Answered in" and related-question quality on the seed sources, measured without answer
 * overlays (content/answers/), so it stays measurable when every question has an answer of its
 * own. tests/eval/links.yaml labels every unanswered seed question: the answered questions that
 * really answer it, and the questions a candidate would want beside it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDataFile } from '../../src/ingest/data-file.ts';
import { runPipeline, type PipelineInput } from '../../src/ingest/pipeline.ts';
import { splitOf, type Split } from './split.ts';

const Labels = z
  .object({
    questions: z
      .array(z.object({ id: z.string(), answeredIn: z.array(z.string()), related: z.array(z.string()) }).strict())
      .min(1),
  })
  .strict();

export interface LinkScore {
  /** Labelled questions of this split. */
  questions: number;
  answeredIn: { links: number; correct: number; precision: number; labelled: number; found: number; recall: number };
  related: { links: number; correct: number; precision: number; labelled: number; found: number; recall: number };
  /** Wrong links, for --verbose. */
  wrong: string[];
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Scores the links the pipeline computes for `input` (its answers are ignored) against the labels. */
export function scoreLinks(input: PipelineInput, labelsFile: string): Record<Split, LinkScore> {
  const { value } = parseDataFile(readFileSync(labelsFile, 'utf8'), labelsFile, Labels);
  const { handbook } = runPipeline({ ...input, answers: [], relations: undefined });
  const byId = new Map(handbook.questions.map((q) => [q.id, q]));
  // Relations are symmetric, labels are ranked lists of at most six: a related link a–b is right
  // when either question's label lists the other.
  const relatedLabel = new Map<string, Set<string>>();
  const addLabel = (a: string, b: string) => relatedLabel.set(a, (relatedLabel.get(a) ?? new Set()).add(b));
  for (const l of value.questions) {
    for (const id of [...l.related, ...l.answeredIn]) {
      addLabel(l.id, id);
      addLabel(id, l.id);
    }
  }
  const out = {} as Record<Split, LinkScore>;
  for (const split of ['dev', 'held-out'] as const) {
    const labels = value.questions.filter((l) => splitOf(l.id) === split);
    const s: LinkScore = {
      questions: labels.length,
      answeredIn: { links: 0, correct: 0, precision: 0, labelled: 0, found: 0, recall: 0 },
      related: { links: 0, correct: 0, precision: 0, labelled: 0, found: 0, recall: 0 },
      wrong: [],
    };
    for (const label of labels) {
      const q = byId.get(label.id);
      if (!q) throw new Error(`${labelsFile}: unknown question id "${label.id}"`);
      const answeredIn = q.answeredIn ?? [];
      s.answeredIn.links += answeredIn.length;
      const rightAnswers = answeredIn.filter((id) => label.answeredIn.includes(id));
      s.answeredIn.correct += rightAnswers.length;
      for (const id of answeredIn) if (!label.answeredIn.includes(id)) s.wrong.push(`answered in: ${q.id} -> ${id}`);
      if (label.answeredIn.length > 0) {
        s.answeredIn.labelled++;
        if (rightAnswers.length > 0) s.answeredIn.found++;
      }
      const good = relatedLabel.get(label.id) ?? new Set<string>();
      const related = q.related ?? [];
      s.related.links += related.length;
      s.related.correct += related.filter((id) => good.has(id)).length;
      for (const id of related) if (!good.has(id)) s.wrong.push(`related: ${q.id} -> ${id}`);
      s.related.labelled += label.related.length;
      s.related.found += label.related.filter((id) => related.includes(id) || answeredIn.includes(id)).length;
    }
    for (const m of [s.answeredIn, s.related]) {
      m.precision = ratio(m.correct, m.links);
      m.recall = ratio(m.found, m.labelled);
    }
    out[split] = s;
  }
  return out;
}
