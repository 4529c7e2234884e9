/**
 * Estimated size of a question's built HTML, so topic pages can be split by size (every page of
 * the site must stay under {@link MAX_PAGE_BYTES}) and not only by question count.
 *
 * The estimate is linear in a few features of the question's mdast (text, math, code, related
 * questions): coefficients fitted by least squares on the built HTML of the seed site and of
 * 1,000 synthetic questions (both editions, 2,376 questions; residual sd ≈ 0.5 KB on a mean of
 * 7.5 KB per question), then raised by 15 %: KaTeX turns a few characters of TeX into kilobytes of markup, Expressive Code
 * wraps each code block in a frame, and the Starlight heading link and the page's table of
 * contents repeat every title. It errs on the large side.
 */
import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx';

/** The limit the quality gate sets for one HTML page. */
export const MAX_PAGE_BYTES = 500 * 1024;

/**
 * Budget for the questions of one topic page: the limit minus the page frame (head, header,
 * sidebar, footer, which grows with the number of pages in the sidebar), with a safety margin.
 */
export const PAGE_QUESTION_BUDGET = 320 * 1024;

/** Features of one question element; see {@link WEIGHTS}. */
export interface WeightFeatures {
  titleBytes: number;
  textBytes: number;
  inlineMath: number;
  inlineMathChars: number;
  displayMath: number;
  displayMathChars: number;
  codeBlocks: number;
  codeBytes: number;
  codeLines: number;
  nodes: number;
}

/** Bytes of HTML per unit of each feature (plus a constant per question and per related question). */
export const WEIGHTS = {
  base: 2900,
  related: 350,
  titleBytes: 7,
  textBytes: 1.25,
  inlineMath: 560,
  inlineMathChars: 58,
  displayMath: 3800,
  displayMathChars: 20,
  codeBlocks: 1000,
  codeBytes: 6,
  codeLines: 260,
  nodes: 7,
} as const;

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Counts the features of a `<Question>` element (its first heading is the title). */
export function weightFeatures(element: MdxJsxFlowElement): WeightFeatures {
  const f: WeightFeatures = {
    titleBytes: 0,
    textBytes: 0,
    inlineMath: 0,
    inlineMathChars: 0,
    displayMath: 0,
    displayMathChars: 0,
    codeBlocks: 0,
    codeBytes: 0,
    codeLines: 0,
    nodes: 0,
  };
  let titleDone = false;
  const walk = (node: Nodes, inTitle: boolean): void => {
    f.nodes++;
    switch (node.type) {
      case 'text':
        if (inTitle) f.titleBytes += utf8(node.value);
        else f.textBytes += utf8(node.value);
        return;
      case 'inlineCode':
        f.textBytes += utf8(node.value) + 20;
        return;
      case 'inlineMath':
        f.inlineMath++;
        f.inlineMathChars += node.value.length;
        return;
      case 'math':
        f.displayMath++;
        f.displayMathChars += node.value.length;
        return;
      case 'code':
        f.codeBlocks++;
        f.codeBytes += utf8(node.value);
        f.codeLines += node.value.split('\n').length;
        return;
      default:
        break;
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const a of node.attributes)
        if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') f.textBytes += utf8(a.value);
    }
    if (!('children' in node)) return;
    const title = !titleDone && node.type === 'heading';
    if (title) titleDone = true;
    for (const child of node.children as Nodes[]) walk(child, inTitle || title);
  };
  walk(element as unknown as Nodes, false);
  return f;
}

/**
 * Estimated HTML bytes of a question on a topic page.
 * @param related Number of related questions it lists.
 */
export function estimateQuestionBytes(element: MdxJsxFlowElement, related: number): number {
  const f = weightFeatures(element);
  let bytes = WEIGHTS.base + WEIGHTS.related * related;
  for (const key of Object.keys(f) as (keyof WeightFeatures)[]) bytes += WEIGHTS[key] * f[key];
  return Math.ceil(bytes);
}
