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

/** The trimmed lines of a source text that are not blank: what format detection reads. */
export function contentLines(text: string): string[] {
  const out: string[] = [];
  for (const line of sourceLines(text)) {
    const trimmed = line.trim();
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}
