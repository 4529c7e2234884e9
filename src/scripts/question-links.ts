/**
 * Question links on topic pages (no framework, loaded once per page):
 * - `button[data-copy-link]` copies the absolute permalink and shows a toast `[data-hb-toast]`;
 * - arriving at `#<id>` (or an alias) marks the question `.hb-question--target` and scrolls to it;
 * - `?answer=1` opens that question's `details.hb-answer` (with `#<id>`).
 */
const QUESTION = 'section.hb-question';

function toast(message: string): void {
  let el = document.querySelector<HTMLElement>('[data-hb-toast]');
  if (!el) {
    el = document.createElement('div');
    el.className = 'hb-toast';
    el.setAttribute('data-hb-toast', '');
    el.setAttribute('role', 'status');
    document.body.append(el);
  }
  el.textContent = message;
  el.classList.add('hb-toast--show');
  clearTimeout(Number(el.dataset.timer));
  el.dataset.timer = String(setTimeout(() => el!.classList.remove('hb-toast--show'), 1800));
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

document.addEventListener('click', async (event) => {
  const button = (event.target as Element).closest<HTMLElement>('[data-copy-link]');
  if (!button) return;
  const url = new URL(button.dataset.copyLink!, location.href).href;
  const ok = await copy(url);
  button.dataset.copied = button.dataset.copied ?? '';
  toast(ok ? button.dataset.copied : (button.dataset.copyFailed ?? '').replace('{url}', url));
});

/** The question a hash points to: its id, or one of its aliases (`data-aliases`). */
function targetQuestion(): HTMLElement | null {
  const id = decodeURIComponent(location.hash.slice(1));
  if (!id) return null;
  const section = document.querySelector<HTMLElement>(`${QUESTION}[data-question-id="${CSS.escape(id)}"]`);
  return section ?? document.querySelector<HTMLElement>(`${QUESTION}[data-aliases~="${CSS.escape(id)}"]`);
}

function arrive(): void {
  const section = targetQuestion();
  if (!section) return;
  for (const old of document.querySelectorAll('.hb-question--target')) old.classList.remove('hb-question--target');
  section.classList.add('hb-question--target');
  const openAnswer = new URLSearchParams(location.search).get('answer') === '1';
  const details = section.querySelector<HTMLDetailsElement>('details.hb-answer');
  if (openAnswer && details) details.open = true;
  if (openAnswer || section.dataset.questionId !== location.hash.slice(1)) {
    (section.querySelector('h3') ?? section).scrollIntoView({ block: 'start' });
  }
}

arrive();
addEventListener('hashchange', arrive);

export {};
