/**
 * Prep plans: content/plans/<plan-id>.yaml, an ordered list of sections of questions.
 *
 *   title: { ru: …, en: … }
 *   description: { ru: …, en: … }
 *   minutes: 45                  # optional time budget; the plan's questions must fit into it
 *   order: 10                    # optional position in the plan list (then by id)
 *   followUps: true              # optional: show every question's follow-ups
 *   sections:
 *     - title: { ru: …, en: … }
 *       questions: [id, alias, …]          # explicit ids (aliases are accepted)
 *     - title: { ru: …, en: … }
 *       from:                               # or a selector over the handbook, in handbook order
 *         source: interview-outline.txt     #   file name (or list) in content/sources/
 *         format: practice-page             #   source format
 *         topic: transformers
 *         level: junior                     #   listed for this level in the source's level table
 *         withMinutes: true                 #   its source gives its minutes (not an estimate)
 *         budget: 45                        #   take questions while their minutes fit
 *         answered: true
 *         limit: 10
 *         followUps: true                   #   show follow-ups for this section
 *
 * A plan whose selectors all pick one level of one outline source is that level's plan
 * (`level`): its page shows what the outline says about the level (src/ingest/levels.ts) and
 * whether its minutes fit the level's time range. Minutes are the questions' minutes, estimates
 * included (`budget` works on them too).
 *
 * Validation names file and line: unknown or retired ids, selectors that match nothing,
 * a question listed twice, a plan over its time budget.
 */
import { z } from 'zod';
import { DataFileError, parseDataFile, type DataText } from './data-file.ts';
import { FormatId, hasAnswer, ID_PATTERN, Level, Localized, type Question } from './model.ts';
import { idResolver, unknownIdReason } from './related.ts';
import type { OutlineGuide } from './levels.ts';

const Selector = z.strictObject({
  source: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  format: FormatId.optional(),
  topic: z.string().min(1).optional(),
  level: Level.optional(),
  withMinutes: z.boolean().optional(),
  answered: z.boolean().optional(),
  budget: z.number().int().positive().optional(),
  limit: z.number().int().positive().optional(),
  followUps: z.boolean().optional(),
});
export type PlanSelector = z.infer<typeof Selector>;

const Section = z.strictObject({
  title: Localized,
  questions: z.array(z.string().min(1)).min(1).optional(),
  from: Selector.optional(),
  followUps: z.boolean().optional(),
});

const PlanFile = z.strictObject({
  title: Localized,
  description: Localized,
  minutes: z.number().int().positive().optional(),
  order: z.number().optional(),
  followUps: z.boolean().optional(),
  sections: z.array(Section).min(1),
});

/** A question of a plan. */
export interface PlanItem {
  id: string;
  /** Show the question's follow-ups in the plan. */
  followUps: boolean;
}

/** A validated plan with every selector resolved to question ids. */
export interface Plan {
  /** File name without `.yaml`; the page slug (`/plans/<id>/`) and the progress storage key. */
  id: string;
  file: string;
  order: number;
  title: Localized;
  description: Localized;
  /** Time budget, when the plan has one. */
  minutes?: number;
  /** Sum of the questions' minutes (questions without an estimate count 0). */
  totalMinutes: number;
  sections: { title: Localized; items: PlanItem[] }[];
  /** The outline level the plan is made of, when it is one level's plan. */
  level?: { level: Level; source: string; minutes?: [number, number] };
}

/** Page names under /plans/ that are not plans (the mock-interview and custom plan pages). */
export const RESERVED_PLAN_IDS = ['mock', 'custom', 'pool'] as const;

/** Questions a selector picks, in handbook order. */
export function selectQuestions(questions: readonly Question[], selector: PlanSelector): Question[] {
  const sources = selector.source === undefined ? undefined : new Set([selector.source].flat());
  let picked = questions.filter(
    (q) =>
      (!sources || sources.has(q.source.file)) &&
      (!selector.format || q.source.format === selector.format) &&
      (!selector.topic || q.topic === selector.topic) &&
      (!selector.level || q.levels.includes(selector.level)) &&
      (selector.withMinutes === undefined ||
        (q.minutes !== undefined && !q.minutesEstimated) === selector.withMinutes) &&
      (selector.answered === undefined || hasAnswer(q) === selector.answered),
  );
  if (selector.budget !== undefined) {
    let left = selector.budget;
    picked = picked.filter((q) => {
      const minutes = q.minutes ?? 0;
      if (minutes > left) return false;
      left -= minutes;
      return true;
    });
  }
  if (selector.limit !== undefined) picked = picked.slice(0, selector.limit);
  return picked;
}

/**
 * Validates and resolves one plan file.
 * @param file Path for error messages (e.g. `content/plans/junior.yaml`); its base name is the plan id.
 */
export function loadPlan(
  data: DataText,
  questions: readonly Question[],
  retiredIds: readonly string[] = [],
  guides: readonly OutlineGuide[] = [],
): Plan {
  const id = data.file
    .split('/')
    .pop()!
    .replace(/\.ya?ml$/, '');
  if (!ID_PATTERN.test(id)) {
    throw new DataFileError(data.file, 1, `plan file name "${id}" must be lower-case letters, digits and dashes`);
  }
  if ((RESERVED_PLAN_IDS as readonly string[]).includes(id)) {
    throw new DataFileError(data.file, 1, `plan id "${id}" is taken by the page /plans/${id}/: rename the file`);
  }
  const { value, lineOf } = parseDataFile(data.text, data.file, PlanFile);
  const ids = idResolver(questions, retiredIds);
  const byId = new Map(questions.map((q) => [q.id, q]));
  const files = new Set(questions.map((q) => q.source.file));
  const topics = new Set(questions.map((q) => q.topic));
  const seen = new Map<string, number>();
  const fail = (path: PropertyKey[], reason: string): never => {
    throw new DataFileError(data.file, lineOf(path), reason);
  };

  const sections = value.sections.map((section, s) => {
    if ((section.questions === undefined) === (section.from === undefined)) {
      fail(['sections', s], 'a section needs either `questions` (a list of ids) or `from` (a selector), not both');
    }
    const followUps = section.followUps ?? section.from?.followUps ?? value.followUps ?? false;
    let picked: { id: string; path: PropertyKey[] }[];
    if (section.questions) {
      picked = section.questions.map((raw, i) => {
        const path = ['sections', s, 'questions', i];
        const current = ids.resolve(raw);
        if (!current) fail(path, unknownIdReason(raw, ids));
        return { id: current!, path };
      });
    } else {
      const selector = section.from!;
      for (const file of [selector.source ?? []].flat()) {
        if (!files.has(file)) fail(['sections', s, 'from', 'source'], `unknown source file "${file}"`);
      }
      if (selector.topic && !topics.has(selector.topic))
        fail(['sections', s, 'from', 'topic'], `unknown topic "${selector.topic}"`);
      picked = selectQuestions(questions, selector).map((q) => ({ id: q.id, path: ['sections', s, 'from'] }));
      if (picked.length === 0) fail(['sections', s, 'from'], 'the selector matches no question');
    }
    const items = picked.map(({ id: qid, path }) => {
      if (seen.has(qid)) fail(path, `question "${qid}" is already in section ${seen.get(qid)! + 1} of this plan`);
      seen.set(qid, s);
      return { id: qid, followUps };
    });
    return { title: section.title, items };
  });

  const totalMinutes = sections.reduce(
    (sum, section) => sum + section.items.reduce((n, item) => n + (byId.get(item.id)!.minutes ?? 0), 0),
    0,
  );
  if (value.minutes !== undefined && totalMinutes > value.minutes) {
    fail(['minutes'], `the plan's questions take ${totalMinutes} minutes, over its budget of ${value.minutes}`);
  }
  const level = planLevel(value.sections, guides);
  return {
    id,
    file: data.file,
    order: value.order ?? 0,
    title: value.title,
    description: value.description,
    minutes: value.minutes,
    totalMinutes,
    sections,
    ...(level ? { level } : {}),
  };
}

/** The one outline level every section selects (`from: { source, level }`), if any. */
function planLevel(sections: readonly z.infer<typeof Section>[], guides: readonly OutlineGuide[]): Plan['level'] {
  const picks = sections.map((s) => s.from);
  const first = picks[0];
  if (!first?.level || typeof first.source !== 'string') return undefined;
  if (!picks.every((p) => p?.level === first.level && p?.source === first.source)) return undefined;
  const guide = guides.find((g) => g.file === first.source)?.levels.find((l) => l.level === first.level);
  if (!guide) return undefined;
  return { level: first.level, source: first.source, ...(guide.minutes ? { minutes: guide.minutes } : {}) };
}

/** Loads every plan file; plans are ordered by `order`, then id. */
export function loadPlans(
  files: readonly DataText[],
  questions: readonly Question[],
  retiredIds: readonly string[] = [],
  guides: readonly OutlineGuide[] = [],
): Plan[] {
  return files
    .map((file) => loadPlan(file, questions, retiredIds, guides))
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One line per plan for the ingest report. */
export function formatPlans(plans: readonly Plan[]): string {
  return plans
    .map((p) => {
      const count = p.sections.reduce((n, s) => n + s.items.length, 0);
      const budget = p.minutes !== undefined ? ` (budget ${p.minutes})` : '';
      const range = p.level?.minutes ? ` (${p.level.level}: ${p.level.minutes.join('-')} min)` : '';
      return `plan ${p.id}: ${count} questions, ${p.totalMinutes} min${budget}${range}`;
    })
    .join('\n');
}
