/**
 * The progress page (src/components/ProgressPage.astro): summary, per-topic table, a calendar of
 * reviews drawn as inline SVG from the stored reviews, and export / import (srs.ts).
 */
import {
  dueIds,
  downloadExport,
  fill,
  importFile,
  loadIndex,
  loadProgress,
  readPageData,
  resolveAliases,
  STORE_KEY,
  type Progress,
} from './srs.ts';

const root = document.querySelector<HTMLElement>('[data-progress-root]');
const data = readPageData();
if (root && data) void start(root, data);

const SVG = 'http://www.w3.org/2000/svg';
const WEEKS = 26;
const CELL = 12;

/** Local calendar day of a date as `YYYY-MM-DD`. */
function dayKey(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

async function start(root: HTMLElement, data: NonNullable<ReturnType<typeof readPageData>>) {
  const { lang, strings } = data;
  const s = (key: string, vars?: Record<string, string | number>) => fill(strings[key], vars);
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const index = await loadIndex();
  resolveAliases(loadProgress(), index);
  const percent = new Intl.NumberFormat(lang, { style: 'percent' });
  const dayFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const monthFormat = new Intl.DateTimeFormat(lang, { month: 'short' });

  const render = () => {
    const progress: Progress = loadProgress();
    const entries = Object.entries(progress.cards);
    const reviews = entries.flatMap(([, entry]) => entry.reviews);
    const ids = index.map((q) => q.id);
    $('[data-progress-summary]').textContent = s('progress.summary', {
      reviewed: entries.filter(([, e]) => e.reviews.length > 0).length,
      reviews: reviews.length,
      due: dueIds(progress, ids).length,
    });

    // By topic and by plan: questions reviewed, due today, share of reviews recalled.
    const row = (name: string, setIds: readonly string[]) => {
      const graded = setIds.filter((id) => (progress.cards[id]?.reviews.length ?? 0) > 0);
      const setReviews = graded.flatMap((id) => progress.cards[id].reviews);
      const recalled = setReviews.filter((r) => r.grade > 1).length;
      const tr = document.createElement('tr');
      const cells = [
        name,
        `${graded.length} / ${setIds.length}`,
        String(dueIds(progress, setIds).length),
        setReviews.length > 0 ? percent.format(recalled / setReviews.length) : '—',
      ];
      for (const [i, text] of cells.entries()) {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.setAttribute('scope', 'row');
        cell.textContent = text;
        tr.append(cell);
      }
      return tr;
    };
    const known = new Set(ids);
    const rows = data.topics.map((topic) => {
      const tr = row(
        topic.name,
        index.filter((q) => q.topic === topic.id).map((q) => q.id),
      );
      tr.dataset.topic = topic.id;
      return tr;
    });
    const planRows = data.plans.map((plan) => {
      const tr = row(
        plan.title,
        plan.ids.filter((id) => known.has(id)),
      );
      tr.dataset.plan = plan.id;
      return tr;
    });
    root.querySelector('[data-progress-plans]')?.replaceChildren(...planRows);
    $('[data-progress-topics]').replaceChildren(...rows);

    // Calendar: one column per week (Monday first), one cell per day, shaded by review count.
    const perDay = new Map<string, number>();
    for (const review of reviews) {
      const key = dayKey(new Date(review.at));
      perDay.set(key, (perDay.get(key) ?? 0) + 1);
    }
    const today = new Date();
    today.setHours(12, 0, 0, 0);
    const weekday = (today.getDay() + 6) % 7;
    const first = new Date(today);
    first.setDate(today.getDate() - weekday - (WEEKS - 1) * 7);
    const max = Math.max(1, ...perDay.values());
    const svg = document.createElementNS(SVG, 'svg');
    const width = WEEKS * CELL + 2;
    const height = 7 * CELL + 16;
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('width', String(width * 2));
    svg.setAttribute('role', 'img');
    let total = 0;
    let days = 0;
    let lastMonth = -1;
    for (let w = 0; w < WEEKS; w++) {
      for (let d = 0; d < 7; d++) {
        const date = new Date(first);
        date.setDate(first.getDate() + w * 7 + d);
        if (date > today) continue;
        if (d === 0 && date.getMonth() !== lastMonth) {
          lastMonth = date.getMonth();
          const label = document.createElementNS(SVG, 'text');
          label.setAttribute('x', String(w * CELL + 1));
          label.setAttribute('y', '9');
          label.textContent = monthFormat.format(date);
          svg.append(label);
        }
        const count = perDay.get(dayKey(date)) ?? 0;
        total += count;
        if (count > 0) days++;
        const rect = document.createElementNS(SVG, 'rect');
        rect.setAttribute('x', String(w * CELL + 1));
        rect.setAttribute('y', String(14 + d * CELL));
        rect.setAttribute('width', String(CELL - 2));
        rect.setAttribute('height', String(CELL - 2));
        rect.setAttribute('rx', '2');
        rect.dataset.day = dayKey(date);
        rect.dataset.count = String(count);
        rect.dataset.level = String(count === 0 ? 0 : Math.min(3, Math.ceil((3 * count) / max)));
        const title = document.createElementNS(SVG, 'title');
        title.textContent = s('progress.dayReviews', { date: dayFormat.format(date), count });
        rect.append(title);
        svg.append(rect);
      }
    }
    const summary = total > 0 ? s('progress.calendarSummary', { count: total, days }) : s('progress.none');
    svg.setAttribute('aria-label', `${s('progress.calendar')}: ${summary}`);
    $('[data-progress-calendar]').replaceChildren(svg);
    $('[data-progress-calendar-summary]').textContent = summary;
  };

  $('[data-progress-export]').addEventListener('click', () => downloadExport());
  const input = $<HTMLInputElement>('[data-progress-import]');
  const status = $('[data-progress-status]');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const result = importFile(await file.text());
    status.dataset.result = result.ok ? 'imported' : result.error;
    status.textContent = result.ok
      ? s('progress.imported', { count: result.questions })
      : s(`progress.refused.${result.error}`);
    input.value = '';
    render();
  });
  addEventListener('storage', (event) => {
    if (event.key === STORE_KEY) render();
  });
  render();
  root.dataset.ready = '';
}
