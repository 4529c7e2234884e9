/**
 * DOM steps of the PDF study guide, run inside the study guide index page (`page.evaluate`):
 * load the parts ({@link stitchStudyGuide}), then make the printable document.
 *
 * Both functions must be self-contained (they are serialised into the browser): no imports,
 * no references to module scope.
 */

/** What {@link prepareStudyGuide} needs. */
export interface PrepareOptions {
  mode: 'reference' | 'self-test';
  /** Keep only these topic ids (in handbook order), or null for all. */
  topics: string[] | null;
  /** Replace the topic order by a plan's sections, or null. */
  plan: { title: string; sections: { title: string; ids: string[] }[] } | null;
  /** Public site URL (links to other pages of the site point there). */
  siteUrl: string;
  strings: {
    answers: string;
    toAnswer: string;
    toQuestion: string;
    selfTest: string;
    plan: string;
    questions: string;
  };
}

/** What the prepared page holds. */
export interface PrepareResult {
  /** Question ids in print order. */
  questions: string[];
  /** Topic ids of the page before filtering. */
  availableTopics: string[];
  /** Requested topics / plan ids not on the page. */
  unknownTopics: string[];
  unknownIds: string[];
  /** Ids whose page numbers the TOC and answer links need. */
  targets: string[];
}

/** What {@link stitchStudyGuide} did. */
export interface StitchResult {
  /** Topic pages loaded, in order. */
  parts: string[];
  /** Pages that could not be loaded (`<url>: <status>`) or hold no content. */
  failed: string[];
}

/**
 * Loads the questions of the topic pages the contents link to into the study guide page: one
 * `<section class="sg-topic" data-topic>` per topic (in contents order, topic ids from the
 * contents' `data-sg-topics`) with an `<h2 id="topic-<id>">` heading, then the content of each of
 * the topic's pages: section headings become group labels (`<p class="sg-group">`; a label
 * that only repeats the previous one at a page boundary is dropped), questions and everything
 * else is moved over as it is. Run before {@link prepareStudyGuide}.
 */
export async function stitchStudyGuide(): Promise<StitchResult> {
  const doc = document;
  const content = doc.querySelector('.sl-markdown-content');
  if (!content) throw new Error('study guide page has no .sl-markdown-content');
  const toc = doc.querySelector<HTMLElement>('.sg-toc[data-sg-topics]');
  if (!toc) throw new Error('study guide page has no contents (.sg-toc[data-sg-topics])');
  const base = new URL(location.href);
  base.hash = '';
  base.search = '';
  const topicIds = (toc.dataset.sgTopics ?? '').split(' ').filter(Boolean);
  const items = [...toc.querySelectorAll(':scope .sg-toc__list > ul > li')];
  if (items.length !== topicIds.length)
    throw new Error(`study guide contents: ${items.length} topics listed, ${topicIds.length} topic ids`);
  const topics = items.map((item, index) => {
    const urls: string[] = [];
    for (const a of item.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const url = new URL(a.getAttribute('href') ?? '', base);
      if (url.origin !== base.origin) continue;
      const href = url.origin + url.pathname;
      if (!urls.includes(href)) urls.push(href);
    }
    return { id: topicIds[index], name: item.querySelector('a')?.textContent ?? topicIds[index], urls };
  });
  const failed: string[] = [];
  const all = topics.flatMap((topic) => topic.urls);
  const texts = await Promise.all(
    all.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) {
        failed.push(`${url}: ${response.status}`);
        return '';
      }
      return response.text();
    }),
  );
  const pageText = new Map(all.map((url, index) => [url, texts[index]]));
  const parser = new DOMParser();
  for (const topic of topics) {
    const section = doc.createElement('section');
    section.className = 'sg-topic';
    section.dataset.topic = topic.id;
    const heading = doc.createElement('h2');
    heading.id = `topic-${topic.id}`;
    heading.className = 'sg-topic__title';
    heading.textContent = topic.name;
    section.append(heading);
    let lastGroup: string | null = null;
    for (const url of topic.urls) {
      const text = pageText.get(url);
      if (!text) continue;
      const page = parser.parseFromString(text, 'text/html').querySelector('.sl-markdown-content');
      if (!page) {
        failed.push(`${url}: no .sl-markdown-content`);
        continue;
      }
      for (const child of [...page.children]) {
        const h2 = child.matches('h2')
          ? child
          : child.matches('.sl-heading-wrapper')
            ? child.querySelector('h2')
            : null;
        if (h2) {
          const name = (h2.textContent ?? '').trim();
          if (name === lastGroup) continue;
          lastGroup = name;
          const group = doc.createElement('p');
          group.className = 'sg-group';
          group.textContent = name;
          section.append(group);
          continue;
        }
        section.append(doc.importNode(child, true));
      }
    }
    content.append(section);
  }
  return { parts: all, failed };
}

/**
 * Turns the built study guide page into the printable document: drops the site chrome, applies
 * the topic filter or the plan order, moves answers into an appendix (self-test), rebuilds the
 * table of contents with empty page-number slots, and makes links jump inside the document.
 */
export function prepareStudyGuide(options: PrepareOptions): PrepareResult {
  const doc = document;
  const content = doc.querySelector('.sl-markdown-content');
  if (!content) throw new Error('study guide page has no .sl-markdown-content');
  doc.documentElement.dataset.theme = 'light';
  doc.documentElement.classList.add('sg-print');

  // Only the page content stays: no header, sidebar, search, theme or language switch, footer.
  const main = doc.createElement('main');
  main.className = 'sg-print-main';
  main.append(content);
  doc.body.replaceChildren(main);
  // Anchor links and the originals of translated texts (a study guide is one language) go.
  for (const el of content.querySelectorAll('.sl-anchor-link, .hb-original')) el.remove();

  const topicSections = [...content.querySelectorAll<HTMLElement>('section.sg-topic')];
  const availableTopics = topicSections.map((s) => s.dataset.topic ?? '');
  const questionEl = new Map<string, HTMLElement>();
  const topicOf = new Map<string, string>();
  for (const section of topicSections) {
    for (const q of section.querySelectorAll<HTMLElement>('.hb-question[data-question-id]')) {
      questionEl.set(q.dataset.questionId!, q);
      topicOf.set(q.dataset.questionId!, section.dataset.topic ?? '');
    }
  }
  const unknownTopics = (options.topics ?? []).filter((t) => !availableTopics.includes(t));
  const keepTopic = (topic: string) => !options.topics || options.topics.includes(topic);
  const unknownIds: string[] = [];

  if (options.plan) {
    // Plan order: one section per plan section, questions moved out of their topics.
    const anchor = topicSections[0];
    const built: HTMLElement[] = [];
    options.plan.sections.forEach((planSection, index) => {
      const section = doc.createElement('section');
      section.className = 'sg-topic sg-plan-section';
      section.dataset.topic = `plan-${index + 1}`;
      const h2 = doc.createElement('h2');
      h2.id = `plan-section-${index + 1}`;
      h2.className = 'sg-topic__title';
      h2.textContent = planSection.title;
      section.append(h2);
      for (const id of planSection.ids) {
        const q = questionEl.get(id);
        if (!q) {
          unknownIds.push(id);
          continue;
        }
        if (keepTopic(topicOf.get(id) ?? '')) section.append(q);
      }
      if (section.querySelector('.hb-question')) built.push(section);
    });
    anchor?.before(...built);
    for (const s of topicSections) s.remove();
  } else {
    for (const s of topicSections) if (!keepTopic(s.dataset.topic ?? '')) s.remove();
  }

  const sections = [...content.querySelectorAll<HTMLElement>('section.sg-topic')];
  // Chromium builds bookmark titles from a heading's line boxes and drops the collapsed space at
  // a line wrap ("диффузионныхмоделей"); with pre-wrap the space stays on the line and in the title.
  const style = doc.createElement('style');
  style.textContent = '.sg-print-main :is(h2, h3) { white-space: pre-wrap; }';
  doc.head.append(style);
  // Group labels left without questions (after filtering) go too.
  for (const group of content.querySelectorAll('.sg-group')) {
    let next = group.nextElementSibling;
    while (next && !next.classList.contains('hb-question') && !next.classList.contains('sg-group'))
      next = next.nextElementSibling;
    if (!next || !next.classList.contains('hb-question')) group.remove();
  }
  const questions = sections.flatMap((s) => [...s.querySelectorAll<HTMLElement>('.hb-question[data-question-id]')]);
  const ids = questions.map((q) => q.dataset.questionId!);
  const targets: string[] = [];

  // Cover: mode line and question count.
  const modeLine = content.querySelector<HTMLElement>('[data-sg-mode]');
  const modeText = [
    options.plan ? `${options.strings.plan}: ${options.plan.title}` : '',
    options.mode === 'self-test' ? options.strings.selfTest : '',
  ].filter(Boolean);
  if (modeLine && modeText.length > 0) {
    modeLine.textContent = modeText.join(' · ');
    modeLine.hidden = false;
  }
  const count = content.querySelector('[data-sg-count]');
  if (count) count.textContent = ` · ${options.strings.questions.replace('{{count}}', String(ids.length))}`;

  const headingOf = (q: HTMLElement) => q.querySelector<HTMLElement>('h3[id], h2[id], h4[id]');

  if (options.mode === 'self-test') {
    // Answers move into an appendix, linked both ways; nothing of them stays before it.
    const appendix = doc.createElement('section');
    appendix.className = 'sg-appendix';
    const h2 = doc.createElement('h2');
    h2.id = 'sg-answers';
    h2.textContent = options.strings.answers;
    appendix.append(h2);
    questions.forEach((q, index) => {
      const answer = q.querySelector<HTMLDetailsElement>('details.hb-answer');
      if (!answer) return;
      const id = q.dataset.questionId!;
      const heading = headingOf(q);
      const item = doc.createElement('div');
      item.className = 'sg-appendix__item';
      item.id = `answer-${id}`;
      const title = doc.createElement('p');
      title.className = 'sg-appendix__title';
      const back = doc.createElement('a');
      back.href = `#${id}`;
      back.textContent = `${index + 1}. ${heading?.textContent?.trim() ?? id}`;
      title.append(back);
      answer.open = true;
      const backLine = doc.createElement('p');
      backLine.className = 'sg-back-link';
      const backLink = doc.createElement('a');
      backLink.href = `#${id}`;
      backLink.textContent = `↑ ${options.strings.toQuestion}`;
      backLine.append(backLink);
      item.append(title, answer, backLine);
      appendix.append(item);

      const forward = doc.createElement('p');
      forward.className = 'sg-answer-link';
      const link = doc.createElement('a');
      link.href = `#answer-${id}`;
      link.dataset.sgPageOf = `answer-${id}`;
      link.dataset.sgTemplate = `→ ${options.strings.toAnswer}`;
      link.textContent = `→ ${options.strings.toAnswer.replace('{{page}}', '\u2007\u2007')}`;
      forward.append(link);
      const meta = q.querySelector('.hb-meta');
      (meta ?? heading)?.after(forward);
      targets.push(`answer-${id}`);
    });
    content.append(appendix);
  } else {
    for (const d of content.querySelectorAll<HTMLDetailsElement>('details.hb-answer')) d.open = true;
  }

  // Table of contents: topics (and the appendix) with their questions, page numbers empty.
  const toc = content.querySelector('.sg-toc__list');
  if (toc) {
    const entry = (id: string, text: string) => {
      const p = doc.createElement('p');
      p.className = 'sg-toc__entry';
      const a = doc.createElement('a');
      a.href = `#${id}`;
      a.textContent = text;
      const leader = doc.createElement('span');
      leader.className = 'sg-toc__leader';
      const page = doc.createElement('span');
      page.className = 'sg-toc__page';
      page.dataset.sgPageOf = id;
      p.append(a, leader, page);
      targets.push(id);
      return p;
    };
    const list = doc.createElement('ul');
    for (const section of sections) {
      const h2 = section.querySelector<HTMLElement>(':scope > h2[id]');
      if (!h2) continue;
      const li = doc.createElement('li');
      li.append(entry(h2.id, h2.textContent?.trim() ?? ''));
      const sub = doc.createElement('ul');
      for (const q of section.querySelectorAll<HTMLElement>('.hb-question[data-question-id]')) {
        const h = headingOf(q);
        if (!h) continue;
        const subLi = doc.createElement('li');
        subLi.append(entry(h.id, h.textContent?.trim() ?? ''));
        sub.append(subLi);
      }
      if (sub.children.length > 0) li.append(sub);
      list.append(li);
    }
    const appendixHeading = content.querySelector<HTMLElement>('#sg-answers');
    if (appendixHeading) {
      const li = doc.createElement('li');
      li.append(entry('sg-answers', appendixHeading.textContent ?? ''));
      list.append(li);
    }
    toc.replaceChildren(list);
  }

  // Links: inside the document -> `#id`; other pages of the site -> the public site URL.
  const present = (id: string) => id !== '' && doc.getElementById(id) !== null;
  for (const a of content.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const raw = a.getAttribute('href') ?? '';
    if (raw.startsWith('#')) continue;
    let url: URL;
    try {
      url = new URL(raw, location.href);
    } catch {
      continue;
    }
    if (url.origin !== location.origin) continue;
    const hash = decodeURIComponent(url.hash.slice(1));
    if (present(hash)) a.setAttribute('href', `#${hash}`);
    else a.setAttribute('href', new URL(url.pathname + url.search + url.hash, options.siteUrl).href);
  }

  return { questions: ids, availableTopics, unknownTopics, unknownIds, targets: [...new Set(targets)] };
}

/** Fills the page-number slots (TOC entries, answer links) from `pages` (target id -> page). */
export function fillPageNumbers(pages: Record<string, number>): number {
  let missing = 0;
  for (const el of document.querySelectorAll<HTMLElement>('[data-sg-page-of]')) {
    const page = pages[el.dataset.sgPageOf!];
    if (page === undefined) missing++;
    const text = page === undefined ? '' : String(page);
    if (el.dataset.sgTemplate) el.textContent = el.dataset.sgTemplate.replace('{{page}}', text);
    else el.textContent = text;
  }
  return missing;
}
