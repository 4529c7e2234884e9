/**
 * What the custom plan page, its sheet and the sheet's PDF share (custom-plan.ts,
 * custom-sheet.ts, tools/pdf): the questions of a link's `?q=` resolved against the question
 * pool (current ids and aliases, each question once, in link order), and the plan's id.
 * Pure functions but `linkedPlan`, which reads the page's URL and /plans/pool.json.
 */
import type { PoolEntry } from '../data/contract.ts';
import { seedHash } from './mock-draw.ts';

export type { PoolEntry };

/** The questions of `ids` (current ids or aliases) in order, each once, and the ids nothing matches. */
export function resolveIds<Q extends { id: string; aliases?: string[] }>(
  pool: readonly Q[],
  ids: readonly string[],
): { questions: Q[]; unknown: string[] } {
  const byId = new Map<string, Q>();
  for (const q of pool) for (const id of [q.id, ...(q.aliases ?? [])]) byId.set(id, q);
  const questions: Q[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    const q = byId.get(id);
    if (!q) unknown.push(id);
    else if (!seen.has(q.id)) {
      seen.add(q.id);
      questions.push(q);
    }
  }
  return { questions, unknown };
}

/** The custom plan of the page's URL: `?q=` ids resolved against the pool, `?title=`, `?minutes=`. */
export async function linkedPlan(
  root: HTMLElement,
): Promise<{ title: string; budget: number | undefined; questions: PoolEntry[]; unknown: string[] }> {
  const params = new URLSearchParams(location.search);
  const title = (params.get('title') ?? '').trim() || (root.dataset.defaultTitle ?? '');
  const minutes = Number(params.get('minutes'));
  const ids = (params.get('q') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const pool = (await (await fetch(root.dataset.pool!)).json()) as PoolEntry[];
  return { title, budget: Number.isInteger(minutes) && minutes > 0 ? minutes : undefined, ...resolveIds(pool, ids) };
}

/** The id of a custom plan (its YAML file name, its sheet PDF): the title's Latin letters and digits, else `custom-<hash of the ids>`. */
export function customPlanId(title: string, ids: readonly string[]): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug.length >= 3 && !/[^ -~]/.test(title) ? slug : customProgressKey(ids);
}

/** The progress key of a custom plan's question set (`hb-plan:<key>`), shared by both editions. */
export const customProgressKey = (ids: readonly string[]): string => `custom-${seedHash(ids.join(',')).toString(36)}`;
