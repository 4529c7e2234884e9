/**
 * Math masking: lets the text repairs run plain string patterns over a line without ever
 * looking inside math.
 *
 * `mask` replaces every math span (see `splitMath`) with a private-use placeholder, so a
 * ` - ` inside `\( a - b \)` is not a list marker and a `\|` inside `\( q \| p \)` is not a
 * table cell border. `unmask` turns a (sub)string of the masked text back into phrasing content.
 */
import type { PhrasingContent } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import { text } from '../mdast.ts';
import { splitMath, type MathSpan } from './inline.ts';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;

/** A line with its math spans replaced by placeholders; `math[i]` is placeholder `i`. */
export interface Masked {
  text: string;
  math: MathSpan[];
}

/** Replaces math spans by placeholders. */
export function mask(line: string): Masked {
  let out = '';
  const math: MathSpan[] = [];
  const clean = line.includes(OPEN) || line.includes(CLOSE) ? line.replaceAll(OPEN, '').replaceAll(CLOSE, '') : line;
  for (const part of splitMath(clean)) {
    if (typeof part === 'string') out += part;
    else {
      out += `${OPEN}${math.length}${CLOSE}`;
      math.push(part);
    }
  }
  return { text: out, math };
}

/** Phrasing content for a piece of masked text: literal text plus `inlineMath` nodes. */
export function unmask(masked: string, math: readonly MathSpan[]): PhrasingContent[] {
  if (!masked.includes(OPEN)) return masked === '' ? [] : [text(masked)];
  const nodes: PhrasingContent[] = [];
  let last = 0;
  // exec on the shared regex: matchAll would copy it for every call.
  PLACEHOLDER.lastIndex = 0;
  for (let m = PLACEHOLDER.exec(masked); m !== null; m = PLACEHOLDER.exec(masked)) {
    if (m.index > last) nodes.push(text(masked.slice(last, m.index)));
    nodes.push({ type: 'inlineMath', value: math[Number(m[1])].value } satisfies InlineMath);
    last = m.index + m[0].length;
  }
  if (last < masked.length) nodes.push(text(masked.slice(last)));
  return nodes;
}

/** The math span a placeholder stands for, when `piece` is exactly one placeholder. */
export function placeholderSpan(piece: string, math: readonly MathSpan[]): MathSpan | undefined {
  const m = /^\uE000(\d+)\uE001$/.exec(piece);
  return m ? math[Number(m[1])] : undefined;
}
