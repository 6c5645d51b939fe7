/**
 * Every mistake in the bad-input corpus is named by the content check with its own
 * `file:line: field: message` line, as an error: `npm run check` prints these lines and exits 1,
 * and `npm run build` runs the same check (with its cache) before Astro and refuses. Here the
 * cases whose check decodes no image (the unit project starts no process); those that do run in
 * tests/build/bad-inputs.test.ts, which also runs the scripts themselves for one case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BAD_INPUTS, decodesImages } from '../fixtures/bad-inputs/cases.ts';
import { expectNamedByCheck } from '../support/bad-inputs.ts';

const caches = mkdtempSync(join(tmpdir(), 'kfjz-bad-inputs-cache-'));
afterAll(() => rmSync(caches, { recursive: true, force: true }));

describe('a bad input', () => {
  test('corpus covers at least 25 distinct mistakes', () => {
    expect(new Set(BAD_INPUTS.map((c) => c.name)).size).toBe(BAD_INPUTS.length);
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BAD_INPUTS.map((c, i) => ({ ...c, i })).filter((c) => !decodesImages(c)))(
    '$name: the check names it, as an error',
    (c) => expectNamedByCheck(c, join(caches, `${c.i}.json`)),
  );
});
