/**
 * Filters of the question index (`[data-question-index]`): text (debounced), topic, level,
 * source and answered. Search strings are lower-cased once; each pass only flips `hidden` on
 * rows whose visibility changes. Filter values are mirrored into the query string.
 */
const root = document.querySelector<HTMLElement>('[data-question-index]');
if (root) {
  const field = (name: string) => root.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-filter="${name}"]`)!;
  const filters = { text: field('text'), topic: field('topic'), level: field('level'), source: field('source'), answered: field('answered') };
  const keys: Record<keyof typeof filters, string> = { text: 'q', topic: 'topic', level: 'level', source: 'source', answered: 'answered' };
  const count = root.querySelector<HTMLElement>('[data-index-count]')!;
  const template = root.dataset.countTemplate ?? '{shown} / {total}';
  const rows = [...root.querySelectorAll<HTMLTableRowElement>('tbody tr')].map((tr) => ({
    tr,
    text: `${tr.textContent} ${tr.dataset.id}`.toLowerCase().replaceAll('ё', 'е'),
    topic: tr.dataset.topic,
    levels: ` ${tr.dataset.levels} `,
    source: tr.dataset.source,
    answered: tr.dataset.answered,
  }));

  const params = new URLSearchParams(location.search);
  for (const [name, el] of Object.entries(filters)) el.value = params.get(keys[name as keyof typeof filters]) ?? el.value;

  const apply = () => {
    const words = filters.text.value.toLowerCase().replaceAll('ё', 'е').split(/\s+/).filter(Boolean);
    const { topic, level, source, answered } = Object.fromEntries(Object.entries(filters).map(([k, el]) => [k, el.value]));
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
    const query = new URLSearchParams();
    for (const [name, el] of Object.entries(filters)) if (el.value) query.set(keys[name as keyof typeof filters], el.value);
    const search = query.toString();
    history.replaceState(null, '', search ? `?${search}${location.hash}` : location.pathname + location.hash);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  filters.text.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(apply, 150);
  });
  for (const el of [filters.topic, filters.level, filters.source, filters.answered]) el.addEventListener('change', apply);
  if ([...params.keys()].length > 0) apply();
}

export {};
