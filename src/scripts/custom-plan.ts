/**
 * The custom plan page (src/components/CustomPlan.astro): resolves the ids of `?q=` (current ids
 * and aliases, from /plans/pool.json), builds the plan list the way PlanProgress renders a
 * built-in plan, then starts plan-progress.ts on it; shows the minutes against `?minutes=` and
 * the YAML of the plan for content/plans/.
 */
import { seedHash } from './mock-draw.ts';
import type { PoolEntry } from '../data/contract.ts';
import type { Lang } from '../ingest/model.ts';

const root = document.querySelector<HTMLElement>('[data-custom-plan]');
if (root) void start(root);

/** A YAML double-quoted scalar. */
const quote = (text: string) => JSON.stringify(text);

/** A plan id from a title: Latin letters and digits, else `custom-<hash>`. */
function planId(title: string, ids: readonly string[]): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug.length >= 3 && !/[^ -~]/.test(title) ? slug : `custom-${seedHash(ids.join(',')).toString(36)}`;
}

async function start(root: HTMLElement): Promise<void> {
  const lang = (root.dataset.lang ?? 'ru') as Lang;
  const msg = (name: string, vars: Record<string, string | number> = {}) =>
    (root.dataset[name] ?? '').replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
  const params = new URLSearchParams(location.search);
  const title = (params.get('title') ?? '').trim() || (root.dataset.defaultTitle ?? '');
  const budget = Number(params.get('minutes'));
  const wanted = (params.get('q') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const pool = (await (await fetch(root.dataset.pool!)).json()) as PoolEntry[];
  const byId = new Map<string, PoolEntry>();
  for (const q of pool) for (const id of [q.id, ...(q.aliases ?? [])]) byId.set(id, q);

  const questions: PoolEntry[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const id of wanted) {
    const q = byId.get(id);
    if (!q) unknown.push(id);
    else if (!seen.has(q.id)) {
      seen.add(q.id);
      questions.push(q);
    }
  }
  root.querySelector('[data-custom-heading]')!.textContent = title;
  document.title = `${title} | ${document.title.split(' | ').at(-1)}`;
  const unknownNote = root.querySelector<HTMLElement>('[data-custom-unknown]')!;
  if (unknown.length > 0) {
    unknownNote.hidden = false;
    unknownNote.textContent = msg('msgUnknown', { ids: unknown.join(', ') });
  }
  const summary = root.querySelector<HTMLElement>('[data-plan-summary]')!;
  if (questions.length === 0) {
    summary.textContent = msg('msgEmpty');
    return;
  }
  const total = questions.reduce((n, q) => n + q.minutes, 0);
  summary.dataset.totalMinutes = String(total);
  summary.textContent = msg('msgSummary', { count: questions.length, minutes: total });
  if (Number.isInteger(budget) && budget > 0) {
    summary.dataset.budget = String(budget);
    summary.textContent += ` (${msg('msgBudget', { budget })})`;
    if (total > budget) summary.dataset.over = '';
  }

  root.querySelector<HTMLAnchorElement>('[data-custom-sheet-link]')!.href =
    `${location.pathname}sheet/${location.search}`;
  const list = root.querySelector<HTMLOListElement>('[data-custom-list]')!;
  list.replaceChildren(
    ...questions.map((q) => {
      const li = document.createElement('li');
      li.className = 'hb-plan__item';
      li.dataset.planItem = q.id;
      li.dataset.minutes = String(q.minutes);
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = `plan-${q.id}`;
      box.dataset.planCheck = q.id;
      const name = q.title[lang] ?? q.id;
      box.setAttribute('aria-label', msg('msgMark', { title: name }));
      const body = document.createElement('div');
      const a = document.createElement('a');
      a.href = q.permalink[lang] ?? '#';
      a.textContent = name;
      const meta = document.createElement('span');
      meta.className = 'hb-plan__meta';
      meta.textContent = msg(q.estimated ? 'msgMin' : 'msgMinExact', { minutes: q.minutes });
      body.append(a, meta);
      li.append(box, body);
      return li;
    }),
  );
  const bar = root.querySelector<HTMLProgressElement>('[data-plan-bar]')!;
  bar.max = questions.length;
  root.querySelector<HTMLElement>('[data-plan-progress]')!.dataset.total = String(questions.length);

  const ids = questions.map((q) => q.id);
  const id = planId(title, ids);
  root.querySelector('[data-custom-yaml-intro]')!.textContent = msg('msgYaml', { id });
  root.querySelector('[data-custom-yaml]')!.textContent = [
    `title: { ru: ${quote(title)}, en: ${quote(title)} }`,
    'description:',
    `  ru: ${quote(title)}`,
    `  en: ${quote(title)}`,
    ...(Number.isInteger(budget) && budget > 0 && total <= budget ? [`minutes: ${budget}`] : []),
    'sections:',
    `  - title: { ru: ${quote(title)}, en: ${quote(title)} }`,
    `    questions: [${ids.join(', ')}]`,
    '',
  ].join('\n');

  // Progress as on the built-in plans: one key per question set, shared by both editions.
  root.dataset.plan = `custom-${seedHash(ids.join(',')).toString(36)}`;
  await import('./plan-progress.ts');
}
