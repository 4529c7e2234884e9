/**
 * Prep plans for `npm run pdf -- --plan <id>`: read from the plans data the emitter writes
 * (`src/content/docs/_data/plans.json`: `[{ id, title: {ru, en}, sections: [{ title: {ru, en},
 * items: [{ id }] }] }]`, see src/ingest/emit/plans-page.ts). Sections listing plain id arrays
 * (`questions: [id, …]`) are accepted too.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Lang } from '../../src/ingest/model.ts';
import { resolveIds } from '../../src/scripts/plan-pool.ts';

/** A plan as the PDF needs it: localized titles and question ids per section. */
export interface PrintPlan {
  id: string;
  title: Record<Lang, string>;
  sections: { title: Record<Lang, string>; ids: string[] }[];
}

type Texts = string | Partial<Record<Lang, string>>;

function texts(value: Texts | undefined, fallback: string): Record<Lang, string> {
  if (typeof value === 'string') return { ru: value, en: value };
  return { ru: value?.ru ?? value?.en ?? fallback, en: value?.en ?? value?.ru ?? fallback };
}

/** Normalises one plan entry of the plans data; throws on a malformed entry. */
export function toPrintPlan(raw: unknown): PrintPlan {
  const plan = raw as { id?: unknown; title?: Texts; sections?: unknown };
  if (typeof plan?.id !== 'string' || !Array.isArray(plan.sections))
    throw new Error('plans data: a plan needs `id` and `sections`');
  return {
    id: plan.id,
    title: texts(plan.title, plan.id),
    sections: plan.sections.map((s: { title?: Texts; items?: { id: string }[]; questions?: string[] }, i: number) => {
      const ids = s.items ? s.items.map((item) => item.id) : s.questions;
      if (!Array.isArray(ids)) throw new Error(`plans data: section ${i + 1} of plan "${plan.id}" lists no questions`);
      return { title: texts(s.title, `${i + 1}`), ids };
    }),
  };
}

/** The plans in a plans data file (an array of plans, or `{ plans: [...] }`). */
export function readPlans(file: string): PrintPlan[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const list = Array.isArray(data) ? data : (data as { plans?: unknown[] })?.plans;
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of plans`);
  return list.map(toPrintPlan);
}

/**
 * Finds plan `id` in the first existing file of `files`.
 * @throws naming the available plans when the id is unknown, or when there is no plans data.
 */
export function findPlan(id: string, files: readonly string[]): PrintPlan {
  const file = files.find((f) => existsSync(f));
  if (!file)
    throw new Error(
      `no plans data found (looked for ${files.join(', ')}); add content/plans/${id}.yaml and run npm run build`,
    );
  const plans = readPlans(file);
  const plan = plans.find((p) => p.id === id);
  if (!plan) throw new Error(`unknown plan "${id}" (available: ${plans.map((p) => p.id).join(', ') || 'none'})`);
  return plan;
}

/**
 * Checks the question ids of a custom plan's sheet (`npm run pdf -- --mode sheet --q …`) against
 * the built site's `questions.json` (ids and aliases, as the sheet page resolves them).
 * @returns the current ids, in order, each once
 * @throws naming the ids no question has, so the PDF never leaves out a question silently
 */
export function sheetQuestions(ids: readonly string[], questionsFile: string): string[] {
  if (!existsSync(questionsFile)) throw new Error(`${questionsFile} is missing: run npm run build`);
  const published = JSON.parse(readFileSync(questionsFile, 'utf8')) as { id: string; aliases?: string[] }[];
  const { questions, unknown } = resolveIds(published, ids);
  if (unknown.length > 0)
    throw new Error(`unknown question id(s): ${unknown.join(', ')} (every id and alias is in ${questionsFile})`);
  return questions.map((q) => q.id);
}
