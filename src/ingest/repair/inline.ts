/**
 * Turns one line of scraped text into phrasing content, repairing math delimiters.
 *
 * Scraped documentation pages lose their math rendering and keep the TeX source with
 * MathJax delimiters: `\( … \)` inline, `\[ … \]` and `$$ … $$` display, and the broken
 * `$\( … \)$` that a `$$…$$` block turns into after scraping. Math becomes `inlineMath`
 * nodes (the emitter decides how display math is laid out); everything else stays literal
 * text, so a lone dollar sign (`$5 and $10`) is never read as math.
 */
import type { PhrasingContent } from 'mdast';
import type { InlineMath } from 'mdast-util-math';
import { text } from '../mdast.ts';

/** Delimiter pairs, longest opener first so `$\(` wins over `\(`. */
const MATH = /\$\\\(([\s\S]+?)\\\)\$|\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)/g;

export interface MathSpan {
  value: string;
  display: boolean;
}

/** Splits text into literal text and math spans (in order). */
export function splitMath(line: string): (string | MathSpan)[] {
  // Every delimiter starts with `$` or `\`: most lines have neither.
  if (!line.includes('$') && !line.includes('\\')) return line === '' ? [] : [line];
  const parts: (string | MathSpan)[] = [];
  let last = 0;
  // exec on the shared regex: matchAll would copy it for every line.
  MATH.lastIndex = 0;
  for (let m = MATH.exec(line); m !== null; m = MATH.exec(line)) {
    if (m.index > last) parts.push(line.slice(last, m.index));
    const display = m[4] === undefined;
    parts.push({ value: (m[1] ?? m[2] ?? m[3] ?? m[4]).trim(), display });
    last = m.index + m[0].length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return parts;
}

/** Phrasing content for a line: literal text plus `inlineMath` nodes. */
export function inline(line: string): PhrasingContent[] {
  return splitMath(line).map((part) =>
    typeof part === 'string' ? text(part) : ({ type: 'inlineMath', value: part.value } satisfies InlineMath),
  );
}
