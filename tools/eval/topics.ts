/**
 * Topic accuracy on labelled question files that the vocabulary was not written from
 * (tests/eval/topics/<dev|test>/): each `<name>.txt` is a source in one of the handbook's formats,
 * `<name>.labels.yaml` gives the expected topic of each question by a unique substring of its text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { z } from 'zod';
import { parseDataFile } from '../../src/ingest/data-file.ts';
import { runPipeline, type PipelineInput } from '../../src/ingest/pipeline.ts';

const Labels = z
  .object({
    questions: z.array(z.object({ contains: z.string().min(1), topic: z.string().min(1) }).strict()).min(1),
  })
  .strict();

export interface TopicMiss {
  file: string;
  title: string;
  expected: string;
  got: string;
}

export interface TopicScore {
  questions: number;
  correct: number;
  accuracy: number;
  misses: TopicMiss[];
}

/**
 * Places the questions of every labelled file in `dir` with the given data files (topics and
 * concepts) and compares with the labels. A label matching no question, or several, is an error.
 */
export function scoreTopics(dir: string, data: Pick<PipelineInput, 'topics' | 'slugs' | 'concepts'>): TopicScore {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const { handbook } = runPipeline({
    topics: data.topics,
    slugs: data.slugs,
    concepts: data.concepts,
    sources: files.map((file) => ({ file, bytes: readFileSync(join(dir, file)) })),
  });
  let correct = 0;
  const misses: TopicMiss[] = [];
  let total = 0;
  for (const file of files) {
    const labelsFile = join(dir, file.replace(/\.txt$/, '.labels.yaml'));
    const { value } = parseDataFile(readFileSync(labelsFile, 'utf8'), labelsFile, Labels);
    const questions = handbook.questions
      .filter((q) => q.source.file === file)
      .map((q) => ({ q, text: `${q.title}\n${q.prompt ? toString(q.prompt) : ''}`.toLowerCase() }));
    for (const label of value.questions) {
      const found = questions.filter((x) => x.text.includes(label.contains.toLowerCase()));
      if (found.length !== 1) {
        throw new Error(`${labelsFile}: "${label.contains}" matches ${found.length} questions of ${file}`);
      }
      total++;
      const { q } = found[0];
      if (q.topic === label.topic) correct++;
      else misses.push({ file, title: q.title, expected: label.topic, got: q.topic });
    }
  }
  return { questions: total, correct, accuracy: total ? correct / total : 0, misses };
}
