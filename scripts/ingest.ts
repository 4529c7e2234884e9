/**
 * Command line: read content/sources/ and the data files, build the handbook model, print the
 * per-source report and write the generated pages atomically to src/content/docs/.
 *
 *   tsx scripts/ingest.ts [--sources DIR] [--out DIR] [--check] [--strict]
 *
 * --check   parse and report only, write nothing
 * --strict  fail when any source line could not be placed
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildHandbook } from '../src/ingest/pipeline.ts';
import { formatReport } from '../src/ingest/report.ts';
import { emitSite } from '../src/ingest/emit/index.ts';
import { writeSiteAtomically } from '../src/ingest/emit/write.ts';
import { SourceError } from '../src/ingest/errors.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: process.env.HANDBOOK_SOURCES ?? join(root, 'content/sources') },
    content: { type: 'string', default: join(root, 'content') },
    out: { type: 'string', default: join(root, 'src/content/docs') },
    check: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});

function readData(name: string) {
  const path = join(values.content, name);
  return { file: path, text: readFileSync(path, 'utf8') };
}

function main(): number {
  const dir = values.sources;
  const sources = readdirSync(dir)
    .filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isFile())
    .map((name) => ({ file: name, bytes: readFileSync(join(dir, name)) }));
  if (sources.length === 0) {
    console.error(`error: ${dir}: no source files`);
    return 1;
  }
  const handbook = buildHandbook({ sources, topics: readData('topics.yaml'), slugs: readData('slugs.yaml') });
  console.log(formatReport(handbook));
  const unplaced = handbook.sources.reduce((n, s) => n + s.lines.unplaced, 0);
  if (values.strict && unplaced > 0) {
    console.error(`error: ${unplaced} source line(s) could not be placed (--strict)`);
    return 1;
  }
  if (values.check) return 0;
  const files = emitSite(handbook, { langs: ['ru', 'en'] });
  writeSiteAtomically(files, values.out);
  console.log(`wrote ${files.size} files to ${values.out}`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof SourceError) {
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
