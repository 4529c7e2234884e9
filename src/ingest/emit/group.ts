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
 * Group questions by {@link groupName}; groups are ordered by first appearance and keep the
 * input order inside each group.
 */
export function groupQuestions(questions: readonly Question[]): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  for (const question of questions) {
    const name = groupName(question);
    let group = groups.get(name);
    if (!group) groups.set(name, (group = { name, questions: [] }));
    group.questions.push(question);
  }
  return [...groups.values()];
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
