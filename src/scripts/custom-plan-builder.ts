/**
 * A plan of your own from the question index (`[data-custom-builder]`): a checkbox in every row
 * (added here, also to rows the index script appends later), then "plan of the selected" or
 * "plan of the shown" (the rows the current filter leaves visible), optionally cut to a time
 * budget (questions taken in order while their minutes fit), gives the link
 * `/plans/custom/?q=<id>,…&title=…&minutes=…`.
 */
const builder = document.querySelector<HTMLElement>('[data-custom-builder]');
const index = document.querySelector<HTMLElement>('[data-question-index]');
if (builder && index) {
  const tbody = index.querySelector('tbody')!;
  const link = builder.querySelector<HTMLAnchorElement>('[data-custom-link]')!;
  const label = builder.dataset.msgSelect ?? '{title}';
  const enhance = (tr: HTMLTableRowElement) => {
    const id = tr.dataset.id;
    const cell = tr.cells[0];
    if (!id || !cell || cell.querySelector('[data-custom-pick]')) return;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.dataset.customPick = id;
    box.className = 'hb-qindex__pick';
    box.setAttribute('aria-label', label.replace('{title}', cell.querySelector('a')?.textContent ?? id));
    cell.prepend(box, ' ');
  };
  const rows = () => [...tbody.querySelectorAll<HTMLTableRowElement>('tr[data-id]')];
  rows().forEach(enhance);
  new MutationObserver(() => rows().forEach(enhance)).observe(tbody, { childList: true });

  const make = (which: string) => {
    const picked = rows().filter((tr) =>
      which === 'shown' ? !tr.hidden : tr.querySelector<HTMLInputElement>('[data-custom-pick]')?.checked,
    );
    const budget = Number(builder.querySelector<HTMLInputElement>('[data-custom-budget]')!.value);
    let left = Number.isInteger(budget) && budget > 0 ? budget : Infinity;
    const ids = picked
      .filter((tr) => {
        const minutes = Number(tr.dataset.minutes ?? 0);
        if (minutes > left) return false;
        left -= minutes;
        return true;
      })
      .map((tr) => tr.dataset.id!);
    const params = new URLSearchParams({ q: ids.join(',') });
    const title = builder.querySelector<HTMLInputElement>('[data-custom-title]')!.value.trim();
    if (title) params.set('title', title);
    if (left !== Infinity) params.set('minutes', String(budget));
    link.href = `${builder.dataset.customBase}?${params.toString().replaceAll('%2C', ',')}`;
    link.hidden = false;
    link.dataset.count = String(ids.length);
  };
  for (const button of builder.querySelectorAll<HTMLButtonElement>('[data-custom-make]'))
    button.addEventListener('click', () => make(button.dataset.customMake!));
}

export {};
