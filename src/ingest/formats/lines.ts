/**
 * Line splitting shared by the format modules (detect and parse).
 */

/**
 * The lines of a source text: `\r\n`, `\r` and `\n` all end a line, and a final line end does
 * not open an extra, empty line. (The pipeline's decoded text already has `\n` only; the
 * check keeps `detect`/`parse` right when called on raw text.)
 */
export function sourceLines(text: string): string[] {
  const lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  return lines;
}
