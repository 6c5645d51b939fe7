import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Lives under tests/ because the project's top level is kept to the fixed set of folders.
export default defineConfig({
  root: resolve(import.meta.dirname, '..'),
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build-once.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Builds and browsers are heavy; two cores run two files at a time at most.
    maxWorkers: 2,
  },
});
