/**
 * A tiny static file server on 127.0.0.1 for a built Astro site (dist/), used by browser tests
 * and the PDF generator. GET/HEAD only; query strings are ignored.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** Content types by file extension; anything else is application/octet-stream (pagefind .pf_* included). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Content type for a file path. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface StaticServer {
  /** Base URL with trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

async function fileAt(path: string): Promise<{ size: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, path: string, size: number, status = 200): void {
  res.writeHead(status, { 'Content-Type': contentTypeFor(path), 'Content-Length': size, 'Cache-Control': 'no-store' });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(path)
    .on('error', () => res.destroy())
    .pipe(res);
}

/**
 * Serves `dir` on 127.0.0.1 (`port` 0, the default, picks a free port).
 * `/a/` -> a/index.html; `/a` -> the file a, else a.html, else a 301 redirect to `/a/` when a/ is a directory;
 * anything else -> dir/404.html (or plain text) with status 404. Paths escaping `dir` get 400.
 */
export async function serveStatic(dir: string, options: { port?: number } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  if (!(await isDirectory(root))) throw new Error(`serveStatic: not a directory: ${root}`);

  const notFound = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const page = join(root, '404.html');
    const info = await fileAt(page);
    if (info) return sendFile(req, res, page, info.size, 404);
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found');
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] || '/';
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      res.writeHead(400).end('Bad Request');
      return;
    }
    if (pathname.includes('\0') || !pathname.startsWith('/')) {
      res.writeHead(400).end('Bad Request');
      return;
    }
    const target = resolve(root, '.' + pathname.replaceAll('\\', '/'));
    if (target !== root && !target.startsWith(root + sep)) {
      res.writeHead(400).end('Bad Request');
      return;
    }

    if (pathname.endsWith('/')) {
      const index = join(target, 'index.html');
      const info = await fileAt(index);
      return info ? sendFile(req, res, index, info.size) : notFound(req, res);
    }
    const info = await fileAt(target);
    if (info) return sendFile(req, res, target, info.size);
    const html = await fileAt(target + '.html');
    if (html) return sendFile(req, res, target + '.html', html.size);
    if (await fileAt(join(target, 'index.html'))) {
      const query = (req.url ?? '').slice(rawPath.length);
      res.writeHead(301, { Location: rawPath + '/' + query }).end();
      return;
    }
    return notFound(req, res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : ok()));
      }),
  };
}
