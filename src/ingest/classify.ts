/**
 * Topic classification by the keyword rules and overrides of content/topics.yaml.
 */
import { z } from 'zod';
import { Topic } from './model.ts';
import { DataFileError, parseDataFile } from './data-file.ts';
import { wordStartScanner } from './words.ts';

export const TopicsFile = z.object({
  default: z.string(),
  topics: z.array(Topic).min(1),
  overrides: z.record(z.string(), z.string()).default({}),
});
export type TopicsFile = z.infer<typeof TopicsFile>;

/** Reads and checks topics.yaml: unique ids, a known default, overrides naming known topics. */
export function loadTopics(
  text: string,
  file: string,
): TopicsFile & { lineOf: (path: readonly PropertyKey[]) => number } {
  const { value, lineOf } = parseDataFile(text, file, TopicsFile);
  const ids = new Set<string>();
  value.topics.forEach((topic, i) => {
    if (ids.has(topic.id))
      throw new DataFileError(file, lineOf(['topics', i, 'id']), `duplicate topic id "${topic.id}"`);
    ids.add(topic.id);
  });
  if (!ids.has(value.default))
    throw new DataFileError(file, lineOf(['default']), `default topic "${value.default}" is not defined`);
  for (const [id, topic] of Object.entries(value.overrides)) {
    if (!ids.has(topic))
      throw new DataFileError(file, lineOf(['overrides', id]), `override for "${id}" names unknown topic "${topic}"`);
  }
  return { ...value, lineOf };
}

/** What a question offers the classifier, strongest signal first. */
export interface ClassifyInput {
  id: string;
  /** Title and prompt text. */
  text: string;
  /** Weaker context: section heading, follow-ups. */
  context?: string;
}

export interface Classification {
  topic: string;
  /** How the topic was chosen. */
  by: 'override' | 'keywords' | 'context' | 'default';
}

export interface Classifier {
  classify(input: ClassifyInput, options?: { useOverrides?: boolean }): Classification;
  /** The subtopic of `topic` whose keywords match `text` most (first listed wins ties), if any. */
  subtopic(topic: string, text: string): Topic['subtopics'][number] | undefined;
  /** Number of keywords of each topic that match `text`. */
  scores(text: string): Map<string, number>;
}

/** Builds a classifier from a loaded topics file. */
export function createClassifier(rules: TopicsFile): Classifier {
  // Every keyword (topics and subtopics), lower-case, found at word starts (so Russian stems
  // match all endings: `(?<![\p{L}\p{N}])keyword`) by one scan per text (words.ts).
  const needles: string[] = [];
  const needleIndex = new Map<string, number>();
  const needle = (keyword: string) => {
    const lower = keyword.toLowerCase();
    let k = needleIndex.get(lower);
    if (k === undefined) {
      k = needles.push(lower) - 1;
      needleIndex.set(lower, k);
    }
    return k;
  };
  const compiled = rules.topics.map((t) => ({ id: t.id, matchers: t.keywords.map(needle) }));
  const subtopics = new Map(
    rules.topics.map((t) => [t.id, t.subtopics.map((sub) => ({ sub, matchers: sub.keywords.map(needle) }))]),
  );
  const scan = wordStartScanner(needles);
  // The last text scanned: the pipeline asks for a question's topic, then its subtopic.
  let last: { text: string; found: boolean[] } | undefined;
  const found = (text: string) => {
    if (last?.text !== text) last = { text, found: scan(text.toLowerCase()) };
    return last.found;
  };
  /** Number of `matchers` (needle indexes) found. */
  const count = (matchers: readonly number[], hits: readonly boolean[]) => {
    let n = 0;
    for (const k of matchers) if (hits[k]) n++;
    return n;
  };

  function scores(text: string): Map<string, number> {
    const hits = found(text);
    return new Map(compiled.map((t) => [t.id, count(t.matchers, hits)]));
  }

  /**
   * Highest-scoring topic; undefined when nothing matched. Ties go to the topic listed first,
   * except that the default (catch-all) topic loses every tie to a more specific one.
   */
  function best(text: string): string | undefined {
    const hits = found(text);
    let winner: string | undefined;
    let top = 0;
    for (const { id, matchers } of compiled) {
      const score = count(matchers, hits);
      if (score > top || (score === top && score > 0 && winner === rules.default)) [winner, top] = [id, score];
    }
    return winner;
  }

  return {
    scores,
    subtopic(topic, text) {
      const hits = found(text);
      let winner: Topic['subtopics'][number] | undefined;
      let top = 0;
      for (const { sub, matchers } of subtopics.get(topic) ?? []) {
        const score = count(matchers, hits);
        if (score > top) [winner, top] = [sub, score];
      }
      return winner;
    },
    classify(input, { useOverrides = true } = {}) {
      const pinned = useOverrides ? rules.overrides[input.id] : undefined;
      if (pinned) return { topic: pinned, by: 'override' };
      const byText = best(input.text);
      if (byText) return { topic: byText, by: 'keywords' };
      const byContext = input.context ? best(input.context) : undefined;
      if (byContext) return { topic: byContext, by: 'context' };
      return { topic: rules.default, by: 'default' };
    },
  };
}
