/**
 * Command line: read content/ (sources, topics, slugs, id lock, translations, answer overlays),
 * build the handbook model, print the per-source report and write the generated pages
 * atomically to src/content/docs/.
 *
 *   tsx scripts/ingest.ts [--sources DIR] [--out DIR] [--check] [--strict] [--frozen]
 *
 * --check   parse and report only, write nothing
 * --strict  fail when a source line could not be placed or a translation is missing or stale
 * --frozen  fail when content/ids.lock.json would change (every published id is committed)
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { formatReport } from '../src/ingest/report.ts';
import { serializeLock } from '../src/ingest/id-lock.ts';
import { emitSite } from '../src/ingest/emit/index.ts';
import { writeSiteAtomically } from '../src/ingest/emit/write.ts';
import { SourceError } from '../src/ingest/errors.ts';
import { loadInputs } from './inputs.ts';
import { formatRelatedStats } from '../src/ingest/related.ts';
import { formatPlans } from '../src/ingest/plans.ts';
import { parseCli } from './cli.ts';

const USAGE = `Usage: npm run ingest -- [--check] [--strict] [--frozen] [--content DIR] [--sources DIR] [--out DIR]

Reads content/ (sources, topics, slugs, id lock, translations, answers, plans), prints the
per-source report and writes the generated pages to src/content/docs/.

Options:
  --check          parse and report only; write nothing (no pages, no lock)
  --strict         fail when a source line could not be placed or a translation is missing or stale
  --frozen         fail when content/ids.lock.json would change
  --content DIR    the content folder (default: content/)
  --sources DIR    the sources folder (default: $HANDBOOK_SOURCES, else <content>/sources)
  --out DIR        where the pages go (default: src/content/docs/)
  -h, --help       show this help`;

const root = resolve(import.meta.dirname, '..');
const { values } = parseCli({
  usage: USAGE,
  options: {
    sources: { type: 'string', default: process.env.HANDBOOK_SOURCES },
    content: { type: 'string', default: join(root, 'content') },
    out: { type: 'string', default: join(root, 'src/content/docs') },
    check: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    frozen: { type: 'boolean', default: false },
  },
});

/** Writes a file by renaming a finished temporary file over it. */
function writeAtomically(path: string, text: string) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

async function main(): Promise<number> {
  const input = loadInputs(root, { content: values.content, sourcesDir: values.sources });
  if (input.sources.length === 0) {
    console.error(`error: ${values.sources ?? join(values.content, 'sources')}: no source files`);
    return 1;
  }
  const { handbook, lock, translationProblems } = runPipeline(input);
  console.log(formatReport(handbook));
  if (handbook.relatedStats) console.log(formatRelatedStats(handbook.relatedStats));
  if (handbook.plans?.length) console.log(formatPlans(handbook.plans));
  for (const p of translationProblems) console.log(`warning: ${p.file}:${p.line}: ${p.message}`);

  const unplaced = handbook.sources.reduce((n, s) => n + s.lines.unplaced, 0);
  if (values.strict && (unplaced > 0 || translationProblems.length > 0)) {
    console.error(
      `error: ${unplaced} unplaced source line(s), ${translationProblems.length} translation problem(s) (--strict)`,
    );
    return 1;
  }
  const lockPath = join(values.content, 'ids.lock.json');
  const newLock = serializeLock(lock);
  const oldLock = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : undefined;
  if (newLock !== oldLock) {
    if (values.frozen) {
      console.error(
        `error: ${lockPath} is out of date (new or changed questions): run \`npm run ingest\` and commit it`,
      );
      return 1;
    }
    if (!values.check) {
      writeAtomically(lockPath, newLock);
      console.log(`updated ${lockPath}`);
    }
  }
  if (values.check) return 0;
  const files = emitSite(handbook, { langs: ['ru', 'en'] });
  await writeSiteAtomically(files, values.out);
  console.log(`wrote ${files.size} files to ${values.out}`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof SourceError) {
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
