import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build-once.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Builds and browsers are heavy; two cores run two files at a time at most.
    maxWorkers: 2,
  },
});
