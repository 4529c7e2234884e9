/**
 * The format registry: decodes a source file, picks the one format that recognises its
 * content, and parses it. File names never take part in detection.
 */
import { SourceError } from '../errors.ts';
import type { FormatId } from '../model.ts';
import { interviewOutline } from './interview-outline.ts';
import { nativeMarkdown } from './native-markdown.ts';
import { practicePage } from './practice-page.ts';
import { qaNotes } from './qa-notes.ts';
import { questionBank } from './question-bank.ts';
import { contentLines } from './lines.ts';
import { ParseError, type ParseResult, type SourceFormat } from './types.ts';

export const FORMATS: readonly SourceFormat[] = [practicePage, questionBank, qaNotes, interviewOutline, nativeMarkdown];

/** How each format starts, for the "unknown format" message. */
const HINTS: Record<FormatId, string> = {
  'practice-page':
    'a practice page has "Короткий ответ" / "Подробный разбор" sections, with steps like "1Вопрос7 мин" or titles written twice',
  'question-bank': 'a question bank starts with "# Title" followed by numbered lines "1. question"',
  'qa-notes': 'QA notes have "Q: question¶" lines each followed by an "A:" line',
  'interview-outline': 'an interview outline starts with "# Title" and has "### Вопрос N: question" headings',
  'native-markdown':
    'a native Markdown file starts with "---" front matter or a "#" / "##" heading and has "## question" headings',
};

/**
 * Bytes -> text. Rejects NUL bytes and invalid UTF-8 (naming the line of the first bad byte),
 * strips a byte-order mark and normalises CRLF / CR line ends to LF.
 */
export function decodeSource(buf: Uint8Array, file: string): string {
  const lineAt = (offset: number) => {
    let line = 1;
    for (let i = 0; i < offset; i++) if (buf[i] === 0x0a) line++;
    return line;
  };
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new SourceError(file, lineAt(nul), 'binary file: contains a NUL byte');
  const start = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let decoded: string;
  try {
    // The native strict decoder validates; the byte-by-byte scan only runs to name the bad byte.
    decoded = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(buf.subarray(start));
  } catch {
    const bad = firstInvalidUtf8(buf);
    if (bad < 0) throw new SourceError(file, 1, 'invalid UTF-8');
    const hex = buf[bad].toString(16).padStart(2, '0');
    throw new SourceError(file, lineAt(bad), `invalid UTF-8: bad byte 0x${hex} at offset ${bad}`);
  }
  return decoded.includes('\r') ? decoded.replace(/\r\n?/g, '\n') : decoded;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    // Sequence length and the allowed range of the second byte (excludes overlongs and surrogates).
    let len: number;
    let [lo, hi] = [0x80, 0xbf];
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k < len; k++) {
      const c = buf[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += len;
  }
  return -1;
}

/** The single format whose `detect` accepts the text; throws SourceError otherwise. */
export function detectFormat(text: string, file: string): SourceFormat {
  // Only whitespace (the characters trim() removes, which are exactly \s): without copying the text.
  if (!/\S/.test(text)) throw new SourceError(file, 1, 'empty file');
  const lineOf = (index: number) => text.slice(0, index).split('\n').length;
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new SourceError(file, lineOf(nul), 'binary file: contains a NUL character');
  const replacement = text.indexOf('\uFFFD');
  if (replacement >= 0) {
    throw new SourceError(file, lineOf(replacement), 'invalid UTF-8: text holds U+FFFD from a lossy decode');
  }
  const lines = contentLines(text);
  const matches = FORMATS.filter((f) => f.detect(text, lines));
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) {
    const expected = FORMATS.map((f) => `${f.id} (${HINTS[f.id]})`).join('; ');
    throw new SourceError(file, 1, `unknown format: expected one of ${expected}`);
  }
  throw new SourceError(file, 1, `ambiguous format: matches ${matches.map((f) => f.id).join(', ')}`);
}

/**
 * Detects and parses a source. A ParseError becomes a SourceError naming the file and the
 * format (by its report name); a parser that does not give every line a fate is a bug and throws.
 */
export function parseSource(text: string, file: string): { format: SourceFormat; result: ParseResult } {
  const format = detectFormat(text, file);
  let result: ParseResult;
  try {
    result = format.parse(text);
  } catch (error) {
    if (error instanceof ParseError) throw new SourceError(file, error.line, `${format.name}: ${error.message}`);
    throw error;
  }
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (result.fates.length !== lines) {
    throw new Error(`${file}: ${format.id} gave ${result.fates.length} line fates for ${lines} lines`);
  }
  return { format, result };
}
