/**
 * Live editing: `astro dev` (in a project copy, on a free port) re-ingests when a file under
 * content/ changes and serves the changed page without a restart; a broken edit is reported
 * with file and line while the last good pages stay served.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv, ingestIn, projectCopy, ROOT } from '../helpers/project-copy.ts';

const dir = projectCopy(`dev-watch-${process.pid}`);
let server: ChildProcess | undefined;
let log = '';
let base = '';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const page = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
};

async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined> | T | undefined) {
  const started = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return { value, ms: Date.now() - started };
    } catch (error) {
      last = error; // not up yet
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(
        `timed out waiting for ${what} at ${base} (${String(last)} ${String((last as { cause?: unknown })?.cause)})\n${log.slice(-3000)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await ingestIn(dir);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: dir,
    // Without vitest's variables: Vite under VITEST=… does not serve like `astro dev` does.
    env: Object.fromEntries(Object.entries(childEnv()).filter(([key]) => !key.startsWith('VITEST'))),
    detached: true,
  });
  server.stdout!.on('data', (chunk) => (log += chunk));
  server.stderr!.on('data', (chunk) => (log += chunk));
  await until('the dev server', 90_000, async () => ((await page('/fundamentals/')).status === 200 ? true : undefined));
}, 180_000);

afterAll(() => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev watches content/', () => {
  const bank = join(dir, 'content/sources/cv-ml-engineer-question-bank.txt');

  it('re-ingests an edited source and serves the changed page', async () => {
    expect((await page('/fundamentals/')).text).toContain('Какие виды нормализации существуют?');
    writeFileSync(
      bank,
      readFileSync(bank, 'utf8').replace(
        '3. Какие виды нормализации существуют?',
        '3. Какие виды нормализации существуют на практике?',
      ),
    );
    const { ms } = await until('the edited page', 30_000, async () =>
      (await page('/fundamentals/')).text.includes('Какие виды нормализации существуют на практике?')
        ? true
        : undefined,
    );
    console.log(`dev watch: edit visible after ${ms} ms`);
    expect(log).toMatch(/content changed \(content\/sources\/cv-ml-engineer-question-bank\.txt\): re-ingesting/);
  }, 60_000);

  it('reports a broken edit with file and line and keeps the last good pages', async () => {
    const mine = join(dir, 'content/sources/mine.md');
    writeFileSync(mine, '## What is dropout?\n\n### Summary\n\nText.\n');
    await until('the error', 30_000, () =>
      /error: mine\.md:3: .*unknown answer-part heading "### Summary"/.test(log) ? true : undefined,
    );
    const { status, text } = await page('/fundamentals/');
    expect(status).toBe(200);
    expect(text).toContain('Какие виды нормализации существуют на практике?');
    // Fixing the file re-ingests again: the new question appears.
    writeFileSync(mine, '## What is a live-edited question?\n{topic: python-sql}\n\nIts answer.\n');
    // Its page: python-sql may span several pages; the emitter's index says which one.
    const pageOfNew = () => {
      const file = join(dir, 'src/content/docs/_data/questions.json');
      const entry = (JSON.parse(readFileSync(file, 'utf8')) as { title: { ru: string }; url: { ru: string } }[]).find(
        (q) => q.title.ru === 'What is a live-edited question?',
      );
      return entry?.url.ru.split('#')[0];
    };
    await until('the fixed source', 30_000, async () => {
      const path = pageOfNew();
      return path && (await page(path)).text.includes('What is a live-edited question?') ? true : undefined;
    });
  }, 90_000);
});
