/**
 * A static host for browser tests, on 127.0.0.1 and a random port, serving a built dist/ the way
 * the README's Deploy section asks of any host: under a base path, `x/` → `x/index.html`,
 * unknown paths → `404.html` with status 404, Pagefind's files with a binary type.
 */
import { createReadStream, existsSync, statSync, type Stats } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';

/**
 * Types sirv's table has not (Pagefind's files, .ico) or names otherwise than the hosts the
 * archive is published on (XML).
 */
const TYPES: [RegExp, string][] = [
  [/\.(pagefind|pf_\w+)$/, 'application/octet-stream'],
  [/\.ico$/, 'image/x-icon'],
  [/\.xml$/, 'application/xml; charset=utf-8'],
];

export interface StaticServer {
  /** The site's root URL, base path included: `http://127.0.0.1:PORT/kfjz/`. */
  url: string;
  close: () => Promise<void>;
}

/** `onServe` sees every file served with its size (the benchmark counts search bytes with it). */
export async function serveStatic(
  dist: string,
  base = '/',
  onServe?: (pathname: string, bytes: number) => void,
): Promise<StaticServer> {
  // The address each response answers, for onServe (sirv sees it rewritten).
  const requested = new WeakMap<ServerResponse, string>();
  // dev: files looked up on each request (a test may build into dist/ after the server started);
  // no extensions: only `x/` (rewritten to `x/index.html` below) is served as a page, not `x` or `x.html`.
  const files = sirv(dist, {
    dev: true,
    extensions: [],
    setHeaders: (res: ServerResponse, pathname: string, stats: Stats) => {
      const type = TYPES.find(([pattern]) => pattern.test(pathname))?.[1];
      if (type) res.setHeader('content-type', type);
      onServe?.(requested.get(res) ?? pathname, stats.size);
    },
  });
  const notFound = join(dist, '404.html');
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    let pathname = url.split('?')[0] ?? '/';
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      // Left as sent: it names no file.
    }
    requested.set(res, pathname);
    const notFoundPage = () => {
      if (!existsSync(notFound)) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      onServe?.(pathname, statSync(notFound).size);
      createReadStream(notFound).pipe(res);
    };
    if (!url.startsWith(base)) return notFoundPage();
    req.url = `/${url.slice(base.length)}`.replace(/\/(?=$|\?)/, '/index.html');
    files(req, res, notFoundPage);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
