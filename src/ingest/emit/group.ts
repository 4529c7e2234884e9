/**
 * Grouping of a topic's questions into `## subtopic` sections.
 */
import type { Question } from '../model.ts';

/** A run of questions shown under one `##` heading. */
export interface QuestionGroup {
  name: string;
  questions: Question[];
}

/**
 * Name of the section a question belongs to: its subtopic, else its source title, else its
 * source file name.
 */
export function groupName(question: Question): string {
  return question.subtopic?.trim() || question.source.title?.trim() || question.source.file;
}

/**
 * Group questions by {@link groupName}; groups named in `order` (the topic's curated subtopics)
 * come first, in that order, the others follow by first appearance; each group keeps the input
 * order of its questions.
 */
export function groupQuestions(questions: readonly Question[], order: readonly string[] = []): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  for (const question of questions) {
    const name = groupName(question);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { name, questions: [] }));
    group.questions.push(question);
  }
  const rank = (name: string) => {
    const at = order.indexOf(name);
    return at === -1 ? order.length : at;
  };
  return [...groups.values()]
    .map((group, i) => ({ group, i }))
    .sort((a, b) => rank(a.group.name) - rank(b.group.name) || a.i - b.i)
    .map(({ group }) => group);
}

/**
 * Split an ordered question list into runs of consecutive questions with the same group name
 * (used after pagination, where a group may continue on the next page).
 */
export function consecutiveGroups(questions: readonly Question[]): QuestionGroup[] {
  const runs: QuestionGroup[] = [];
  for (const question of questions) {
    const name = groupName(question);
    const last = runs.at(-1);
    if (last && last.name === name) last.questions.push(question);
    else runs.push({ name, questions: [question] });
  }
  return runs;
}
