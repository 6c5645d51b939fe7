/**
 * Builds the real archive with another configuration (SITE_URL, BASE_PATH, …) into a temp
 * folder, in a child process with its own Astro and build caches, so it never races the shared
 * build or the developer's incremental cache.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './root.ts';

/**
 * The environment without what Vitest adds for `import.meta.env` (BASE_URL, MODE, PROD, …):
 * Vite would read BASE_URL=/ from it and ignore the configured base path.
 */
export function parentEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('VITE_')) delete env[key];
  return env;
}

/** The build's output folder, and a way to remove it with its cache. */
export function buildSite(env: Record<string, string>): { dist: string; remove: () => void } {
  const work = mkdtempSync(join(tmpdir(), 'kfjz-variant-'));
  const outDir = join(work, 'dist');
  const script = `import { build } from 'astro';
await build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(join(work, 'cache'))}, logLevel: 'error' });`;
  execFileSync(join(ROOT, 'node_modules/.bin/node'), ['--input-type=module', '-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...parentEnv(), KFJZ_CONTENT_DIR: 'content/issues', KFJZ_CACHE_DIR: join(work, 'kfjz-cache'), ...env },
  });
  return { dist: outDir, remove: () => rmSync(work, { recursive: true, force: true }) };
}
