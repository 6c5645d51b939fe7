/**
 * A bad-input case at the content check, as `npm run check` and `npm run build` run it (the
 * project as root, the content folder elsewhere), in the test's own process.
 */
import { rmSync } from 'node:fs';
import { expect } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { errorsIn, formatProblem } from '#lib/check/problem.ts';
import { expectedLine, type BadInput } from '../fixtures/bad-inputs/cases.ts';
import { contentFolder } from './content.ts';
import { ROOT } from './root.ts';

/**
 * The check names the case with its own line, as an error (so `npm run check` exits 1 and the
 * build refuses), and a second run, which takes the file's result from the cache as a rebuild
 * does, prints the same. `cacheFile`: a file of the test's own; the first run checks every file
 * as `npm run check` does (one path, cache or not).
 */
export function expectNamedByCheck(c: BadInput, cacheFile: string): void {
  const dir = contentFolder(c.files());
  try {
    const problems = checkContent(ROOT, dir, { cacheFile });
    const printed = problems.map(formatProblem).join('\n');
    const line = expectedLine(c.expect, dir);
    expect(printed).toMatch(line);
    // An error's line: a warning would let the check pass and the build go on.
    expect(errorsIn(problems).map(formatProblem).join('\n')).toMatch(line);
    expect(checkContent(ROOT, dir, { cacheFile }).map(formatProblem).join('\n')).toBe(printed);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
