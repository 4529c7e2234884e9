/**
 * Filters of the question index (`[data-question-index]`): text (debounced), topic, level,
 * source and answered. Search strings are lower-cased once; each pass only flips `hidden` on
 * rows whose visibility changes. Filter values are mirrored into the query string.
 */
import type { QuestionIndexEntry } from '../data/contract.ts';
import type { Lang } from '../ingest/model.ts';

const root = document.querySelector<HTMLElement>('[data-question-index]');
if (root) {
  const field = (name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-filter="${name}"]`)!;
  const filters = {
    text: field('text'),
    topic: field('topic'),
    level: field('level'),
    source: field('source'),
    answered: field('answered'),
  };
  const keys: Record<keyof typeof filters, string> = {
    text: 'q',
    topic: 'topic',
    level: 'level',
    source: 'source',
    answered: 'answered',
  };
  const count = root.querySelector<HTMLElement>('[data-index-count]')!;
  const practice = root.querySelector<HTMLAnchorElement>('[data-index-practice]');
  const template = root.dataset.countTemplate ?? '{shown} / {total}';
  const rowOf = (tr: HTMLTableRowElement) => ({
    tr,
    text: `${tr.textContent} ${tr.dataset.id}`.toLowerCase().replaceAll('ё', 'е'),
    topic: tr.dataset.topic,
    levels: ` ${tr.dataset.levels} `,
    source: tr.dataset.source,
    answered: tr.dataset.answered,
  });
  const rows = [...root.querySelectorAll<HTMLTableRowElement>('tbody tr')].map(rowOf);

  const params = new URLSearchParams(location.search);
  for (const [name, el] of Object.entries(filters))
    el.value = params.get(keys[name as keyof typeof filters]) ?? el.value;

  /** Rows past the ones in the HTML (large handbooks): built from /questions.json like the server does. */
  const loadRest = async (url: string) => {
    type Entry = QuestionIndexEntry;
    const lang = (root.dataset.lang ?? 'ru') as Lang;
    const label = (select: HTMLSelectElement | HTMLInputElement, value: string) =>
      [...(select as HTMLSelectElement).options].find((o) => o.value === value)?.textContent ?? value;
    const entries = (await (await fetch(url)).json()) as Entry[];
    const present = new Set(rows.map((r) => r.tr.dataset.id));
    const tbody = root.querySelector('tbody')!;
    const fragment = document.createDocumentFragment();
    // Scoped-style class Astro gives every element of the component (taken from a rendered row).
    const scope = root.querySelector('tbody tr')?.className ?? '';
    const make = <K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K] => {
      const el = document.createElement(tag);
      if (scope) el.className = scope;
      return el;
    };
    const cell = (text: string) => {
      const td = make('td');
      td.textContent = text;
      return td;
    };
    for (const e of entries) {
      if (present.has(e.id)) continue;
      const tr = make('tr');
      Object.assign(tr.dataset, {
        id: e.id,
        topic: e.topic,
        levels: e.levels.join(' '),
        source: e.source.file,
        answered: e.hasAnswer ? '1' : '0',
        ...(e.minutes !== undefined ? { minutes: String(e.minutes) } : {}),
      });
      const title = make('td');
      const a = make('a');
      a.href = e.url[lang] ?? '';
      a.textContent = e.title[lang] ?? e.id;
      const code = make('code');
      code.classList.add('hb-qindex__id');
      code.textContent = e.id;
      title.append(a, code);
      const source = cell(label(filters.source, e.source.file));
      source.title = e.source.file;
      const minutes = cell(e.minutes === undefined ? '' : `${e.minutesEstimated ? '≈ ' : ''}${e.minutes}`);
      minutes.classList.add('hb-num');
      tr.append(
        title,
        cell(label(filters.topic, e.topic)),
        cell(e.levels.map((l) => label(filters.level, l)).join(', ')),
        source,
        minutes,
        cell(e.hasAnswer ? (root.dataset.yes ?? '') : (root.dataset.no ?? '')),
      );
      fragment.append(tr);
      rows.push(rowOf(tr));
    }
    tbody.append(fragment);
  };

  const apply = () => {
    const words = filters.text.value.toLowerCase().replaceAll('ё', 'е').split(/\s+/).filter(Boolean);
    const { topic, level, source, answered } = Object.fromEntries(
      Object.entries(filters).map(([k, el]) => [k, el.value]),
    );
    let shown = 0;
    for (const row of rows) {
      const show =
        (!topic || row.topic === topic) &&
        (!level || row.levels.includes(` ${level} `)) &&
        (!source || row.source === source) &&
        (!answered || row.answered === answered) &&
        words.every((w) => row.text.includes(w));
      if (row.tr.hidden === show) row.tr.hidden = !show;
      if (show) shown++;
    }
    count.dataset.shown = String(shown);
    count.textContent = template.replace('{shown}', String(shown)).replace('{total}', String(rows.length));
    // Practise the shown questions (src/scripts/practice.ts): all of them, or their ids.
    if (practice) {
      const url = new URL(practice.href);
      url.search =
        shown === rows.length
          ? '?all=1'
          : `?q=${rows
              .filter((row) => !row.tr.hidden)
              .map((row) => row.tr.dataset.id)
              .join(',')}`;
      practice.href = url.pathname + url.search;
    }
    const query = new URLSearchParams();
    for (const [name, el] of Object.entries(filters))
      if (el.value) query.set(keys[name as keyof typeof filters], el.value);
    const search = query.toString();
    history.replaceState(null, '', search ? `?${search}${location.hash}` : location.pathname + location.hash);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  filters.text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(apply, 150);
  });
  for (const el of [filters.topic, filters.level, filters.source, filters.answered])
    el.addEventListener('change', apply);
  if (root.dataset.indexRest) loadRest(root.dataset.indexRest).then(apply, () => {});
  else if ([...params.keys()].length > 0) apply();
}

export {};
