/**
 * Benchmark sandboxes: an isolated copy of the project whose content/ holds synthetic sources,
 * so `astro build` can run on it without touching the real src/content/docs/ or dist/.
 *
 * node_modules is copied as hard links (`cp -al`: no extra disk space, a few hundred ms), not
 * symlinked: Vite resolves a symlinked node_modules to its real path outside the project root
 * and Astro's compiler then fails to find its own virtual modules. Cache folders inside
 * node_modules (.astro, .vite, ...) are left out so a build in the copy never rewrites a cache
 * file the real project shares by inode.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { SyntheticSource } from './synthetic.ts';

/** Top-level entries never copied into a sandbox. */
const SKIP_TOP = new Set(['node_modules', 'dist', '.cache', '.git', '.astro', '.starlight-links-validator']);
/** Cache folders inside node_modules that builds rewrite. */
const SKIP_MODULES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

/**
 * Copies the project at `root` into `dir` (created), without build output, generated pages or
 * caches; node_modules as hard links.
 */
export function copyProject(root: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(root)) {
    if (SKIP_TOP.has(name)) continue;
    cpSync(join(root, name), join(dir, name), {
      recursive: true,
      filter: (src) => !relative(root, src).startsWith(join('src', 'content', 'docs')) && !src.includes('.tmp-'),
    });
  }
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (SKIP_MODULES.has(name)) continue;
    execFileSync('cp', ['-al', join(root, 'node_modules', name), join(modules, name)]);
  }
}

/**
 * Replaces the sandbox's content/ by a synthetic corpus: the real topics (without per-id
 * overrides, which name real questions), slug rules and concept vocabulary; no id lock, translations,
 * answer overlays, relations or plans (they all name real question ids).
 */
export function writeSyntheticContent(root: string, dir: string, sources: readonly SyntheticSource[]): void {
  const content = join(dir, 'content');
  rmSync(content, { recursive: true, force: true });
  mkdirSync(join(content, 'sources'), { recursive: true });
  const topics = parseDocument(readFileSync(join(root, 'content/topics.yaml'), 'utf8'));
  topics.set('overrides', {});
  writeFileSync(join(content, 'topics.yaml'), topics.toString());
  for (const file of ['slugs.yaml', 'concepts.yaml']) {
    if (existsSync(join(root, 'content', file))) cpSync(join(root, 'content', file), join(content, file));
  }
  for (const source of sources) writeFileSync(join(content, 'sources', source.file), source.text);
}

/** Result of one measured command. */
export interface Measured {
  /** Wall-clock seconds. */
  seconds: number;
  /** Largest resident set of the command or any child it waited for, in bytes (0 if unknown). */
  maxRss: number;
  code: number;
  output: string;
}

export const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command in `cwd`, timing it; under GNU time (`/usr/bin/time -v`) when installed, for
 * the peak RSS. Without GNU time the peak is sampled from /proc every 100 ms (the process
 * group's summed RSS, an upper bound of the largest single process).
 */
export async function measure(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
  const start = performance.now();
  const child = spawn(cmd, argv, { cwd, env, detached: !useTime });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let sampled = 0;
  const timer = useTime ? undefined : setInterval(() => (sampled = Math.max(sampled, groupRss(child.pid!))), 100);
  const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  if (timer) clearInterval(timer);
  const seconds = (performance.now() - start) / 1000;
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
  return { seconds, maxRss: kb ? Number(kb[1]) * 1024 : sampled, code, output };
}

/** Summed RSS of the processes in process group `pgid`, from /proc (bytes). */
function groupRss(pgid: number): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Every file under `dir` with its size (relative POSIX paths). */
export function fileSizes(dir: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else out.push({ path: relative(dir, path), bytes: st.size });
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}
