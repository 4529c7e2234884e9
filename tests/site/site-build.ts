/**
 * Test helper: build the sample handbook into a throwaway dist with `astro build`.
 *
 * src/content/docs/ is generated (and git-ignored); the helper moves whatever is there aside,
 * writes the sample through `writeSiteAtomically`, builds into `.cache/site-test/dist`, and
 * `restore()` puts the previous content back.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Handbook, Lang } from '../../src/ingest/model.ts';
import { emitSite } from '../../src/ingest/emit/index.ts';
import { writeSiteAtomically } from '../../src/ingest/emit/write.ts';

const run = promisify(execFile);

export const ROOT = resolve(import.meta.dirname, '../..');
export const DOCS_DIR = join(ROOT, 'src/content/docs');

export interface SiteBuild {
  /** Absolute path of the built site. */
  dist: string;
  /** Emitted files (relative to src/content/docs/). */
  files: Map<string, string>;
  /** Build log (stdout + stderr). */
  log: string;
  /** Put back the content src/content/docs/ had before the build. */
  restore(): Promise<void>;
}

/** Emit `handbook`, write it to src/content/docs/ and run `astro build`. */
export async function buildSite(handbook: Handbook, langs: Lang[] = ['ru', 'en']): Promise<SiteBuild> {
  const files = emitSite(handbook, { langs });
  const dist = join(ROOT, '.cache/site-test/dist');
  const backup = join(ROOT, `src/content/.docs.tmp-test-backup-${process.pid}`);
  const hadDocs = existsSync(DOCS_DIR);
  if (hadDocs) await rename(DOCS_DIR, backup);
  const restore = async (): Promise<void> => {
    await rm(DOCS_DIR, { recursive: true, force: true });
    if (hadDocs) await rename(backup, DOCS_DIR);
  };
  try {
    await writeSiteAtomically(files, DOCS_DIR);
    await rm(dist, { recursive: true, force: true });
    await mkdir(dist, { recursive: true });
    const astro = join(ROOT, 'node_modules/.bin/astro');
    const env = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1' };
    const { stdout, stderr } = await run(astro, ['build', '--outDir', dist], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    return { dist, files, log: stdout + stderr, restore };
  } catch (error) {
    await restore();
    throw error;
  }
}
