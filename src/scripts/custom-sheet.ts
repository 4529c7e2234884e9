/**
 * Builds the interviewer's sheet of a custom plan (src/components/CustomSheet.astro) from the
 * link's ids (aliases resolve) and /plans/pool.json, in the same markup as PlanSheet.astro.
 */
import type { PoolEntry } from '../data/contract.ts';
import type { Lang } from '../ingest/model.ts';

const root = document.querySelector<HTMLElement>('[data-custom-sheet]');
if (root) void start(root);

async function start(root: HTMLElement): Promise<void> {
  const lang = (root.dataset.lang ?? 'ru') as Lang;
  const msg = (name: string, vars: Record<string, string | number> = {}) =>
    (root.dataset[name] ?? '').replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  root.querySelector('[data-sheet-print]')?.addEventListener('click', () => window.print());
  const params = new URLSearchParams(location.search);
  root.querySelector<HTMLAnchorElement>('[data-sheet-back]')!.href = `${root.dataset.planBase}${location.search}`;
  const title = (params.get('title') ?? '').trim() || (root.dataset.defaultTitle ?? '');
  const heading = msg('msgTitle', { title });
  root.querySelector('[data-sheet-heading]')!.textContent = heading;
  document.title = heading;

  const pool = (await (await fetch(root.dataset.pool!)).json()) as PoolEntry[];
  const byId = new Map<string, PoolEntry>();
  for (const q of pool) for (const id of [q.id, ...(q.aliases ?? [])]) byId.set(id, q);
  const seen = new Set<string>();
  const questions = (params.get('q') ?? '')
    .split(',')
    .map((id) => byId.get(id.trim()))
    .filter((q): q is PoolEntry => q !== undefined && !seen.has(q.id) && Boolean(seen.add(q.id)));

  const total = questions.reduce((n, q) => n + q.minutes, 0);
  root.querySelector('[data-sheet-summary]')!.textContent = msg('msgSummary', {
    count: questions.length,
    minutes: total,
  });
  root.querySelector('[data-sheet-total]')!.textContent = msg('msgTotal', { max: questions.length * 5 });
  root.querySelector('[data-sheet-list]')!.replaceChildren(
    ...questions.map((q, i) => {
      const article = el('article', 'sheet__q');
      article.dataset.sheetQuestion = q.id;
      article.dataset.minutes = String(q.minutes);
      const h3 = el('h3');
      h3.append(
        el('span', 'sheet__n', `${i + 1}.`),
        ` ${q.title[lang] ?? q.id}`,
        el('span', 'sheet__min', msg(q.estimated ? 'msgMin' : 'msgMinExact', { minutes: q.minutes })),
      );
      article.append(h3);
      const followUps = q.followUps?.[lang] ?? [];
      if (followUps.length > 0) {
        const ol = el('ol', 'sheet__followups');
        ol.dataset.sheetFollowups = '';
        ol.setAttribute('aria-label', msg('msgFollowUps'));
        ol.append(...followUps.map((text) => el('li', undefined, text)));
        article.append(ol);
      }
      const expected = el('p', 'sheet__expected');
      expected.dataset.sheetExpected = '';
      expected.append(el('strong', undefined, `${msg('msgExpected')}:`), ' ');
      const answer = q.expected?.[lang];
      expected.append(answer ? answer : el('em', undefined, msg('msgNoAnswer')));
      const notes = el('div', 'sheet__notes');
      notes.dataset.sheetNotes = '';
      notes.append(el('span', undefined, msg('msgNotes')));
      const score = el('p', 'sheet__score', `${msg('msgScore')}:`);
      score.dataset.sheetScore = '';
      score.setAttribute('aria-label', msg('msgScoreFor', { n: i + 1 }));
      score.append(...[0, 1, 2, 3, 4, 5].map((n) => el('span', 'sheet__box', String(n))));
      article.append(expected, notes, score);
      return article;
    }),
  );
  root.dataset.ready = '';
}
