/**
 * The home page's "due today" counts (src/components/DueToday.astro): all questions due, and a
 * link per topic and plan with questions due. The question index is only fetched when
 * something was ever graded.
 */
import { dueIds, fill, loadIndex, loadProgress, readPageData, resolveAliases } from './srs.ts';

const root = document.querySelector<HTMLElement>('[data-due-root]');
const data = readPageData();
if (root && data) void start(root, data);

async function start(root: HTMLElement, data: NonNullable<ReturnType<typeof readPageData>>) {
  const s = (key: string, vars?: Record<string, string | number>) => fill(data.strings[key], vars);
  const progress = loadProgress();
  const all = root.querySelector<HTMLElement>('[data-due-all]')!;
  if (Object.keys(progress.cards).length === 0) {
    root.dataset.ready = '';
    return;
  }
  const index = await loadIndex();
  resolveAliases(progress, index);
  all.textContent = s('practice.dueAll', {
    count: dueIds(
      progress,
      index.map((q) => q.id),
    ).length,
  });
  const base = `${data.prefix}/practice/`;
  const items: HTMLLIElement[] = [];
  const add = (name: string, query: string, count: number) => {
    if (count === 0) return;
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `${base}?${query}&due=1`;
    a.textContent = name;
    li.append(a, ` — ${s('practice.due', { count })}`);
    items.push(li);
  };
  for (const topic of data.topics) {
    const ids = index.filter((q) => q.topic === topic.id).map((q) => q.id);
    add(topic.name, `topic=${encodeURIComponent(topic.id)}`, dueIds(progress, ids).length);
  }
  for (const plan of data.plans)
    add(plan.title, `plan=${encodeURIComponent(plan.id)}`, dueIds(progress, plan.ids).length);
  const list = root.querySelector<HTMLElement>('[data-due-topics]')!;
  list.replaceChildren(...items);
  list.hidden = items.length === 0;
  root.dataset.ready = '';
}
