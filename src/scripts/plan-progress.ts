/**
 * Progress of a prep plan page (`[data-plan]`), offline, in localStorage: key `hb-plan:<plan>`,
 * value `{ "version": 1, "done": { "<question id>": "<ISO date>" } }`. Ids of questions no longer
 * in the plan are kept, so a rebuild never loses progress. Export downloads the same data plus
 * the plan id; import merges a file of that shape.
 */
import { messages } from './messages.ts';

/** Starts the progress of a plan page whose list is in place (`root`: `[data-plan]`). */
export function startPlanProgress(root: HTMLElement): void {
  const plan = root.dataset.plan!;
  const key = `hb-plan:${plan}`;
  const checks = [...root.querySelectorAll<HTMLInputElement>('[data-plan-check]')];
  const progress = root.querySelector<HTMLElement>('[data-plan-progress]')!;
  const bar = root.querySelector<HTMLProgressElement>('[data-plan-bar]');
  const status = root.querySelector<HTMLElement>('[data-plan-status]')!;
  const msg = messages(root);

  type Done = Record<string, string>;
  const load = (): Done => {
    try {
      const data = JSON.parse(localStorage.getItem(key) ?? '{}');
      return data && typeof data.done === 'object' && data.done ? data.done : {};
    } catch {
      return {};
    }
  };
  let done = load();
  const save = () => localStorage.setItem(key, JSON.stringify({ version: 1, done }));

  const render = () => {
    let count = 0;
    for (const box of checks) {
      box.checked = box.dataset.planCheck! in done;
      if (box.checked) count++;
    }
    progress.dataset.done = String(count);
    progress.textContent = msg('msgProgress', { done: count, total: checks.length });
    if (bar) bar.value = count;
  };

  root.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const id = box.dataset.planCheck;
    if (id) {
      if (box.checked) done[id] = new Date().toISOString();
      else delete done[id];
      save();
      render();
    }
  });

  root.querySelector('[data-plan-export]')?.addEventListener('click', () => {
    const data = { format: 'hb-plan-progress', version: 1, plan, exported: new Date().toISOString(), done };
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    link.download = `plan-${plan}-progress.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });

  const input = root.querySelector<HTMLInputElement>('[data-plan-import]');
  input?.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const data = JSON.parse(await file.text());
      // A progress file of the practice view (src/scripts/srs.ts) holds every plan's checkboxes.
      const source = data?.format === 'ml-interview-handbook-progress' ? data.plans?.[plan] : data?.done;
      if (!source || typeof source !== 'object' || Array.isArray(source)) throw new Error('shape');
      for (const [id, when] of Object.entries(source)) if (typeof id === 'string') done[id] = String(when);
      save();
      render();
      status.textContent = msg('msgImported', { count: checks.filter((b) => b.checked).length });
    } catch {
      status.textContent = msg('msgImportFailed');
    }
    input.value = '';
  });

  root.querySelector('[data-plan-reset]')?.addEventListener('click', () => {
    if (!confirm(msg('msgReset'))) return;
    done = {};
    localStorage.removeItem(key);
    status.textContent = '';
    render();
  });

  // Another tab changed the same plan.
  addEventListener('storage', (event) => {
    if (event.key === key) {
      done = load();
      render();
    }
  });
  render();
}

// A built-in plan's list is in the page; a custom plan starts it once its list is built (custom-plan.ts).
const builtIn = document.querySelector<HTMLElement>('[data-plan]');
if (builtIn) startPlanProgress(builtIn);
