/**
 * Loads a YAML data file (topics, concepts, plans, translations) with `yaml` (YAML 1.2 core
 * schema, duplicate keys rejected) and validates it with a zod schema. Errors name the file and
 * the line of the offending value: `yaml` keeps the position of every node.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';

import { SourceError } from './errors.ts';

/** A data file handed to ingestion: its name (for error messages) and its text. */
export interface DataText {
  file: string;
  text: string;
}

/** A data file that cannot be read or does not match its schema (file, line, reason). */
export class DataFileError extends SourceError {
  override name = 'DataFileError';
}

/** 1-based line of the node at `path` in a parsed YAML document (or of its nearest parent). */
function lineOfPath(doc: Document, counter: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

/** `text` as `yaml` reads it, with line positions; throws DataFileError on invalid YAML. */
function located(text: string, file: string): { doc: Document; counter: LineCounter } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    throw new DataFileError(file, error.linePos?.[0].line ?? 1, `invalid YAML: ${error.message.split('\n')[0]}`);
  }
  return { doc, counter };
}

/**
 * Parses `text` (the contents of `file`) as YAML and validates it against `schema`.
 * Returns the typed value and a function that finds the line of any path (for later checks).
 */
export function parseDataFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): { value: z.infer<S>; lineOf: (path: readonly PropertyKey[]) => number } {
  const { doc, counter } = located(text, file);
  const lineOf = (path: readonly PropertyKey[]) => lineOfPath(doc, counter, path);
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new DataFileError(file, lineOf(issue.path), `${issue.message}${where}`);
  }
  return { value: result.data, lineOf };
}
