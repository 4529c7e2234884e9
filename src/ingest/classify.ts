/**
 * Topic classification by the keyword rules and overrides of content/topics.yaml.
 */
import { z } from 'zod';
import { Topic } from './model.ts';
import { DataFileError, parseDataFile } from './data-file.ts';
import { wordStartMatcher } from './words.ts';

export const TopicsFile = z.object({
  default: z.string(),
  topics: z.array(Topic).min(1),
  overrides: z.record(z.string(), z.string()).default({}),
});
export type TopicsFile = z.infer<typeof TopicsFile>;

/** Reads and checks topics.yaml: unique ids, a known default, overrides naming known topics. */
export function loadTopics(text: string, file: string): TopicsFile & { lineOf: (path: readonly PropertyKey[]) => number } {
  const { value, lineOf } = parseDataFile(text, file, TopicsFile);
  const ids = new Set<string>();
  value.topics.forEach((topic, i) => {
    if (ids.has(topic.id)) throw new DataFileError(file, lineOf(['topics', i, 'id']), `duplicate topic id "${topic.id}"`);
    ids.add(topic.id);
  });
  if (!ids.has(value.default)) throw new DataFileError(file, lineOf(['default']), `default topic "${value.default}" is not defined`);
  for (const [id, topic] of Object.entries(value.overrides)) {
    if (!ids.has(topic)) throw new DataFileError(file, lineOf(['overrides', id]), `override for "${id}" names unknown topic "${topic}"`);
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

/**
 * Compiles a keyword into a test on lower-case text, anchored at a word start (so Russian stems
 * match all endings): `(?<![\p{L}\p{N}])keyword`, see words.ts wordStartMatcher.
 */
function keywordMatcher(keyword: string): (lower: string) => boolean {
  return wordStartMatcher(keyword.toLowerCase());
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
  const compiled = rules.topics.map((t) => ({ id: t.id, matchers: t.keywords.map(keywordMatcher) }));

  /** Number of `matchers` that match lower-case `lower`. */
  const count = (matchers: readonly ((lower: string) => boolean)[], lower: string) => {
    let n = 0;
    for (const matches of matchers) if (matches(lower)) n++;
    return n;
  };

  function scores(text: string): Map<string, number> {
    const lower = text.toLowerCase();
    return new Map(compiled.map((t) => [t.id, count(t.matchers, lower)]));
  }

  /**
   * Highest-scoring topic; undefined when nothing matched. Ties go to the topic listed first,
   * except that the default (catch-all) topic loses every tie to a more specific one.
   */
  function best(text: string): string | undefined {
    const lower = text.toLowerCase();
    let winner: string | undefined;
    let top = 0;
    for (const { id, matchers } of compiled) {
      const score = count(matchers, lower);
      if (score > top || (score === top && score > 0 && winner === rules.default)) [winner, top] = [id, score];
    }
    return winner;
  }

  const subtopics = new Map(
    rules.topics.map((t) => [t.id, t.subtopics.map((sub) => ({ sub, matchers: sub.keywords.map(keywordMatcher) }))]),
  );

  return {
    scores,
    subtopic(topic, text) {
      const lower = text.toLowerCase();
      let winner: Topic['subtopics'][number] | undefined;
      let top = 0;
      for (const { sub, matchers } of subtopics.get(topic) ?? []) {
        const score = count(matchers, lower);
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
