import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content as ContentTree } from '../../src/ingest/model.ts';
import { Content } from '../../src/ingest/model.ts';
import { toString } from 'mdast-util-to-string';
import { decodeSource } from '../../src/ingest/formats/index.ts';
import type { LineFate, ParseResult } from '../../src/ingest/formats/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** A real source from content/sources/, decoded like the pipeline does. */
export const source = (file: string) => decodeSource(readFileSync(join(ROOT, 'content/sources', file)), file);

/** A fixture from tests/fixtures/. */
export const fixture = (path: string) => decodeSource(readFileSync(join(ROOT, 'tests/fixtures', path)), path);

/** Counts of each line fate. */
export function fateCounts(fates: LineFate[]): Record<LineFate, number> {
  const counts = { kept: 0, debris: 0, blank: 0, unplaced: 0 };
  for (const f of fates) counts[f]++;
  return counts;
}

/** Number of lines as the formats count them (a final line end opens no line). */
export const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** Every content tree of a parse result, with a label for failure messages. */
export function trees(result: ParseResult): [string, ContentTree][] {
  const out: [string, ContentTree][] = [];
  for (const item of result.items) {
    if (item.prompt) out.push([`${item.title} prompt`, item.prompt]);
    for (const [key, tree] of Object.entries(item.answer ?? {})) if (tree) out.push([`${item.title} ${key}`, tree]);
  }
  for (const note of result.meta.notes ?? []) out.push([`note ${note.heading}`, note.content]);
  return out;
}

/** Asserts every tree is valid restricted mdast; returns the number checked. */
export function validateTrees(result: ParseResult): number {
  const all = trees(result);
  for (const [label, tree] of all) {
    const parsed = Content.safeParse(tree);
    if (!parsed.success) throw new Error(`${label}: ${parsed.error.message}`);
  }
  return all.length;
}

/** Plain text of every paragraph (list items included) of a tree. */
export function paragraphTexts(tree: ContentTree): string[] {
  const out: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'paragraph') out.push(toString(node.children));
    else for (const child of (node.children ?? []) as { type: string }[]) walk(child);
  };
  walk(tree as never);
  return out;
}
