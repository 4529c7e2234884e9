/**
 * Lists that scraping flattened into one line.
 *
 * `Causes: - Sigmoid saturation - Many layers` and `Solutions: 1. ReLU 2. Residual 3. BatchNorm`
 * were lists under a lead sentence. A line is read as a flattened list only when it looks like
 * one: the first marker follows a lead ending with `:` (or starts the line), there are at least
 * two items, and ordered markers count up one by one (`1.`, `2.`, `3.`). Hyphens inside words
 * (`Post-hoc`), the `--` dash substitute and a minus between numbers (`1 - 2`) never split.
 * Works on masked text, so nothing inside math is looked at.
 */

export interface FlattenedList {
  /** Masked text before the first marker (without the marker), possibly empty. */
  lead: string;
  /** Masked text of each item, trimmed. */
  items: string[];
  ordered: boolean;
  start?: number;
}

const BULLET_START = /^(?:(.*?:)\s+)?-\s+(?=\S)/;
/** ` - ` between items; not when both neighbours are digits (a minus in `1 - 2`). */
const BULLET_SEP = /(?<!\d)\s+-\s+(?=\S)|\s+-\s+(?=[^\d\s])/;
const ORDERED_START = /^(?:(.*?:)\s+)?(\d{1,3})\.\s+(?=\S)/;

/** Splits a flattened bullet or numbered list; null when the line is not one. */
export function splitFlattenedList(line: string): FlattenedList | null {
  return bullets(line) ?? numbered(line);
}

function bullets(line: string): FlattenedList | null {
  const m = BULLET_START.exec(line);
  if (!m) return null;
  const items = line
    .slice(m[0].length)
    .split(BULLET_SEP)
    .map((s) => s.trim());
  if (items.length < 2 || items.some((s) => s === '')) return null;
  return { lead: (m[1] ?? '').trim(), items, ordered: false };
}

function numbered(line: string): FlattenedList | null {
  const m = ORDERED_START.exec(line);
  if (!m) return null;
  const start = Number(m[2]);
  const items: string[] = [];
  let rest = line.slice(m[0].length);
  for (let n = start + 1; ; n++) {
    const next = new RegExp(`\\s${n}\\.\\s+(?=\\S)`).exec(rest);
    if (!next) break;
    items.push(rest.slice(0, next.index).trim());
    rest = rest.slice(next.index + next[0].length);
  }
  items.push(rest.trim());
  if (items.length < 2 || items.some((s) => s === '')) return null;
  return { lead: (m[1] ?? '').trim(), items, ordered: true, start };
}
