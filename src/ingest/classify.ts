/**
 * Topic and page section of a question, from the concepts it names (content/concepts.yaml):
 * every concept votes for its own topic with its strength in the question (profile.ts: title >
 * prompt > follow-ups > answer). Overrides of content/topics.yaml pin single questions by id.
 */
import { z } from 'zod';
import { Topic } from './model.ts';
import { DataFileError, parseDataFile } from './data-file.ts';
import type { Profile } from './concepts/profile.ts';
import type { TopicSections, Vocabulary } from './concepts/vocabulary.ts';
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

/** The sections of every topic (for checking concepts.yaml). */
export function topicSections(rules: TopicsFile): TopicSections {
  return new Map(rules.topics.map((t) => [t.id, new Set(t.subtopics.map((s) => s.id))]));
}

export interface Placement {
  topic: string;
  /** Section id of the topic; absent when no concept of the topic names one. */
  section?: string;
  /** How the topic was chosen. */
  by: 'override' | 'concepts' | 'context' | 'default';
}

/** The key with the most votes; ties go to the first in `order`, except that `loser` loses ties. */
function topVoted(votes: Map<string, number>, order: readonly string[], loser?: string): string | undefined {
  let winner: string | undefined;
  let top = 0;
  for (const id of order) {
    const v = votes.get(id) ?? 0;
    if (v > top || (v === top && v > 0 && winner === loser)) [winner, top] = [id, v];
  }
  return winner;
}

/** Votes of concept hits by a key of their concept. */
function votes(
  vocabulary: Vocabulary,
  hits: Iterable<{ concept: number; strength: number }>,
  key: (c: number) => string | undefined,
) {
  const out = new Map<string, number>();
  for (const { concept, strength } of hits) {
    const k = key(concept);
    if (k !== undefined) out.set(k, (out.get(k) ?? 0) + strength);
  }
  return out;
}

/**
 * Places a question: an override by id, else the topic its concepts vote for, else the topic
 * the concepts of its source section heading (`context`) vote for, else the default topic.
 * The section is the one of the chosen topic that its concepts name most.
 *
 * @example place(profileOf('Как работает NMS?'), vocab, rules, { id: 'nms' }) // { topic: 'detection', section: 'anchors-nms', by: 'concepts' }
 */
export function place(
  profile: Profile,
  vocabulary: Vocabulary,
  rules: TopicsFile,
  options: { id: string; context?: Profile; useOverrides?: boolean },
): Placement {
  const order = rules.topics.map((t) => t.id);
  const topicOf = (c: number) => vocabulary.concepts[c].topic;
  let topic: string | undefined = options.useOverrides === false ? undefined : rules.overrides[options.id];
  let by: Placement['by'] = 'override';
  if (!topic)
    [topic, by] = [topVoted(votes(vocabulary, profile.hits.values(), topicOf), order, rules.default), 'concepts'];
  if (!topic && options.context) {
    [topic, by] = [
      topVoted(votes(vocabulary, options.context.hits.values(), topicOf), order, rules.default),
      'context',
    ];
  }
  if (!topic) [topic, by] = [rules.default, 'default'];
  const sections = rules.topics.find((t) => t.id === topic)?.subtopics.map((s) => s.id) ?? [];
  const bySection = votes(vocabulary, profile.hits.values(), (c) =>
    topicOf(c) === topic ? vocabulary.concepts[c].section : undefined,
  );
  return { topic, section: topVoted(bySection, sections), by };
}
