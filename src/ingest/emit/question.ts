/**
 * One question as an MDX block:
 *
 * <Question id="…">
 *   ### Title              (heading id = question id, set by satteri-question-anchors)
 *   prompt
 *   <QuestionMeta … />
 *   <Answer><AnswerPart kind="short">…</AnswerPart>…</Answer>   or   <NoAnswer />
 *   <FollowUps>- …</FollowUps>
 * </Question>
 */
import type { BlockContent, Heading, List } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { ANSWER_PARTS } from '../answer-parts.ts';
import { hasAnswer, type Lang, type Question } from '../model.ts';
import { COMPONENTS } from './components.ts';
import { contentBlocks, textParagraph } from './content.ts';
import { localize, type Labels, type Localized, type LocalizedQuestion } from './localize.ts';
import { jsx, type JsxAttrs } from './mdx-nodes.ts';

/**
 * The `<Question>` element of one question in the `lang` edition (default: the question's own
 * language). Texts come from {@link localize}: translated ones carry an `<Original>` disclosure
 * with the source text, missing translations show the source text in `<Untranslated>`.
 */
export function questionElement(
  question: Question,
  lang: Lang = question.lang,
  labels: Labels = {},
): MdxJsxFlowElement {
  const local = localize(question, lang, labels);
  const heading: Heading = { type: 'heading', depth: 3, children: [{ type: 'text', value: local.title.value }] };
  const children: (BlockContent | MdxJsxFlowElement)[] = [heading];
  if (local.title.state === 'untranslated') children.push(untranslatedMark(local.title));
  // The question statement (title + prompt) gets one original disclosure after the prompt.
  const original: BlockContent[] = [];
  if (local.title.state === 'translated') original.push(titleParagraph(local.title.original!));
  if (local.prompt?.state === 'untranslated') children.push(...localizedBlocks(local.prompt, contentBlocks));
  else if (local.prompt) {
    children.push(...contentBlocks(local.prompt.value));
    if (local.prompt.state === 'translated') original.push(...contentBlocks(local.prompt.original));
  }
  if (original.length > 0) children.push(originalElement(local.title.lang ?? local.prompt?.lang, original));
  children.push(jsx(COMPONENTS.meta, metaAttributes(question, local)), answerElement(question, local));
  if (local.followUps) children.push(followUpsElement(local.followUps));
  return jsx(COMPONENTS.question, { id: question.id, levels: question.levels.join(' ') }, children);
}

/** Who wrote a question's answer: its source file, or the handbook (an answer overlay); none without one. */
export function answerBy(question: Question): 'source' | 'handbook' | undefined {
  if (!hasAnswer(question)) return undefined;
  return question.answerSource ? 'handbook' : 'source';
}

/** String attributes of `<QuestionMeta>` (kind and source title as the edition shows them); absent fields are omitted. */
export function metaAttributes(question: Question, local?: LocalizedQuestion): JsxAttrs {
  const { source } = question;
  const untranslated = local?.untranslated.filter((f) => f === 'kind' || f === 'sourceTitle') ?? [];
  return {
    source: source.file,
    sourceTitle: local?.sourceTitle?.value ?? source.title,
    lines: source.lines[0] === source.lines[1] ? `${source.lines[0]}` : `${source.lines[0]}–${source.lines[1]}`,
    answerBy: answerBy(question),
    minutes: question.minutes,
    minutesEstimated: question.minutesEstimated ? 'true' : undefined,
    kind: local?.kind?.value ?? question.kind,
    levels: question.levels.join(' '),
    company: source.company,
    date: source.date,
    untranslated: untranslated.length > 0 ? untranslated.join(' ') : undefined,
  };
}

function answerElement(question: Question, local: LocalizedQuestion): MdxJsxFlowElement {
  if (!hasAnswer(question) || !question.answer) return jsx(COMPONENTS.noAnswer);
  const parts = ANSWER_PARTS.filter((kind) => local.answer[kind] !== undefined).map((kind) =>
    jsx(COMPONENTS.answerPart, { kind }, localizedBlocks(local.answer[kind]!, contentBlocks)),
  );
  return jsx(COMPONENTS.answer, {}, parts);
}

/** The title of a question as a paragraph (inside an original disclosure, never a heading). */
function titleParagraph(title: string): BlockContent {
  return { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: title }] }] };
}

/** `<Original lang>` disclosure holding source blocks. */
export function originalElement(
  lang: Lang | undefined,
  blocks: (BlockContent | MdxJsxFlowElement)[],
): MdxJsxFlowElement {
  return jsx(COMPONENTS.original, { lang }, blocks);
}

/** The "not yet translated" mark alone (after a heading). */
export function untranslatedMark(field: Localized<unknown>): MdxJsxFlowElement {
  return jsx(COMPONENTS.untranslated, { lang: field.lang });
}

/**
 * Blocks of a localized field: the shown text, then its original (translated) or the source
 * text wrapped in `<Untranslated>`.
 */
function localizedBlocks<T>(
  field: Localized<T>,
  render: (value: T) => (BlockContent | MdxJsxFlowElement)[],
): (BlockContent | MdxJsxFlowElement)[] {
  if (field.state === 'untranslated') return [jsx(COMPONENTS.untranslated, { lang: field.lang }, render(field.value))];
  const blocks = render(field.value);
  if (field.state === 'translated') blocks.push(originalElement(field.lang, render(field.original as T)));
  return blocks;
}

function followUpsElement(followUps: Localized<string[]>): MdxJsxFlowElement {
  return jsx(
    COMPONENTS.followUps,
    {},
    localizedBlocks(followUps, (items) => [followUpList(items)]),
  );
}

function followUpList(followUps: readonly string[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: followUps.map((value) => ({ type: 'listItem', spread: false, children: [textParagraph(value)] })),
  };
}
