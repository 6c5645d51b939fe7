/**
 * Builds the tests' own archive (or the one `KFJZ_CONTENT_DIR` names) with another configuration (SITE_URL, BASE_PATH, …) into a temp
 * folder, in a child process with its own Astro and build caches and working directory, one
 * such build at a time, so it never races another build or the developer's incremental cache.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_ARCHIVE, ROOT } from './seed.ts';

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

/**
 * Runs `fn` while holding the project's build lock. Every build of this project writes its
 * content collection's module map to `<root>/.astro/` (Astro fixes that folder to the root), so
 * two builds of different content at once can render one issue from the other's map; builds
 * started through here take turns instead. A lock left by a process that died is taken over.
 */
export function withBuildLock<T>(fn: () => T): T {
  const lock = join(ROOT, 'node_modules/.cache/kfjz-builds/lock');
  mkdirSync(join(lock, '..'), { recursive: true });
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(lock)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(wait, 0, 0, 500);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Just made and not yet written, or just removed: look again shortly.
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A copy of the project at `dir` (its node_modules linked), to run `npm run build` in as an editor
 * does: Astro keeps the content modules of a build in the project's own .astro/, which builds of
 * other content running beside it would share.
 */
export function projectCopy(dir: string): string {
  for (const name of [
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'src',
    'scripts',
    'public',
  ])
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
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
    withBuildLock(() =>
      execFileSync(join(ROOT, 'node_modules/.bin/node'), ['--input-type=module', '-e', script], {
        cwd,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...parentEnv(),
          KFJZ_CONTENT_DIR: FIXTURE_ARCHIVE,
          KFJZ_CACHE_DIR: join(work, 'kfjz-cache'),
          ...env,
        },
      }),
    );
  } catch (error) {
    remove();
    throw error;
  }
  return { dist: outDir, remove };
}
