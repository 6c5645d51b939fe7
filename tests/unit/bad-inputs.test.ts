/**
 * Every mistake in the bad-input corpus is named by the content check with its own
 * `file:line: field: message` line, as an error, and inside GitHub Actions as a workflow command
 * on its file and line: `npm run check` prints these and exits 1, and `npm run build` runs the
 * same check (with its cache) before Astro and refuses. Run here in the test's own process, as
 * the scripts run it (the project as root, the content folder elsewhere), once per case for both
 * formats; tests/build/bad-inputs.test.ts runs the scripts themselves for one case, and what only
 * the build can catch.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { errorsIn, formatGithubAnnotation, formatProblem } from '#lib/check/problem.ts';
import { BAD_INPUTS, expectedLine, type ExpectedProblem } from '../fixtures/bad-inputs/cases.ts';
import { parseAnnotation } from '../support/annotations.ts';
import { contentFolder } from '../support/content.ts';
import { ROOT } from '../support/root.ts';

const lineOf = (e: ExpectedProblem, text: string) => {
  if (typeof e.line !== 'object') return e.line;
  return text.slice(0, text.indexOf(e.line.of)).split('\n').length;
};

const caches = mkdtempSync(join(tmpdir(), 'kfjz-bad-inputs-cache-'));
afterAll(() => rmSync(caches, { recursive: true, force: true }));

describe('a bad input', () => {
  test('corpus covers at least 25 distinct mistakes', () => {
    expect(new Set(BAD_INPUTS.map((c) => c.name)).size).toBe(BAD_INPUTS.length);
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BAD_INPUTS.map((c, i) => ({ ...c, i })))(
    '$name: the check names it, as an error, and annotates it on its line',
    (c) => {
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

        // Inside GitHub Actions: one workflow command per problem, each on one line, each unescaping
        // to the problem itself; the case's own on its file and line, titled by its field, an error.
        const annotations = problems.map(formatGithubAnnotation);
        for (const [i, a] of annotations.entries()) {
          const p = problems[i]!;
          expect(a).not.toMatch(/[\r\n]/);
          expect(parseAnnotation(a)).toEqual({
            level: p.severity,
            properties: {
              file: p.file,
              ...(p.line === undefined ? {} : { line: String(p.line) }),
              title: p.field ?? 'content check',
            },
            message: p.message,
          });
        }
        const file = join(dir, c.expect.file);
        const at = lineOf(c.expect, readFileSync(file, 'utf8'));
        const annotated = annotations.map(parseAnnotation).find((a) => {
          const message = c.expect.message;
          const said = typeof message === 'string' ? a.message === message : message.test(a.message);
          return said && a.properties.file === file;
        });
        expect(annotated, annotations.join('\n')).toMatchObject({
          level: 'error',
          properties: {
            ...(at === undefined ? {} : { line: String(at) }),
            ...(c.expect.field === undefined ? {} : { title: c.expect.field }),
          },
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
