/**
 * Browser harness: executable lookup, the static server and a real headless Chromium session.
 */
import { mkdtemp, mkdir, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findChromium } from '../../tools/browser/find-chromium.ts';
import { launchBrowser } from '../../tools/browser/launch.ts';
import { serveStatic, type StaticServer } from '../../tools/browser/serve.ts';

/** Raw GET that keeps the path as written (fetch would normalise `/../`). */
function rawGet(
  base: string,
  path: string,
): Promise<{ status: number; type: string; body: string; location?: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () =>
        ok({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body,
          location: res.headers.location,
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'handbook-browser-'));
  await mkdir(join(dir, 'fundamentals'), { recursive: true });
  await mkdir(join(dir, '_astro'), { recursive: true });
  await mkdir(join(dir, 'pagefind'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Home</title><h1>home page</h1>');
  await writeFile(join(dir, 'fundamentals', 'index.html'), '<!doctype html><title>F</title><h1>fundamentals page</h1>');
  await writeFile(join(dir, '404.html'), '<!doctype html><title>404</title><h1>custom not found</h1>');
  await writeFile(join(dir, '_astro', 'app.js'), 'export {};');
  await writeFile(join(dir, '_astro', 'style.css'), 'body{}');
  await writeFile(join(dir, 'data.json'), '{}');
  await writeFile(join(dir, 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(dir, 'pagefind', 'pagefind.pf_meta'), Buffer.from([1, 2, 3]));
  await writeFile(join(dir, 'pagefind', 'wasm.en.pagefind'), Buffer.from([0, 97, 115, 109]));
  await writeFile(
    join(dir, 'button.html'),
    `<!doctype html><html><body>
      <button id="go" onclick="document.getElementById('out').textContent = 'clicked'">Go</button>
      <p id="out">waiting</p>
    </body></html>`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('findChromium', () => {
  it('finds the system chromium at /usr/bin/chromium', () => {
    expect(findChromium(undefined, { env: {} })).toBe('/usr/bin/chromium');
  });

  it('uses HANDBOOK_CHROMIUM before CHROMIUM_PATH and the candidates', () => {
    expect(
      findChromium(undefined, {
        env: { HANDBOOK_CHROMIUM: '/usr/bin/chromium', CHROMIUM_PATH: '/nope' },
        candidates: [],
      }),
    ).toBe('/usr/bin/chromium');
    expect(findChromium(undefined, { env: { CHROMIUM_PATH: '/usr/bin/chromium' }, candidates: [] })).toBe(
      '/usr/bin/chromium',
    );
  });

  it('throws naming an explicit path that does not exist (no fallback)', () => {
    const bad = '/definitely/not/here/chrome';
    expect(() => findChromium(bad)).toThrow(BrowserNotFoundError);
    expect(() => findChromium(bad)).toThrow(bad);
  });

  it('rejects a candidate that exists but is not executable', async () => {
    const file = join(dir, 'not-exec-chrome');
    await writeFile(file, '#!/bin/sh\n');
    await chmod(file, 0o644);
    expect(() => findChromium(undefined, { env: {}, candidates: [file] })).toThrow(BrowserNotFoundError);
  });

  it('throws BrowserNotFoundError with install instructions when nothing is found', () => {
    const find = () =>
      findChromium(undefined, { env: { PATH: '/nonexistent' }, candidates: ['/nonexistent/chromium'] });
    expect(find).toThrow(BrowserNotFoundError);
    expect(find).toThrow(/sudo apt-get install -y chromium/);
    expect(find).toThrow(/HANDBOOK_CHROMIUM=\/path\/to\/chrome/);
  });
});

describe('serveStatic', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(dir);
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on a random port on 127.0.0.1', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves directory indexes, with and without the trailing slash', async () => {
    const root = await rawGet(server.url, '/');
    expect(root.status).toBe(200);
    expect(root.type).toMatch(/^text\/html/);
    expect(root.body).toContain('home page');

    const nested = await rawGet(server.url, '/fundamentals/?q=1');
    expect(nested.status).toBe(200);
    expect(nested.body).toContain('fundamentals page');

    const bare = await rawGet(server.url, '/fundamentals?x=y');
    expect(bare.status).toBe(301);
    expect(bare.location).toBe('/fundamentals/?x=y');

    const followed = await fetch(new URL('fundamentals', server.url));
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain('fundamentals page');
  });

  it('answers 404 with dir/404.html', async () => {
    const res = await rawGet(server.url, '/missing/page/');
    expect(res.status).toBe(404);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.body).toContain('custom not found');
  });

  it('refuses path traversal', async () => {
    for (const path of [
      '/../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/fundamentals/../../etc/passwd',
      '/..%2fetc%2fpasswd',
    ]) {
      const res = await rawGet(server.url, path);
      expect([400, 404], path).toContain(res.status);
      expect(res.body).not.toContain('root:');
    }
  });

  it('sends the right content types', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/_astro/app.js', /^text\/javascript/],
      ['/_astro/style.css', /^text\/css/],
      ['/data.json', /^application\/json/],
      ['/font.woff2', /^font\/woff2$/],
      ['/pagefind/pagefind.pf_meta', /^application\/octet-stream$/],
      ['/pagefind/wasm.en.pagefind', /^application\/octet-stream$/],
      ['/button.html?cache=1', /^text\/html/],
    ];
    for (const [path, type] of cases) {
      const res = await rawGet(server.url, path);
      expect(res.status, path).toBe(200);
      expect(res.type, path).toMatch(type);
    }
  });
});

describe('launchBrowser + serveStatic', () => {
  it('clicks a button in real headless Chromium and takes a screenshot', async () => {
    // No skip: if Chromium is missing, launchBrowser throws BrowserNotFoundError with the install hint.
    const server = await serveStatic(dir);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const response = await page.goto(new URL('button.html', server.url).href);
      expect(response?.status()).toBe(200);
      expect(await page.textContent('#out')).toBe('waiting');
      await page.click('#go');
      expect(await page.textContent('#out')).toBe('clicked');
      const shot = join(dir, 'shot.png');
      await page.screenshot({ path: shot });
      expect((await stat(shot)).size).toBeGreaterThan(100);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
