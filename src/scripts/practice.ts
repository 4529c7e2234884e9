/**
 * The practice view (src/components/PracticePage.astro): picks the set from the URL, shows one
 * question at a time (its prompt, answer and follow-ups are read from the question's topic page,
 * so math and code look as on the site), keeps a draft per question in localStorage
 * (`hb-draft:<id>`), and records self-grades with FSRS (srs.ts).
 *
 * Keyboard (outside the draft box): Space shows the answer, 1–4 grade once it is shown,
 * ← / → move to the previous / next question.
 */
import {
  GRADES,
  aliasMap,
  resolveAliases,
  dueDate,
  dueIds,
  fill,
  grade,
  loadIndex,
  loadProgress,
  preview,
  readPageData,
  type GradeValue,
  type IndexEntry,
} from './srs.ts';
import type { Lang } from '../ingest/model.ts';

const root = document.querySelector<HTMLElement>('[data-practice-root]');
const data = readPageData();
if (root && data) void start(root, data);

async function start(root: HTMLElement, data: NonNullable<ReturnType<typeof readPageData>>) {
  const { lang, strings } = data;
  const s = (key: string, vars?: Record<string, string | number>) => fill(strings[key], vars);
  const $ = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
  const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'always' });

  const index = await loadIndex();
  const byId = new Map(index.map((q) => [q.id, q]));
  const params = new URL(location.href).searchParams;
  const progress = resolveAliases(loadProgress(), index);
  const aliases = aliasMap(index);

  // Due counts of the chooser.
  const allIds = index.map((q) => q.id);
  $('[data-practice-due-all]').textContent = s('practice.dueAll', { count: dueIds(progress, allIds).length });
  for (const item of root.querySelectorAll<HTMLElement>('[data-practice-set-topic]')) {
    const ids = index.filter((q) => q.topic === item.dataset.practiceSetTopic).map((q) => q.id);
    item.querySelector('[data-practice-due-count]')!.textContent = s('practice.due', {
      count: dueIds(progress, ids).length,
    });
  }
  for (const item of root.querySelectorAll<HTMLElement>('[data-practice-set-plan]')) {
    const ids = data.plans.find((p) => p.id === item.dataset.practiceSetPlan)?.ids ?? [];
    item.querySelector('[data-practice-due-count]')!.textContent = s('practice.due', {
      count: dueIds(progress, ids).length,
    });
  }

  // The set.
  const topic = params.get('topic');
  const plan = params.get('plan');
  const q = params.get('q');
  const due = params.get('due') === '1';
  let ids: string[];
  let label: string;
  if (q !== null) {
    ids = q
      .split(',')
      .map((id) => id.trim())
      .map((id) => (byId.has(id) ? id : (aliases.get(id) ?? id)))
      .filter((id) => byId.has(id));
    label = s('practice.setIds');
  } else if (topic !== null) {
    ids = index.filter((entry) => entry.topic === topic).map((entry) => entry.id);
    label = s('practice.setTopic', { name: data.topics.find((x) => x.id === topic)?.name ?? topic });
  } else if (plan !== null) {
    const found = data.plans.find((p) => p.id === plan);
    ids = (found?.ids ?? []).filter((id) => byId.has(id));
    label = s('practice.setPlan', { name: found?.title ?? plan });
  } else if (due || params.get('all') === '1') {
    ids = allIds;
    label = s('practice.setAll');
  } else {
    root.dataset.ready = ''; // the chooser stays
    return;
  }
  if (due) {
    ids = dueIds(progress, ids);
    label = s('practice.setDue', { set: label });
  }
  ids = [...new Set(ids)];
  root.dataset.ids = ids.join(',');

  $('[data-practice-chooser]').hidden = true;
  $('[data-practice-session]').hidden = false;
  $('[data-practice-set]').textContent = label;
  const card = $('[data-practice-card]');
  const nav = root.querySelector<HTMLElement>('.hb-practice__nav')!;
  if (ids.length === 0) {
    const empty = $('[data-practice-empty]');
    empty.hidden = false;
    empty.textContent = s(due ? 'practice.emptyDue' : 'practice.empty');
    nav.hidden = true;
    root.dataset.ready = '';
    return;
  }
  card.hidden = false;

  const title = $('[data-practice-title]');
  const prompt = $('[data-practice-prompt]');
  const dueLine = $('[data-practice-due]');
  const unanswered = $('[data-practice-unanswered]');
  const draft = $<HTMLTextAreaElement>('[data-practice-draft]');
  const reveal = $<HTMLButtonElement>('[data-practice-reveal]');
  const answer = $('[data-practice-answer]');
  const answerBody = $('[data-practice-answer-body]');
  const grades = $('[data-practice-grades]');
  const followUps = $('[data-practice-followups]');
  const followUpList = $('[data-practice-followup-list]');
  const followUpNext = $<HTMLButtonElement>('[data-practice-followup-next]');
  const status = $('[data-practice-status]');
  const open = $<HTMLAnchorElement>('[data-practice-open]');
  const position = $('[data-practice-position]');
  const prev = $<HTMLButtonElement>('[data-practice-prev]');
  const next = $<HTMLButtonElement>('[data-practice-next]');

  let current = 0;
  let revealed = false;
  let content: QuestionContent | undefined;
  let shownFollowUps = 0;
  let token = 0;

  const interval = (when: Date, now: Date) => {
    const minutes = Math.round((when.getTime() - now.getTime()) / 60000);
    if (minutes < 60) return relative.format(Math.max(minutes, 1), 'minute');
    if (minutes < 60 * 24) return relative.format(Math.round(minutes / 60), 'hour');
    if (minutes < 60 * 24 * 30) return relative.format(Math.round(minutes / 1440), 'day');
    return relative.format(Math.round(minutes / 43200), 'month');
  };

  const showDue = (id: string) => {
    const when = dueDate(loadProgress(), id);
    dueLine.textContent = when ? s('practice.dueOn', { date: dateFormat.format(when) }) : s('practice.new');
  };

  const renderFollowUps = () => {
    const items = content?.followUps ?? [];
    followUps.hidden = items.length === 0;
    followUpList.replaceChildren(
      ...items.slice(0, shownFollowUps).map((nodes) => {
        const li = document.createElement('li');
        li.append(...nodes.map((n) => n.cloneNode(true)));
        return li;
      }),
    );
    followUpNext.hidden = shownFollowUps >= items.length;
    followUpNext.textContent = s('practice.nextFollowUp', { n: shownFollowUps + 1, total: items.length });
  };

  const show = async (i: number, focus = false) => {
    current = (i + ids.length) % ids.length;
    const id = ids[current];
    const entry = byId.get(id)!;
    const mine = ++token;
    revealed = false;
    shownFollowUps = 0;
    content = undefined;
    card.dataset.questionId = id;
    position.textContent = s('practice.position', { n: current + 1, total: ids.length });
    prev.disabled = ids.length < 2;
    next.disabled = ids.length < 2;
    title.textContent = entry.title[lang] ?? entry.title.ru ?? id;
    prompt.replaceChildren();
    answer.hidden = true;
    answerBody.replaceChildren();
    grades.hidden = true;
    reveal.hidden = false;
    status.textContent = '';
    unanswered.hidden = entry.hasAnswer;
    draft.value = localStorage.getItem(`hb-draft:${id}`) ?? '';
    open.href = entry.url[lang] ?? entry.url.ru ?? '#';
    showDue(id);
    renderFollowUps();
    try {
      const loaded = await questionContent(entry, lang);
      if (mine !== token) return;
      content = loaded;
      if (loaded.title.length > 0) title.replaceChildren(...loaded.title.map((n) => n.cloneNode(true)));
      prompt.replaceChildren(...loaded.prompt.map((n) => n.cloneNode(true)));
      unanswered.hidden = loaded.answer.length > 0;
      renderFollowUps();
    } catch {
      if (mine === token) status.textContent = s('practice.loadFailed');
    }
    if (focus) title.focus();
  };

  const doReveal = () => {
    if (revealed) return;
    revealed = true;
    reveal.hidden = true;
    answer.hidden = (content?.answer.length ?? 0) === 0;
    answerBody.replaceChildren(...(content?.answer ?? []).map((n) => n.cloneNode(true)));
    const now = new Date();
    const due = preview(loadProgress(), ids[current], now);
    for (const button of grades.querySelectorAll<HTMLElement>('[data-grade]')) {
      const g = Number(button.dataset.grade) as GradeValue;
      button.querySelector('[data-grade-interval]')!.textContent = interval(due[g], now);
    }
    grades.hidden = false;
    // Focus moves to what was revealed (not onto a grade button, where Space would grade).
    const target = answer.hidden ? grades.querySelector<HTMLElement>('p') : answer.querySelector<HTMLElement>('h3');
    target?.setAttribute('tabindex', '-1');
    target?.focus();
  };

  const doGrade = (value: GradeValue) => {
    if (!revealed) return;
    const when = grade(ids[current], value);
    const name = s(`practice.grade${value}`);
    status.textContent = s('practice.graded', { grade: name, date: dateFormat.format(when) });
    status.dataset.due = when.toISOString();
    showDue(ids[current]);
    next.focus();
  };

  reveal.addEventListener('click', doReveal);
  grades.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('[data-grade]');
    if (button) doGrade(Number(button.dataset.grade) as GradeValue);
  });
  followUpNext.addEventListener('click', () => {
    shownFollowUps++;
    renderFollowUps();
    followUpList.lastElementChild?.setAttribute('tabindex', '-1');
    (followUpList.lastElementChild as HTMLElement | null)?.focus();
    if (followUpNext.hidden) return;
  });
  prev.addEventListener('click', () => void show(current - 1, true));
  next.addEventListener('click', () => void show(current + 1, true));
  draft.addEventListener('input', () => {
    const key = `hb-draft:${ids[current]}`;
    if (draft.value) localStorage.setItem(key, draft.value);
    else localStorage.removeItem(key);
  });

  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], dialog, site-search'))
      return;
    const onControl = Boolean(target?.closest('button, a, summary'));
    if (event.key === ' ' && !onControl) {
      event.preventDefault();
      doReveal();
    } else if (GRADES.includes(Number(event.key) as GradeValue) && event.key.length === 1) {
      event.preventDefault();
      doGrade(Number(event.key) as GradeValue);
    } else if (event.key === 'ArrowRight' && !event.shiftKey) {
      event.preventDefault();
      void show(current + 1, true);
    } else if (event.key === 'ArrowLeft' && !event.shiftKey) {
      event.preventDefault();
      void show(current - 1, true);
    }
  });

  await show(0);
  root.dataset.ready = '';
}

/** A question as its topic page shows it: nodes of the title, prompt, answer and each follow-up. */
interface QuestionContent {
  title: Node[];
  prompt: Node[];
  answer: Node[];
  followUps: Node[][];
}

const pages = new Map<string, Promise<Document>>();

function loadPage(path: string): Promise<Document> {
  let page = pages.get(path);
  if (!page) {
    page = fetch(path).then(async (response) => {
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      return new DOMParser().parseFromString(await response.text(), 'text/html');
    });
    page.catch(() => pages.delete(path));
    pages.set(path, page);
  }
  return page;
}

/** Copies of nodes without ids (the page already has its own). */
function copies(nodes: Iterable<Node>): Node[] {
  return [...nodes].map((node) => {
    const copy = document.importNode(node, true);
    if (copy instanceof Element) {
      copy.removeAttribute('id');
      for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
    }
    return copy;
  });
}

const NOT_PROMPT = '.hb-copy-link, h2, h3, h4, .hb-meta, details.hb-answer, .hb-no-answer, .hb-followups, nav';

async function questionContent(entry: IndexEntry, lang: Lang): Promise<QuestionContent> {
  const url = new URL(entry.url[lang] ?? entry.url.ru ?? '', location.href);
  const doc = await loadPage(url.pathname);
  const section = doc.querySelector(`section.hb-question[data-question-id="${CSS.escape(entry.id)}"]`);
  if (!section) throw new Error(`${entry.id} not on ${url.pathname}`);
  const heading = section.querySelector('h2, h3, h4');
  return {
    title: heading ? copies(heading.childNodes) : [],
    prompt: copies([...section.children].filter((el) => !el.matches(NOT_PROMPT))),
    answer: copies(section.querySelector('details.hb-answer > .hb-answer__body')?.childNodes ?? []),
    followUps: [...section.querySelectorAll('.hb-followups li')].map((li) => copies(li.childNodes)),
  };
}
