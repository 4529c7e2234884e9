/**
 * The interviewer's sheet (PlanSheet.astro): the print button; on a custom plan's sheet
 * (`[data-custom-sheet]`) also its questions, from the link's ids (aliases resolve) and
 * /plans/pool.json, each a copy of the page's question template (SheetQuestion.astro, the
 * markup of a built-in plan's sheet). Sets `data-ready` on the root when the sheet is complete.
 */
import { messages } from './messages.ts';
import { linkedPlan } from './plan-pool.ts';

document.querySelector('[data-sheet-print]')?.addEventListener('click', () => window.print());
const root = document.querySelector<HTMLElement>('[data-custom-sheet]');
if (root) void start(root);

async function start(root: HTMLElement): Promise<void> {
  const lang = root.dataset.lang === 'en' ? 'en' : 'ru';
  const msg = messages(root);
  root.querySelector<HTMLAnchorElement>('[data-sheet-back]')!.search = location.search;
  const { title, questions } = await linkedPlan(root);
  const heading = msg('msgTitle', { title });
  root.querySelector('[data-sheet-heading]')!.textContent = heading;
  document.title = heading;
  const total = questions.reduce((n, q) => n + q.minutes, 0);
  root.querySelector('[data-sheet-summary]')!.textContent = msg(
    questions.some((q) => q.estimated) ? 'msgSummary' : 'msgSummaryExact',
    {
      count: questions.length,
      minutes: total,
    },
  );
  root.querySelector('[data-sheet-total]')!.textContent = msg('msgTotal', { max: questions.length * 5 });
  const template = root.querySelector<HTMLTemplateElement>('[data-sheet-template]')!;
  root.querySelector('[data-sheet-list]')!.replaceChildren(
    ...questions.map((q, i) => {
      const article = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
      article.dataset.sheetQuestion = q.id;
      article.dataset.minutes = String(q.minutes);
      article.querySelector('[data-sheet-n]')!.textContent = `${i + 1}.`;
      article.querySelector('[data-sheet-title]')!.textContent = q.title[lang] ?? q.id;
      article.querySelector('[data-sheet-min]')!.textContent = msg(q.estimated ? 'msgMin' : 'msgMinExact', {
        minutes: q.minutes,
      });
      const followUps = q.followUps?.[lang] ?? [];
      const list = article.querySelector('[data-sheet-followups]')!;
      const item = list.firstElementChild!;
      list.replaceChildren(
        ...followUps.map((text) => {
          const li = item.cloneNode() as HTMLElement;
          li.textContent = text;
          return li;
        }),
      );
      if (followUps.length === 0) list.remove();
      const answer = q.expected?.[lang];
      if (answer) {
        article.querySelector('[data-sheet-answer]')!.textContent = answer;
        article.querySelector('[data-sheet-no-answer]')!.remove();
      } else article.querySelector('[data-sheet-answer]')!.remove();
      article.querySelector('[data-sheet-score]')!.setAttribute('aria-label', msg('msgScoreFor', { n: i + 1 }));
      return article;
    }),
  );
  root.dataset.ready = '';
}
