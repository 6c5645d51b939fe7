/**
 * Every mistake in the bad-input corpus is named by the content check with its own
 * `file:line: field: message` line, as an error: `npm run check` prints these lines and exits 1,
 * and `npm run build` runs the same check (with its cache) before Astro and refuses. Run here in
 * the test's own process, as the scripts run it (the project as root, the content folder
 * elsewhere); tests/build/bad-inputs.test.ts runs the scripts themselves for one case, and what
 * only the build can catch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { errorsIn, formatProblem } from '#lib/check/problem.ts';
import { BAD_INPUTS, expectedLine } from '../fixtures/bad-inputs/cases.ts';
import { contentFolder } from '../support/content.ts';
import { ROOT } from '../support/root.ts';

const caches = mkdtempSync(join(tmpdir(), 'kfjz-bad-inputs-cache-'));
afterAll(() => rmSync(caches, { recursive: true, force: true }));

describe('a bad input', () => {
  test('corpus covers at least 25 distinct mistakes', () => {
    expect(new Set(BAD_INPUTS.map((c) => c.name)).size).toBe(BAD_INPUTS.length);
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BAD_INPUTS.map((c, i) => ({ ...c, i })))('$name: the check names it, as an error', (c) => {
    const dir = contentFolder(c.files());
    try {
      // With a cache file, as the build runs it: a first run checks every file as `npm run check`
      // does (one path, cache or not), the next takes each file's result from the cache.
      const cacheFile = join(caches, `${c.i}.json`);
      const problems = checkContent(ROOT, dir, { cacheFile });
      const printed = problems.map(formatProblem).join('\n');
      const line = expectedLine(c.expect, dir);
      expect(printed).toMatch(line);
      // The line is an error's (a warning would let the check pass and the build go on).
      expect(errorsIn(problems).map(formatProblem).join('\n')).toMatch(line);
      expect(checkContent(ROOT, dir, { cacheFile }).map(formatProblem).join('\n')).toBe(printed);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
