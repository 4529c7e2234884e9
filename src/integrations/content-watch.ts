/**
 * Live editing under `astro dev`: watches content/** and re-ingests on every change (a source,
 * a translation, an answer, a plan or a data file). The ingest writes the generated pages
 * atomically, so Astro's own watcher reloads them; a failed ingest leaves the last good pages
 * served and shows its error (file:line) in the terminal and in Vite's browser overlay.
 *
 * Ingestion runs in one long-lived child process (tools/dev/ingest-worker.ts, started on the
 * first change), which does what `npm run ingest` does; changes during a run queue one more run.
 *
 * The emitter's data files (`src/content/docs/_data/*.json`: links, plans, …) are read from disk
 * by the modules that name `HANDBOOK_DATA_DIR` (src/data/handbook.ts), not imported,
 * so Vite would never see them change: in dev those modules watch them (`addWatchFile`), and a
 * new ingest re-runs them and the pages built from them (plan pages, the question index, …).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const DEBOUNCE_MS = 100;

type Result = { ok: true; ms: number } | { ok: false; error: string };

/** In dev, a module that reads the emitter's data files from disk depends on them, as on an import. */
function dataFileDependencies(dataDir: string): Plugin {
  return {
    name: 'handbook-data-files',
    enforce: 'pre',
    transform(code) {
      if (!code.includes('HANDBOOK_DATA_DIR') || !existsSync(dataDir)) return null;
      for (const name of readdirSync(dataDir)) if (name.endsWith('.json')) this.addWatchFile(join(dataDir, name));
      return null;
    },
  };
}

export default function contentWatch(): AstroIntegration {
  return {
    name: 'handbook-content-watch',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'dev') return;
        const dataDir = join(fileURLToPath(config.root), 'src/content/docs/_data');
        updateConfig({ vite: { plugins: [dataFileDependencies(dataDir)] } });
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = server.config.root;
        const content = join(root, 'content');
        const lockPath = join(content, 'ids.lock.json');
        const worker = join(root, 'tools/dev/ingest-worker.ts');
        if (!existsSync(content) || !existsSync(worker)) return;
        const readLock = () => (existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : '');
        let lastLock = readLock();
        let running = false;
        let again = false;
        let timer: NodeJS.Timeout | undefined;
        let changed = new Set<string>();
        let child: ChildProcessWithoutNullStreams | undefined;
        let answer: ((result: Result) => void) | undefined;
        // Started at once, so its modules are loaded before the first edit.
        const warm = () => (child = start());

        const start = () => {
          const proc = spawn(join(root, 'node_modules/.bin/tsx'), [worker, root], { cwd: root, env: process.env });
          proc.stderr.on('data', (chunk: Buffer) => logger.warn(chunk.toString().trimEnd()));
          createInterface({ input: proc.stdout }).on('line', (line) => {
            const done = answer;
            answer = undefined;
            done?.(JSON.parse(line) as Result);
          });
          proc.on('exit', (code) => {
            if (child === proc) child = undefined;
            const done = answer;
            answer = undefined;
            done?.({ ok: false, error: `the ingest process exited (code ${code})` });
          });
          server.httpServer?.once('close', () => proc.kill());
          return proc;
        };

        /** Where the overlay points: `<file>:<line>` of the message, under the root or content/sources/. */
        const locate = (message: string) => {
          const match = /^(.+?):(\d+): /.exec(message);
          if (!match) return {};
          const file = [join(root, match[1]), join(content, 'sources', match[1])].find((f) => existsSync(f));
          return file ? { id: file, loc: { file, line: Number(match[2]), column: 1 } } : {};
        };

        const report = (result: Result, started: number) => {
          if (result.ok) {
            logger.info(`ingested in ${Date.now() - started} ms`);
            return;
          }
          const message = result.error.split('\n')[0];
          logger.error(`error: ${message}`);
          server.ws.send({
            type: 'error',
            err: {
              message: `${message}\n\nThe last good pages stay served; fix the file and save to re-ingest.`,
              stack: '',
              plugin: 'handbook-content-watch',
              ...locate(message),
            },
          });
        };

        const ingest = () => {
          if (running) {
            again = true;
            return;
          }
          running = true;
          const files = [...changed].map((f) => relative(root, f)).join(', ');
          changed = new Set();
          const started = Date.now();
          logger.info(`content changed (${files}): re-ingesting`);
          child ??= start();
          answer = (result) => {
            lastLock = readLock();
            running = false;
            report(result, started);
            if (again) {
              again = false;
              ingest();
            }
          };
          child.stdin.write('run\n');
        };

        warm();
        server.watcher.add(content);
        server.watcher.on('all', (_event, path) => {
          if (path !== content && !path.startsWith(content + sep)) return;
          // The lock as ingestion itself just wrote it is no edit.
          if (path === lockPath && (running || readLock() === lastLock)) return;
          changed.add(path);
          clearTimeout(timer);
          timer = setTimeout(ingest, DEBOUNCE_MS);
        });
      },
    },
  };
}
