/**
 * Command line: read content/sources/ and the data files, build the handbook model, print the
 * per-source report and write the generated pages atomically to src/content/docs/.
 *
 *   tsx scripts/ingest.ts [--sources DIR] [--out DIR] [--check] [--strict]
 *
 * --check   parse and report only, write nothing
 * --strict  fail when any source line could not be placed
 * --frozen  fail when content/ids.lock.json would change (CI: every published id is committed)
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { serializeLock } from '../src/ingest/id-lock.ts';
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
    frozen: { type: 'boolean', default: false },
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
  const lockPath = join(values.content, 'ids.lock.json');
  const lockText = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : undefined;
  const { handbook, lock } = runPipeline({
    sources,
    topics: readData('topics.yaml'),
    slugs: readData('slugs.yaml'),
    lock: lockText === undefined ? undefined : { file: lockPath, text: lockText },
  });
  console.log(formatReport(handbook));
  const unplaced = handbook.sources.reduce((n, s) => n + s.lines.unplaced, 0);
  if (values.strict && unplaced > 0) {
    console.error(`error: ${unplaced} source line(s) could not be placed (--strict)`);
    return 1;
  }
  const newLock = serializeLock(lock);
  if (newLock !== lockText) {
    if (values.frozen) {
      console.error(`error: ${lockPath} is out of date (new or changed questions); run \`npm run ingest\` and commit it`);
      return 1;
    }
    if (!values.check) {
      writeFileSync(`${lockPath}.tmp-${process.pid}`, newLock);
      renameSync(`${lockPath}.tmp-${process.pid}`, lockPath);
      console.log(`updated ${lockPath}`);
    }
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
