/**
 * Builds the real archive once per test run into a temporary folder and hands its path to
 * every test file (`inject('distDir')`). Tests never read or write the developer's dist/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}

export const ROOT = resolve(import.meta.dirname, '../..');

export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'kfjz-test-dist-'));
  execFileSync(join(ROOT, 'node_modules/.bin/astro'), ['build', '--outDir', dir, '--silent'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, KFJZ_CONTENT_DIR: 'content/issues' },
  });
  project.provide('distDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
