/**
 * The custom plan page (PlanProgress.astro without a plan): resolves the ids of `?q=` (current
 * ids and aliases, from /plans/pool.json), fills the plan list from the page's item template
 * (PlanItem.astro, the markup of a built-in plan's items), then starts plan-progress.ts on it;
 * shows the minutes against `?minutes=`, links the practice view and the sheet to the same
 * questions, and writes the YAML of the plan for content/plans/.
 */
import { messages } from './messages.ts';
import { customPlanId, customProgressKey, linkedPlan } from './plan-pool.ts';
import { startPlanProgress } from './plan-progress.ts';

const root = document.querySelector<HTMLElement>('[data-custom-plan]');
if (root) void start(root);

/** A YAML double-quoted scalar. */
const quote = (text: string) => JSON.stringify(text);

async function start(root: HTMLElement): Promise<void> {
  const lang = root.dataset.lang === 'en' ? 'en' : 'ru';
  const msg = messages(root);
  const topics = JSON.parse(root.dataset.topics ?? '{}') as Record<string, string | undefined>;
  const { title, budget, questions, unknown } = await linkedPlan(root);
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
  summary.textContent = msg(questions.some((q) => q.estimated) ? 'msgSummary' : 'msgSummaryExact', {
    count: questions.length,
    minutes: total,
  });
  if (budget !== undefined) {
    summary.dataset.budget = String(budget);
    summary.textContent += ` (${msg('msgBudget', { budget })})`;
    if (total > budget) summary.dataset.over = '';
  }

  const ids = questions.map((q) => q.id);
  const sheet = root.querySelector<HTMLAnchorElement>('[data-plan-sheet]')!;
  sheet.href = `${sheet.pathname}${location.search}`;
  const practice = root.querySelector<HTMLAnchorElement>('[data-plan-practice]')!;
  practice.href = `${practice.pathname}?q=${ids.join(',')}`;

  const template = root.querySelector<HTMLTemplateElement>('[data-plan-template]')!;
  root.querySelector<HTMLOListElement>('[data-custom-list]')!.replaceChildren(
    ...questions.map((q) => {
      const li = (template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
      const name = q.title[lang] ?? q.id;
      li.dataset.planItem = q.id;
      li.dataset.minutes = String(q.minutes);
      const box = li.querySelector<HTMLInputElement>('[data-plan-check]')!;
      box.id = `plan-${q.id}`;
      box.dataset.planCheck = q.id;
      box.setAttribute('aria-label', msg('msgMark', { title: name }));
      const link = li.querySelector<HTMLAnchorElement>('[data-plan-title]')!;
      link.href = q.permalink[lang] ?? '#';
      link.textContent = name;
      li.querySelector('[data-plan-topic]')!.textContent = topics[q.topic] ?? q.topic;
      li.querySelector('[data-plan-minutes]')!.textContent =
        ` · ${msg(q.estimated ? 'msgMin' : 'msgMinExact', { minutes: q.minutes })}`;
      if (!q.answered) li.querySelector('[data-plan-answered]')!.remove();
      return li;
    }),
  );
  root.querySelector<HTMLProgressElement>('[data-plan-bar]')!.max = questions.length;
  root.querySelector<HTMLElement>('[data-plan-progress]')!.dataset.total = String(questions.length);

  const id = customPlanId(title, ids);
  root.querySelector('[data-custom-yaml-intro]')!.textContent = msg('msgYaml', { id });
  root.querySelector('[data-custom-yaml]')!.textContent = [
    `title: { ru: ${quote(title)}, en: ${quote(title)} }`,
    'description:',
    `  ru: ${quote(title)}`,
    `  en: ${quote(title)}`,
    ...(budget !== undefined && total <= budget ? [`minutes: ${budget}`] : []),
    'sections:',
    `  - title: { ru: ${quote(title)}, en: ${quote(title)} }`,
    `    questions: [${ids.join(', ')}]`,
    '',
  ].join('\n');

  // Progress as on the built-in plans: one key per question set, shared by both editions.
  root.dataset.plan = customProgressKey(ids);
  startPlanProgress(root);
}
