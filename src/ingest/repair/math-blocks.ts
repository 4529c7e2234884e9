/**
 * Display math at the end of a line.
 *
 * Scraped pages put a display formula on the same line as the sentence that introduces it:
 * `ELBO (Evidence Lower Bound): $\( … \)$`. Display spans that end the line become `math`
 * block nodes after the sentence; display math followed by more prose stays inline, so the
 * sentence is never cut in two.
 */
import type { Math } from 'mdast-util-math';
import type { Masked } from './masked-math.ts';

const TRAILING_PLACEHOLDER = /\uE000(\d+)\uE001\s*$/;

export interface DisplaySplit {
  /** Masked text before the trailing display math (trimmed at the end). */
  lead: string;
  /** The trailing display formulas, in source order. */
  blocks: Math[];
}

/** Splits the trailing display-math spans of a masked line off as `math` blocks. */
export function splitDisplayMath(line: Masked): DisplaySplit {
  let lead = line.text.trimEnd();
  const blocks: Math[] = [];
  for (let m = TRAILING_PLACEHOLDER.exec(lead); m; m = TRAILING_PLACEHOLDER.exec(lead)) {
    const span = line.math[Number(m[1])];
    if (!span.display) break;
    blocks.unshift({ type: 'math', value: span.value });
    lead = lead.slice(0, m.index).trimEnd();
  }
  return { lead, blocks };
}
