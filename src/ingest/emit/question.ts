/**
 * One question as an MDX block:
 *
 * <Question id="…">
 *   ### Title              (heading id = question id, set by remark-question-anchors)
 *   prompt
 *   <QuestionMeta … />
 *   <Answer><AnswerPart kind="short">…</AnswerPart>…</Answer>   or   <NoAnswer />
 *   <FollowUps>- …</FollowUps>
 * </Question>
 */
import type { BlockContent, Heading, List } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import { hasAnswer, type Answer, type Question } from '../model.ts';
import { COMPONENTS } from './components.ts';
import { contentBlocks, textParagraph } from './content.ts';
import { jsx, type JsxAttrs } from './mdx-nodes.ts';

/** Answer parts in display order; the value is the `kind` attribute of `<AnswerPart>`. */
export const ANSWER_PARTS = ['short', 'detailed', 'mistakes', 'howToSay'] as const satisfies readonly (keyof Answer)[];

/** The `<Question>` element of one question. */
export function questionElement(question: Question): MdxJsxFlowElement {
  const heading: Heading = { type: 'heading', depth: 3, children: [{ type: 'text', value: question.title }] };
  const children: (BlockContent | MdxJsxFlowElement)[] = [
    heading,
    ...contentBlocks(question.prompt),
    jsx(COMPONENTS.meta, metaAttributes(question)),
    answerElement(question),
  ];
  if (question.followUps.length > 0) children.push(followUpsElement(question.followUps));
  return jsx(COMPONENTS.question, { id: question.id, levels: question.levels.join(' ') }, children);
}

/** String attributes of `<QuestionMeta>`; absent fields are omitted. */
export function metaAttributes(question: Question): JsxAttrs {
  const { source } = question;
  return {
    source: source.file,
    sourceTitle: source.title,
    lines: `${source.lines[0]}–${source.lines[1]}`,
    minutes: question.minutes,
    kind: question.kind,
    levels: question.levels.join(' '),
    company: source.company,
    date: source.date,
  };
}

function answerElement(question: Question): MdxJsxFlowElement {
  if (!hasAnswer(question) || !question.answer) return jsx(COMPONENTS.noAnswer);
  const answer = question.answer;
  const parts = ANSWER_PARTS.filter((kind) => (answer[kind]?.children.length ?? 0) > 0).map((kind) =>
    jsx(COMPONENTS.answerPart, { kind }, contentBlocks(answer[kind])),
  );
  return jsx(COMPONENTS.answer, {}, parts);
}

function followUpsElement(followUps: readonly string[]): MdxJsxFlowElement {
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: followUps.map((value) => ({ type: 'listItem', spread: false, children: [textParagraph(value)] })),
  };
  return jsx(COMPONENTS.followUps, {}, [list]);
}
