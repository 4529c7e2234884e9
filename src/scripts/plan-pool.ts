/**
 * What the custom plan page and its sheet share (custom-plan.ts, custom-sheet.ts): the questions
 * of a link's `?q=` resolved against /plans/pool.json (current ids and aliases, each question
 * once, in link order).
 */
import type { PoolEntry } from '../pages/plans/pool.json.ts';

export type { PoolEntry };

/** The questions of `ids` (current ids or aliases) in order, each once, and the ids nothing matches. */
export function resolveIds(
  pool: readonly PoolEntry[],
  ids: readonly string[],
): { questions: PoolEntry[]; unknown: string[] } {
  const byId = new Map<string, PoolEntry>();
  for (const q of pool) for (const id of [q.id, ...(q.aliases ?? [])]) byId.set(id, q);
  const questions: PoolEntry[] = [];
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
