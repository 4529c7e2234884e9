/**
 * Answer lines -> restricted mdast root, applying the scraping repairs in order.
 *
 * Each non-blank source line of a scraped page is one block. Per run of lines:
 * 1. pipe tables (`tables.ts`);
 * 2. unfenced Python code (`code-blocks.ts`);
 * 3. `Заблуждение:` notes with their explanation line (`misconceptions.ts`);
 * 4. any other line is prose: paired labels are split (`labelled-runs.ts`), trailing display
 *    math becomes `math` blocks (`math-blocks.ts`), a flattened list becomes a lead paragraph
 *    plus a list (`flattened-lists.ts`), and the rest is one paragraph with inline math.
 */
import type { BlockContent, Root } from 'mdast';
import { list, paragraph, root } from '../mdast.ts';
import type { ParseIssue } from '../formats/types.ts';
import { codeBlock, findCodeRuns, type CodeLineKind } from './code-blocks.ts';
import { splitFlattenedList } from './flattened-lists.ts';
import { splitLabelledRun } from './labelled-runs.ts';
import { mask, unmask, type Masked } from './masked-math.ts';
import { splitDisplayMath } from './math-blocks.ts';
import { caution, misconceptionTitle } from './misconceptions.ts';
import { isTableRow, readTable } from './tables.ts';

/** One source line with its 1-based line number. */
export interface SourceLine {
  line: number;
  text: string;
}

export interface AnswerBlocks {
  content: Root;
  warnings: ParseIssue[];
}

/**
 * Builds the answer tree for the given lines (blank lines only separate blocks).
 * @param codeKinds classifyCodeLine of each line, when the caller has them already.
 */
export function answerBlocks(lines: readonly SourceLine[], codeKinds?: readonly (CodeLineKind | null)[]): AnswerBlocks {
  const texts = lines.map((l) => l.text);
  const codeEnds = new Map(findCodeRuns(texts, codeKinds));
  const blocks: BlockContent[] = [];
  const warnings: ParseIssue[] = [];
  const isProse = (i: number) =>
    !codeEnds.has(i) && readTable(texts, i) === null && misconceptionTitle(texts[i]) === null;

  for (let i = 0; i < texts.length; i++) {
    const text = texts[i].trim();
    if (text === '') continue;
    const table = readTable(texts, i);
    if (table) {
      for (const r of table.ragged)
        warnings.push({ line: lines[r].line, message: 'table row has a different number of cells than the header' });
      blocks.push(table.table);
      i = table.end;
      continue;
    }
    const codeEnd = codeEnds.get(i);
    if (codeEnd !== undefined) {
      blocks.push(codeBlock(texts.slice(i, codeEnd + 1)));
      i = codeEnd;
      continue;
    }
    const title = misconceptionTitle(text);
    if (title !== null) {
      let j = i + 1;
      while (j < texts.length && texts[j].trim() === '') j++;
      const body = j < texts.length && isProse(j) ? proseBlocks(texts[j]) : [];
      if (body.length === 0) warnings.push({ line: lines[i].line, message: 'misconception without an explanation' });
      else i = j;
      const t = mask(title);
      blocks.push(caution(unmask(t.text, t.math), body));
      continue;
    }
    if (isTableRow(text)) warnings.push({ line: lines[i].line, message: 'pipe line outside a table kept as text' });
    blocks.push(...proseBlocks(text));
  }
  return { content: root(blocks), warnings };
}

/** Blocks for one prose line (see the module comment, step 4). */
export function proseBlocks(line: string): BlockContent[] {
  const masked = mask(line.trim());
  return splitLabelledRun(masked.text).flatMap((piece) => pieceBlocks({ text: piece, math: masked.math }));
}

function pieceBlocks(piece: Masked): BlockContent[] {
  const { lead, blocks: math } = splitDisplayMath(piece);
  const out: BlockContent[] = [];
  const flat = splitFlattenedList(lead);
  if (flat) {
    if (flat.lead) out.push(paragraph(unmask(flat.lead, piece.math)));
    out.push(
      list(
        flat.items.map((item) => unmask(item, piece.math)),
        flat.ordered,
        flat.start,
      ),
    );
  } else if (lead) out.push(paragraph(unmask(lead, piece.math)));
  out.push(...math);
  return out;
}
