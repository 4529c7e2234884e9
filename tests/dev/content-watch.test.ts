/**
 * Live editing: `astro dev` (in a project copy, on a free port) re-ingests when a file under
 * content/ changes and serves the changed page without a restart; a broken edit is reported
 * with file and line (in the terminal and, in Chromium, in the dev server's error overlay) while
 * the last good pages stay served, and the open page updates once the file is fixed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../tools/browser/launch.ts';
import { childEnv, ingestIn, projectCopy, ROOT } from '../helpers/project-copy.ts';

const dir = projectCopy(`dev-watch-${process.pid}`);
let server: ChildProcess | undefined;
let browser: Browser | undefined;
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

/** The page path of the question titled `title` in edition `lang`, from the emitter's index (a topic may span several pages). */
const pageOf = (title: string, lang: 'ru' | 'en') => {
  const file = join(dir, 'src/content/docs/_data/questions.json');
  const entries = JSON.parse(readFileSync(file, 'utf8')) as { title: { ru: string }; url: Record<string, string> }[];
  return entries.find((q) => q.title.ru === title)?.url[lang].split('#')[0];
};

const page = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
};

/** The end of the dev server's log without its request and page-reload lines. */
const serverLog = () =>
  log
    .split('\n')
    .filter((line) => !/\[200\]|docs-loader/.test(line))
    .slice(-40)
    .join('\n');

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
        `timed out waiting for ${what} at ${base} (${String(last)} ${String((last as { cause?: unknown })?.cause)})\n${serverLog()}`,
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

afterAll(async () => {
  await browser?.close();
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
    await until('the fixed source', 30_000, async () => {
      const path = pageOf('What is a live-edited question?', 'ru');
      return path && (await page(path)).text.includes('What is a live-edited question?') ? true : undefined;
    });
  }, 90_000);

  it("shows a broken edit in the browser's error overlay with file:line, and the updated page once fixed", async () => {
    const live = join(dir, 'content/sources/live.md');
    const good = '## What is a live overlay question?\n{topic: python-sql}\n\nIts first answer.\n';
    writeFileSync(live, good);
    const { value: path } = await until('the new question', 30_000, async () => {
      const path = pageOf('What is a live overlay question?', 'en');
      return path && (await page(path)).text.includes('Its first answer.') ? path : undefined;
    });
    browser = await launchBrowser();
    const tab = await browser.newPage();
    await tab.goto(`${base}${path}`);
    await tab.getByText('Its first answer.').waitFor({ state: 'attached' });

    // A second question with an empty title on line 6.
    writeFileSync(live, `${good}\n## \n\nAn answer without its question.\n`);
    const overlay = tab.locator('vite-error-overlay');
    await overlay.locator('#message-content').waitFor({ timeout: 30_000 });
    expect(await overlay.locator('#message-content').innerText()).toMatch(
      /^live\.md:6: Native Markdown: a question heading "## " with no title\n/,
    );
    expect(await overlay.locator('#code h2').innerText()).toBe('sources/live.md:6:1');
    // Meanwhile the last good page is what the server serves.
    const served = await page(path);
    expect(served.status).toBe(200);
    expect(served.text).toContain('Its first answer.');

    writeFileSync(live, good.replace('Its first answer.', 'Its fixed answer.'));
    await expect.poll(() => overlay.count(), { timeout: 30_000 }).toBe(0);
    // The open page reloads by itself with the new text.
    await tab.getByText('Its fixed answer.').waitFor({ state: 'attached', timeout: 30_000 });
    expect(await tab.getByText('Its first answer.').count()).toBe(0);
  }, 120_000);

  it('shows an edited outline line in the original, marked untranslated, on the English level plan', async () => {
    const outline = join(dir, 'content/sources/deep-learning-interview-outline-backend.txt');
    const junior = async () => (await page('/en/plans/junior/')).text;
    expect(await junior()).toContain('Explains the core concepts in simple words');
    expect(await junior()).not.toContain('data-guide-untranslated');
    writeFileSync(
      outline,
      readFileSync(outline, 'utf8').replace(
        '- Объясняет основные концепции простыми словами',
        '- Объясняет основные концепции своими словами',
      ),
    );
    const { value: text } = await until('the edited outline', 30_000, async () => {
      const text = await junior();
      return text.includes('Объясняет основные концепции своими словами') ? text : undefined;
    });
    expect(text).toContain('data-guide-untranslated');
    expect(text).toContain('Not yet translated: shown in the original language');
    expect(text).not.toContain('Explains the core concepts in simple words');
  }, 60_000);
});
