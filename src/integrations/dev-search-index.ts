/**
 * Under `astro dev`, the index of the last build (dist/pagefind/) is served at /pagefind/, so
 * search works in development after one `npm run build`.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export function devSearchIndex(): AstroIntegration {
  let outDir = '';
  let base = '/';
  return {
    name: 'kfjz:dev-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const root = join(outDir, 'pagefind');
        // dev: files looked up on each request, so a build made while the server runs is served.
        const files = sirv(root, {
          dev: true,
          // Pagefind's index files (.pf_*, .pagefind) are not in sirv's table of types.
          setHeaders: (res, pathname) => {
            if (/\.(pagefind|pf_\w+)$/.test(pathname)) res.setHeader('content-type', 'application/octet-stream');
          },
        });
        let warned = false;
        server.middlewares.use(`${base}pagefind/`, (req, res, next) => {
          if (!existsSync(root) && !warned) {
            warned = true;
            logger.warn(`search has no index to serve: run \`npm run build\` once (it writes ${root})`);
          }
          files(req, res, next);
        });
      },
    },
  };
}
