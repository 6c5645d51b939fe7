/**
 * The search index, built after the pages (`astro:build:done`) through Pagefind's Node API
 * (src/lib/build/search-index-fs.ts), with the closed years' bundle kept in the build cache.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { cacheDirFor } from '#lib/build/cache-dir.ts';
import { buildSearchIndex } from '#lib/build/search-index-fs.ts';

export function pagefindSearch(): AstroIntegration {
  let root = '';
  return {
    name: 'kfjz:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        await buildSearchIndex(
          fileURLToPath(dir),
          pages.map((p) => p.pathname),
          { root, cacheDir: cacheDirFor(root, 'search'), logger },
        );
      },
    },
  };
}
