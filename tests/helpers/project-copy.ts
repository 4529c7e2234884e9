/**
 * Isolated copies of the project for tests and benchmarks that build the site.
 *
 * Astro builds whatever is in src/content/docs/, so a test that builds must never do it in the
 * working tree (other tests, or a developer's `npm run dev`, use that folder). A copy holds
 * every project file but node_modules (symlinked), dist/, .cache/ and the generated pages.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', '.cache', '.astro', '.git']);

/** Creates (afresh) `.cache/projects/<name>/`, a copy of the project without generated output. */
export function projectCopy(name: string): string {
  const dir = join(ROOT, '.cache/projects', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const keep = (src: string) => {
    const rel = relative(ROOT, src);
    return rel !== 'src/content/docs' && !rel.startsWith('src/content/docs/');
  };
  for (const entry of readdirSync(ROOT)) {
    if (SKIP.has(entry)) continue;
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: keep });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/**
 * Environment for child processes: the pinned Node 22 first on PATH, no telemetry, and without
 * vitest's `NODE_ENV=test`, which would make `astro build` a development build (Starlight then
 * renders "search is only available in production builds" instead of the search UI).
 */
export function childEnv(): NodeJS.ProcessEnv {
  const { NODE_ENV: _vitest, ...env } = process.env;
  return {
    ...env,
    PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

/** Runs `tsx scripts/ingest.ts ...args` inside a project copy. */
export async function ingestIn(dir: string, args: string[] = []): Promise<string> {
  const { stdout, stderr } = await run(join(ROOT, 'node_modules/.bin/tsx'), [join(dir, 'scripts/ingest.ts'), ...args], {
    cwd: dir,
    env: childEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout + stderr;
}

/** Runs `astro build` inside a project copy; returns the log. The site lands in `<dir>/dist`. */
export async function astroBuildIn(dir: string): Promise<string> {
  const { stdout, stderr } = await run(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: dir,
    env: childEnv(),
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout + stderr;
}

/** Ingests the copy's content/ and builds it: the full `npm run build` of that copy. */
export async function buildProject(dir: string): Promise<{ dist: string; log: string }> {
  const log = (await ingestIn(dir)) + (await astroBuildIn(dir));
  const dist = join(dir, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`build of ${dir} produced no dist/index.html\n${log}`);
  return { dist, log };
}
