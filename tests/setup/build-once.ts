/**
 * Builds the tests' own archive (tests/fixtures/archive: the seed issue) once per test run into a temporary folder and hands its path to
 * every test file (`inject('distDir')`). Tests never read or write the developer's dist/.
 * The `build` and `e2e` projects both name this setup; the first to start builds, the other
 * reuses that build (Vitest runs every project's global setup in its one main process).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { FIXTURE_ARCHIVE, ROOT } from '../support/seed.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

interface SharedBuild {
  dir: string;
  users: number;
}
const shared = globalThis as { kfjzSharedBuild?: SharedBuild };

export default function setup(project: TestProject) {
  if (!shared.kfjzSharedBuild) {
    const dir = mkdtempSync(join(tmpdir(), 'kfjz-test-dist-'));
    execFileSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', dir, '--silent'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, KFJZ_CONTENT_DIR: FIXTURE_ARCHIVE },
    });
    shared.kfjzSharedBuild = { dir, users: 0 };
  }
  const build = shared.kfjzSharedBuild;
  build.users++;
  project.provide('distDir', build.dir);
  return () => {
    if (--build.users > 0) return;
    rmSync(build.dir, { recursive: true, force: true });
    delete shared.kfjzSharedBuild;
  };
}
