/**
 * A static host for browser tests, on 127.0.0.1 and a random port, serving a built dist/ the way
 * the README's Deploy section asks of any host: under a base path, `x/` → `x/index.html`,
 * unknown paths → `404.html` with status 404, Pagefind's files with a binary type.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

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
  const root = normalize(dist + sep);
  const fileFor = (pathname: string): string | undefined => {
    if (!pathname.startsWith(base)) return undefined;
    const file = normalize(join(root, pathname.slice(base.length)));
    if (!file.startsWith(root)) return undefined;
    const candidate = pathname.endsWith('/') ? join(file, 'index.html') : file;
    return existsSync(candidate) && statSync(candidate).isFile() ? candidate : undefined;
  };
  const server = createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const found = fileFor(pathname);
    const served = found ?? join(root, '404.html');
    if (!existsSync(served)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream' });
    onServe?.(pathname, statSync(served).size);
    createReadStream(served).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
