/** Reading PDFs in tests: poppler-utils (pdftotext, pdffonts, pdfinfo) and the outline from the bytes. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Text of the PDF, one string per page (`pdftotext`, form feed separated). */
export function pageTexts(file: string, layout = false): string[] {
  const text = execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], {
    maxBuffer: 256 * 1024 * 1024,
  }).toString('utf8');
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/**
 * Text normalised for matching: Unicode NFKC (ligatures), no soft hyphens, no hyphens (with
 * the line break after one), every whitespace run one space.
 */
export function normalize(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replaceAll('\u00ad', '')
      .replace(/[‐‑]/g, '-')
      // pdftotext joins a word hyphenated at a line end ("ROC-\nAUC" -> "ROCAUC"): drop hyphens.
      .replace(/-\s*/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Rows of `pdffonts`: name, type and the emb column. */
export function fonts(file: string): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [file])
    .toString('utf8')
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
  return lines.map((line) => {
    // Columns: name type encoding emb sub uni object ID; the name and type may hold spaces,
    // so read the fixed tail: emb sub uni obj gen.
    const m = line.match(/\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
    if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
    return { name: line.split(/\s+/)[0], embedded: m[1] === 'yes' };
  });
}

/** Page count (`pdfinfo`). */
export function pageCount(file: string): number {
  return Number(
    execFileSync('pdfinfo', [file])
      .toString('utf8')
      .match(/^Pages:\s+(\d+)/m)![1],
  );
}

/** Named destinations (`pdfinfo -dests`): name -> page. */
export function dests(file: string): Map<string, number> {
  const out = execFileSync('pdfinfo', ['-dests', file], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  const map = new Map<string, number>();
  for (const m of out.matchAll(/^\s*(\d+)\s+\[.*?\]\s+"(.*)"\s*$/gm)) map.set(m[2], Number(m[1]));
  return map;
}

function decodePdfString(raw: string, hex: boolean): string {
  if (hex) {
    const bytes = Buffer.from(raw.replace(/\s+/g, ''), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      const swapped = Buffer.from(bytes.subarray(2));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    return bytes.toString('latin1');
  }
  return raw.replace(/\\([()\\])/g, '$1');
}

/**
 * The document outline (bookmarks) read from the PDF bytes: the `/Outlines` root's `/Count`
 * and every item's `/Title`. (poppler 22's pdfinfo has no outline dump; the PDFs Chromium
 * writes keep these dictionaries uncompressed.)
 */
export function outline(file: string): { count: number; titles: string[] } {
  const bytes = readFileSync(file).toString('latin1');
  const root = bytes.match(/\/Type\s*\/Outlines[^>]*?\/Count\s+(\d+)/);
  const titles = [...bytes.matchAll(/\/Title\s*(?:<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\))\s*\/Dest/g)].map((m) =>
    m[1] !== undefined ? decodePdfString(m[1], true) : decodePdfString(m[2], false),
  );
  return { count: root ? Number(root[1]) : 0, titles };
}
