/**
 * Command line for the id lock (content/ids.lock.json): what changed, and retiring ids on
 * purpose. See USAGE.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { runPipeline } from '../src/ingest/pipeline.ts';
import { IdLock, serializeLock, type LockEntry } from '../src/ingest/id-lock.ts';
import { parseDataFile } from '../src/ingest/data-file.ts';
import { SourceError } from '../src/ingest/errors.ts';
import { loadInputs } from './inputs.ts';
import { parseCli, usageError } from './cli.ts';

const USAGE = `Usage: npm run ids -- <command> [options]

The id lock keeps every published question id. A published id whose question is gone stops the
build until the question comes back or the id is retired on purpose (a retired id stays
reserved; its permalink says the question was removed).

Commands:
  status              list published ids that no longer match a question ("missing") and the
                      ids new questions would get ("new"); exit code 1 when any id is missing
  retire <id>...      retire these published ids (each must no longer match a question)
  retire --missing    retire every missing id

Options:
  --missing           with retire: every missing id
  --content DIR       the content folder (default: content/)
  --sources DIR       the sources folder (default: <content>/sources)
  -h, --help          show this help`;

const root = resolve(import.meta.dirname, '..');
const { values, positionals } = parseCli({
  usage: USAGE,
  allowPositionals: true,
  options: {
    missing: { type: 'boolean', default: false },
    content: { type: 'string', default: join(root, 'content') },
    sources: { type: 'string' },
  },
});

const describe = (e: LockEntry) =>
  `"${e.id}" (${e.source}${e.number !== undefined ? ` #${e.number}` : ''}: ${e.title})`;

/** The pipeline with missing ids reported instead of failing; the lock as it is on disk. */
function current() {
  const input = loadInputs(root, { content: values.content, sourcesDir: values.sources });
  const lockPath = join(values.content, 'ids.lock.json');
  // Read as plain JSON (checked by the schema), so a rewrite keeps every entry's key order.
  let lock: IdLock = { version: 1, questions: [] };
  if (existsSync(lockPath)) {
    const text = readFileSync(lockPath, 'utf8');
    const file = relative(root, lockPath) || lockPath;
    lock = parseDataFile(text, file, IdLock).value;
    try {
      lock = JSON.parse(text) as IdLock;
    } catch {
      // YAML-only syntax: keep the schema's reading
    }
  }
  const result = runPipeline(input, { keepDroppedIds: true });
  return { lockPath, lock, result };
}

function status(): number {
  const { lock, result } = current();
  const known = new Set(lock.questions.flatMap((e) => [e.id, ...e.aliases]));
  const added = result.handbook.questions.filter((q) => !known.has(q.id));
  for (const e of result.droppedIds) console.log(`missing: ${describe(e)}: published, no question matches it`);
  for (const q of added) console.log(`new: "${q.id}" (${q.source.file}:${q.source.lines[0]}: ${q.title})`);
  const retired = lock.questions.filter((e) => e.retired).length;
  console.log(`${result.droppedIds.length} missing, ${added.length} new, ${retired} retired`);
  if (result.droppedIds.length > 0) {
    console.log(
      `retire them on purpose with \`npm run ids -- retire --missing\` (or name them), or restore their questions`,
    );
    return 1;
  }
  return 0;
}

function retire(ids: string[], missing: boolean): number {
  if (missing && ids.length > 0) usageError(USAGE, 'retire takes either ids or --missing, not both');
  if (!missing && ids.length === 0) usageError(USAGE, 'retire needs ids or --missing');
  const { lockPath, lock, result } = current();
  const dropped = new Set(result.droppedIds.map((e) => e.id));
  const targets = missing ? [...dropped] : ids;
  if (targets.length === 0) {
    console.log('no missing ids: nothing to retire');
    return 0;
  }
  const changed: string[] = [];
  for (const id of targets) {
    const entry = lock.questions.find((e) => e.id === id);
    if (!entry) {
      const owner = lock.questions.find((e) => e.aliases.includes(id));
      console.error(
        owner
          ? `error: "${id}" is an old id (alias) of "${owner.id}", not a published id of its own`
          : `error: "${id}" is not a published id in ${relative(root, lockPath) || lockPath}`,
      );
      return 1;
    }
    if (entry.retired) {
      console.log(`"${id}" is already retired`);
      continue;
    }
    if (!dropped.has(id)) {
      const q = result.handbook.questions.find((x) => x.id === id)!;
      console.error(
        `error: "${id}" still belongs to a question (${q.source.file}:${q.source.lines[0]}: ${q.title}); ` +
          `remove the question first, then retire its id`,
      );
      return 1;
    }
    entry.retired = true;
    changed.push(id);
  }
  if (changed.length > 0) {
    const tmp = `${lockPath}.tmp-${process.pid}`;
    writeFileSync(tmp, serializeLock(lock));
    renameSync(tmp, lockPath);
    console.log(`retired ${changed.map((id) => `"${id}"`).join(', ')} in ${relative(root, lockPath) || lockPath}`);
  }
  return 0;
}

const [command, ...rest] = positionals;
try {
  if (command === 'status') {
    if (rest.length > 0) usageError(USAGE, `status takes no arguments (got "${rest[0]}")`);
    if (values.missing) usageError(USAGE, '--missing goes with retire');
    process.exitCode = status();
  } else if (command === 'retire') {
    process.exitCode = retire(rest, values.missing);
  } else if (command === undefined) {
    usageError(USAGE, 'missing command (status or retire)');
  } else {
    usageError(USAGE, `unknown command "${command}" (expected status or retire)`);
  }
} catch (error) {
  if (!(error instanceof SourceError)) throw error;
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
}
