import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// Lives under tests/ because the project's top level is kept to the fixed set of folders.
// Projects by cost: `unit` needs no build (npm run test:unit, seconds); `build` and `e2e` read
// one shared build of the archive, made once per run by tests/setup/build-once.ts.
const root = resolve(import.meta.dirname, '..');
const site = { globalSetup: ['tests/setup/build-once.ts'], testTimeout: 120_000, hookTimeout: 300_000 };

export default defineConfig({
  root,
  test: {
    // Builds and browsers are heavy; two cores run two files at a time at most.
    maxWorkers: 2,
    projects: [
      // Unit files share one module graph per worker (isolate: false): each file would otherwise
      // import the MDX and Astro toolchains again, which costs more than most files' tests. No unit
      // test mocks a module or keeps global state (one sets an env variable and restores it).
      // Tests that spawn processes (the commands, the image check's decoder) live in the build project.
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 60_000, isolate: false },
      },
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], ...site } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], ...site } },
    ],
  },
});
