/**
 * Pagefind's own browser API (`dist/pagefind/pagefind.js`) loaded in Node against a built
 * archive, served on 127.0.0.1: the same index, WebAssembly and query code a reader's browser
 * runs, without a browser (Node 24's Intl.Segmenter and WebAssembly stand in for Chromium's),
 * with the closed years' bundle merged in when the archive spans several years.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLOSED_BUNDLE } from '#lib/search/bundles.ts';
import type { PagefindApi } from '#lib/search/query.ts';
import { serveStatic } from './static-server.ts';

export interface NodePagefind {
  pagefind: PagefindApi & { filters(): Promise<Record<string, Record<string, number>>> };
  close: () => Promise<void>;
}

export async function loadPagefind(dist: string): Promise<NodePagefind> {
  const server = await serveStatic(dist);
  // A fresh module instance per archive: the query string makes Node load the file anew.
  const mod = await import(`${pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href}?${encodeURIComponent(dist)}`);
  await mod.options({ basePath: new URL('pagefind/', server.url).href, baseUrl: '/' });
  await mod.init();
  // The closed years' bundle, merged in as the search page does (src/lib/search/bundles.ts).
  if (existsSync(join(dist, CLOSED_BUNDLE)))
    await mod.mergeIndex(new URL(CLOSED_BUNDLE, server.url).href, { baseUrl: '/' });
  return {
    pagefind: mod,
    close: async () => {
      await mod.destroy?.();
      await server.close();
    },
  };
}
