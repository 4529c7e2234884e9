/**
 * Numbered items (question banks, interview outlines): duplicates are errors, gaps and
 * out-of-order numbers are warnings, each with the line.
 */
import { ParseError, type ParseIssue } from './types.ts';

/**
 * Checks `number` (on `line`) against the numbers seen so far (`firstLine`: number -> line)
 * and the previous item's number; records it in `firstLine`.
 */
export function checkNumber(
  number: number,
  line: number,
  previous: number | undefined,
  firstLine: Map<number, number>,
  warnings: ParseIssue[],
): void {
  const first = firstLine.get(number);
  if (first !== undefined) throw new ParseError(line, `duplicate question number ${number} (first at line ${first})`);
  if (number < 1) throw new ParseError(line, `question number ${number} is not positive`);
  firstLine.set(number, line);
  const expected = (previous ?? 0) + 1;
  if (number > expected) {
    const missing = expected === number - 1 ? `${expected}` : `${expected}-${number - 1}`;
    warnings.push({
      line,
      message: `question numbers skip ${missing} (${previous ?? 'start'} is followed by ${number})`,
    });
  } else if (number < expected) {
    warnings.push({ line, message: `question ${number} is out of order (after ${previous})` });
  }
}
