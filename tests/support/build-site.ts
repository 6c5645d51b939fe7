/**
 * Builds the real archive with another configuration (SITE_URL, BASE_PATH, …) into a temp
 * folder, in a child process with its own Astro cache folder and working directory, so it never
 * races the shared build, another such build or the developer's incremental cache.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

/**
 * A working folder of the build's own inside the project. Astro writes its intermediate
 * prerender bundle to `<cwd>/.astro/` when the output folder lies outside the working directory,
 * so two builds started from the project folder would share (and delete) one bundle; and the
 * bundle must lie inside the project, where it finds node_modules.
 */
export function buildCwd(): string {
  const parent = join(ROOT, 'node_modules/.cache/kfjz-builds');
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'build-'));
}

/** The build's output folder, and a way to remove it with its cache. */
export function buildSite(env: Record<string, string>): { dist: string; remove: () => void } {
  const work = mkdtempSync(join(tmpdir(), 'kfjz-variant-'));
  const cwd = buildCwd();
  const outDir = join(work, 'dist');
  const script = `import { build } from 'astro';
await build({ root: ${JSON.stringify(ROOT)}, outDir: ${JSON.stringify(outDir)}, cacheDir: ${JSON.stringify(join(work, 'cache'))}, logLevel: 'error' });`;
  const remove = () => {
    rmSync(work, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  };
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/node'), ['--input-type=module', '-e', script], {
      cwd,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...parentEnv(), KFJZ_CONTENT_DIR: join(ROOT, 'content/issues'), ...env },
    });
  } catch (error) {
    remove();
    throw error;
  }
  return { dist: outDir, remove };
}
