/**
 * A long-lived ingest process for `astro dev` (src/integrations/content-watch.ts): reads one
 * line per run from stdin and answers with one JSON line on stdout, `{"ok":true,"ms":…}` or
 * `{"ok":false,"error":"<file>:<line>: …"}`. Each run does what `npm run ingest` does (read
 * content/, write the id lock when it changed, write the pages atomically); keeping the process
 * warm saves the start-up of a fresh `tsx scripts/ingest.ts` on every save.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { runPipeline } from '../../src/ingest/pipeline.ts';
import { serializeLock } from '../../src/ingest/id-lock.ts';
import { emitSite } from '../../src/ingest/emit/index.ts';
import { writeSiteAtomically } from '../../src/ingest/emit/write.ts';
import { SourceError } from '../../src/ingest/errors.ts';
import { loadInputs } from '../../scripts/inputs.ts';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '../..'));
const content = join(root, 'content');
const out = join(root, 'src/content/docs');

async function ingest(): Promise<{ ok: true; ms: number } | { ok: false; error: string }> {
  const started = performance.now();
  try {
    const { handbook, lock } = runPipeline(loadInputs(root, { content }));
    const lockPath = join(content, 'ids.lock.json');
    const text = serializeLock(lock);
    if (!existsSync(lockPath) || readFileSync(lockPath, 'utf8') !== text) {
      writeFileSync(`${lockPath}.tmp-${process.pid}`, text);
      renameSync(`${lockPath}.tmp-${process.pid}`, lockPath);
    }
    await writeSiteAtomically(emitSite(handbook, { langs: ['ru', 'en'] }), out);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof SourceError) return { ok: false, error: error.message };
    return { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

// One run at a time, in order of the requests.
let queue = Promise.resolve();
createInterface({ input: process.stdin }).on('line', () => {
  queue = queue.then(async () => {
    process.stdout.write(`${JSON.stringify(await ingest())}\n`);
  });
});
