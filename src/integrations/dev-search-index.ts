/**
 * Under `astro dev`, the index of the last build (dist/pagefind/) is served at /pagefind/, so
 * search works in development after one `npm run build`.
 */
import type { AstroIntegration } from 'astro';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

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
        const root = normalize(join(outDir, 'pagefind') + sep);
        let warned = false;
        server.middlewares.use(`${base}pagefind/`, (req, res, next) => {
          let file = '';
          try {
            file = normalize(join(root, decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')));
          } catch {
            // A malformed address is not ours to answer.
          }
          if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
            if (!existsSync(root) && !warned) {
              warned = true;
              logger.warn(`search has no index to serve: run \`npm run build\` once (it writes ${root})`);
            }
            next();
            return;
          }
          res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
    },
  };
}
