/**
 * Command line: the whole handbook in the native Markdown source format, one file per topic.
 * See USAGE.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { exportNative } from '../src/ingest/export-native.ts';
import { SourceError } from '../src/ingest/errors.ts';
import { LANGS } from '../src/ingest/model.ts';
import { loadInputs } from './inputs.ts';
import { oneOf, parseCli, usageError } from './cli.ts';

const USAGE = `Usage: npm run export -- --out DIR [--lang ru|en]

Writes the handbook in the native Markdown source format (README: "Writing your own
questions"), one file per topic: DIR/<topic>.md. Re-ingesting the files gives the same
questions, ids and answers, so they can replace the scraped sources and be edited by hand.

Options:
  --out DIR        the folder to write into (created when missing; other files are left alone)
  --lang ru|en     write that edition's texts (curated translations where there are some);
                   default: every question in its source language
  --content DIR    the content folder (default: content/)
  --sources DIR    the sources folder (default: <content>/sources)
  -h, --help       show this help`;

const root = resolve(import.meta.dirname, '..');
const { values } = parseCli({
  usage: USAGE,
  options: {
    out: { type: 'string' },
    lang: { type: 'string' },
    content: { type: 'string', default: join(root, 'content') },
    sources: { type: 'string' },
  },
});
if (values.out === undefined) usageError(USAGE, '--out DIR is required');
const lang = values.lang === undefined ? undefined : oneOf(USAGE, '--lang', values.lang, LANGS);
const sourcesDir = values.sources ?? join(values.content, 'sources');
if (resolve(values.out) === resolve(sourcesDir)) {
  usageError(USAGE, '--out must not be the sources folder (the export would be ingested next to its own sources)');
}

try {
  const { handbook } = runPipeline(loadInputs(root, { content: values.content, sourcesDir }));
  const files = exportNative(handbook, { lang });
  mkdirSync(values.out, { recursive: true });
  for (const [name, text] of files) {
    const path = join(values.out, name);
    const tmp = `${path}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  }
  console.log(`wrote ${files.size} files (${handbook.questions.length} questions) to ${values.out}`);
} catch (error) {
  if (!(error instanceof SourceError)) throw error;
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}
