/**
 * The mock-interview page (src/components/MockInterview.astro): reads `level`, `minutes` and
 * `seed` from the URL (a missing seed gets a fresh one, written back with replaceState so the
 * address always reproduces the draw), draws from /plans/pool.json (mock-draw.ts) and renders
 * the questions with a timer each and follow-ups revealed one at a time.
 */
import type { PoolEntry } from '../data/contract.ts';
import { messages } from './messages.ts';
import { drawQuestions, newSeed } from './mock-draw.ts';

const root = document.querySelector<HTMLElement>('[data-mock]');
if (root) void start(root);

async function start(root: HTMLElement): Promise<void> {
  const lang = root.dataset.lang === 'en' ? 'en' : 'ru';
  const form = root.querySelector<HTMLFormElement>('[data-mock-form]')!;
  const list = root.querySelector<HTMLOListElement>('[data-mock-list]')!;
  const summary = root.querySelector<HTMLElement>('[data-mock-summary]')!;
  const share = root.querySelector<HTMLAnchorElement>('[data-mock-share]')!;
  const levelMinutes = JSON.parse(root.dataset.levelMinutes ?? '{}') as Record<string, number>;
  const msg = messages(root);
  const response = await fetch(root.dataset.pool!);
  const pool = (await response.json()) as PoolEntry[];

  let timers: { stop(): void }[] = [];

  const draw = () => {
    const params = new URLSearchParams(location.search);
    const level = ['junior', 'middle', 'senior'].includes(params.get('level') ?? '') ? params.get('level')! : '';
    const given = Number(params.get('minutes'));
    const minutes = Number.isInteger(given) && given > 0 ? given : (levelMinutes[level] ?? 45);
    const seed = (params.get('seed') ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32) || newSeed();
    const canonical = new URLSearchParams({ ...(level ? { level } : {}), minutes: String(minutes), seed });
    history.replaceState(null, '', `${location.pathname}?${canonical}`);
    share.href = location.href;
    (form.elements.namedItem('level') as HTMLSelectElement).value = level;
    (form.elements.namedItem('minutes') as HTMLInputElement).value = String(minutes);
    (form.elements.namedItem('seed') as HTMLInputElement).value = seed;

    for (const timer of timers) timer.stop();
    timers = [];
    const picked = drawQuestions(pool, { level: level || undefined, minutes, seed });
    const total = picked.reduce((n, q) => n + q.minutes, 0);
    summary.textContent =
      picked.length > 0
        ? msg('msgSummary', { count: picked.length, minutes: total, budget: minutes })
        : msg('msgEmpty');
    list.replaceChildren(...picked.map(item));
  };

  const item = (q: PoolEntry): HTMLLIElement => {
    const li = document.createElement('li');
    li.dataset.mockItem = q.id;
    const a = document.createElement('a');
    a.href = q.permalink[lang] ?? '#';
    a.textContent = q.title[lang] ?? q.id;
    const bar = document.createElement('div');
    bar.className = 'hb-mock__bar';
    const planned = document.createElement('span');
    planned.textContent = msg('msgMin', { minutes: q.minutes });
    const time = document.createElement('span');
    time.dataset.mockTime = '';
    time.dataset.seconds = '0';
    time.textContent = '0:00';
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.mockTimer = '';
    button.textContent = msg('msgStart');
    bar.append(button, time, planned);
    li.append(a, bar);

    let interval: number | undefined;
    let seconds = 0;
    let startedAt = 0;
    const show = () => {
      const now = seconds + (interval === undefined ? 0 : Math.floor((Date.now() - startedAt) / 1000));
      time.dataset.seconds = String(now);
      time.textContent = `${Math.floor(now / 60)}:${String(now % 60).padStart(2, '0')}`;
    };
    const timer = {
      stop() {
        if (interval === undefined) return;
        seconds += Math.floor((Date.now() - startedAt) / 1000);
        clearInterval(interval);
        interval = undefined;
        delete li.dataset.mockRunning;
        button.textContent = msg('msgStart');
        show();
      },
    };
    timers.push(timer);
    button.addEventListener('click', () => {
      if (interval !== undefined) return timer.stop();
      for (const other of timers) other.stop();
      startedAt = Date.now();
      interval = window.setInterval(show, 250);
      li.dataset.mockRunning = '';
      button.textContent = msg('msgPause');
    });

    const followUps = q.followUps?.[lang] ?? [];
    if (followUps.length > 0) {
      const ol = document.createElement('ol');
      ol.dataset.mockFollowups = '';
      const reveal = document.createElement('button');
      reveal.type = 'button';
      reveal.dataset.mockReveal = '';
      let shown = 0;
      const label = () => (reveal.textContent = msg('msgNext', { shown, total: followUps.length }));
      label();
      reveal.addEventListener('click', () => {
        if (shown >= followUps.length) return;
        const f = document.createElement('li');
        f.textContent = followUps[shown++];
        ol.append(f);
        label();
        if (shown >= followUps.length) reveal.disabled = true;
      });
      li.append(ol, reveal);
    }
    return li;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const name of ['level', 'minutes', 'seed']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) params.set(name, value);
    }
    history.replaceState(null, '', `${location.pathname}?${params}`);
    draw();
  });
  root.querySelector('[data-mock-redraw]')!.addEventListener('click', () => {
    (form.elements.namedItem('seed') as HTMLInputElement).value = newSeed();
    form.requestSubmit();
  });
  draw();
}
