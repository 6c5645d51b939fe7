/**
 * The search index, built after the pages (`astro:build:done`) through Pagefind's Node API
 * (src/lib/build/search-index-fs.ts), with the closed years' bundle kept in the build cache; then
 * the search page preloads each bundle's metadata (src/lib/build/search-preload-fs.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { cacheDirFor } from '#lib/build/cache-dir.ts';
import { buildSearchIndex } from '#lib/build/search-index-fs.ts';
import { preloadSearchMeta } from '#lib/build/search-preload-fs.ts';
import { CLOSED_BUNDLE, PRIMARY_BUNDLE } from '#lib/search/bundles.ts';

export function pagefindSearch(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'kfjz:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        await buildSearchIndex(
          fileURLToPath(dir),
          pages.map((p) => p.pathname),
          { root, cacheDir: cacheDirFor(root, 'search'), logger },
        );
        // Now that the bundles' metadata have their names, the search page preloads them.
        preloadSearchMeta(fileURLToPath(dir), base, [PRIMARY_BUNDLE, CLOSED_BUNDLE]);
      },
    },
  };
}
