/**
 * Pipe tables.
 *
 * Scraping keeps GFM pipe tables as lines of text: a header row, a `|---|---|` separator and
 * body rows. Consecutive `|…|` lines whose second line is a separator become an mdast `table`.
 * Cells go through math repair, and cells are split on masked text, so a `\|` inside math
 * (`\(q(w) \| P(w)\)`) never splits a cell; a `\|` outside math is a literal pipe.
 */
import type { AlignType, Table, TableCell, TableRow } from 'mdast';
import { mask, unmask } from './masked-math.ts';

const SEPARATOR = /^\|?\s*:?-{1,}:?\s*(?:\|\s*:?-{1,}:?\s*)*\|?$/;

/** True for a line that looks like a table row: starts and ends with `|`. */
export function isTableRow(line: string): boolean {
  const t = line.trim();
  return t.length >= 2 && t.startsWith('|') && t.endsWith('|');
}

export interface TableRead {
  table: Table;
  /** Index of the last line of the table. */
  end: number;
  /** Indices of body rows whose cell count differs from the header (padded or kept longer). */
  ragged: number[];
}

/** Reads a table starting at `lines[start]`; null unless a header row and separator are there. */
export function readTable(lines: readonly string[], start: number): TableRead | null {
  const header = lines[start];
  const sep = lines[start + 1];
  if (header === undefined || sep === undefined || !isTableRow(header) || !SEPARATOR.test(sep.trim())) return null;
  const align = cells(sep).map((c): AlignType => {
    const s = c.trim();
    if (s.startsWith(':') && s.endsWith(':')) return 'center';
    if (s.endsWith(':')) return 'right';
    if (s.startsWith(':')) return 'left';
    return null;
  });
  const width = cells(header).length;
  const rows: TableRow[] = [row(header, width)];
  const ragged: number[] = [];
  let end = start + 1;
  while (end + 1 < lines.length && isTableRow(lines[end + 1])) {
    end++;
    if (cells(lines[end]).length !== width) ragged.push(end);
    rows.push(row(lines[end], width));
  }
  return { table: { type: 'table', align, children: rows }, end, ragged };
}

/** Raw masked cell texts of one row, with literal `\|` restored to `|` outside math. */
function cells(line: string): string[] {
  return splitRow(mask(line).text);
}

function splitRow(masked: string): string[] {
  let t = masked.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => c.replaceAll('\\|', '|'));
}

function row(line: string, width: number): TableRow {
  const { text, math } = mask(line);
  const texts = splitRow(text);
  while (texts.length < width) texts.push('');
  return {
    type: 'tableRow',
    children: texts.map((c): TableCell => ({ type: 'tableCell', children: unmask(c.trim(), math) })),
  };
}
