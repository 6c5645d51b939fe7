/**
 * The build's content-check cache gives the same problems as checking afresh, and a kept result
 * never outlives the image files the issue names: a scan added after a failing check is seen,
 * and so is a link in the folder pointed at another file. In the build project because
 * the check decodes the scans in a Node process of its own, and the unit project runs no process.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { seedEdited } from '../fixtures/bad-inputs/cases.ts';

const dir = mkdtempSync(join(tmpdir(), 'kfjz-check-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 2×2 PNG: the scan only has to be a readable image (whole: the check decodes it). */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8//8/AwMDEwMDAwMDAwAkBgMB/DXemwAAAABJRU5ErkJggg==',
  'base64',
);

describe('the content-check cache', () => {
  const cacheFile = join(dir, 'cache', 'results.json');
  const check = (cached: boolean) => checkContent(dir, dir, cached ? { cacheFile } : {}).map(formatProblem);

  test('answers as a fresh check does, and sees a scan added after it failed', () => {
    writeFileSync(
      join(dir, '2024-18.mdx'),
      seedEdited(['pages: [D1]', 'pages:\n  - id: D1\n    scan: ./2024-18/D1.png']),
    );
    const missing = check(false);
    expect(missing).toEqual([expect.stringMatching(/pages\[0\] D1 scan: \.\/2024-18\/D1\.png: no such file$/)]);
    expect(check(true)).toEqual(missing);
    expect(check(true)).toEqual(missing);

    mkdirSync(join(dir, '2024-18'));
    writeFileSync(join(dir, '2024-18', 'D1.png'), TINY_PNG);
    expect(check(true)).toEqual([]);
    expect(check(false)).toEqual([]);
  });

  test('sees a link in the issue folder pointed out of it after a check that passed', () => {
    const scan = join(dir, '2024-18', 'D1.png');
    rmSync(join(dir, '2024-18'), { recursive: true, force: true });
    mkdirSync(join(dir, '2024-18'));
    writeFileSync(join(dir, '2024-18', 'page-1.png'), TINY_PNG);
    writeFileSync(join(dir, 'outside.png'), TINY_PNG);
    const then = new Date('2024-05-10T08:00:00Z');
    for (const f of [join(dir, '2024-18', 'page-1.png'), join(dir, 'outside.png')]) utimesSync(f, then, then);
    symlinkSync('page-1.png', scan);
    expect(check(true)).toEqual([]);
    expect(check(true)).toEqual([]);

    // The same bytes, size and mtime: only where the link leads has changed.
    unlinkSync(scan);
    symlinkSync('../outside.png', scan);
    const out = check(false);
    expect(out).toEqual([
      expect.stringMatching(/D1 scan: \.\/2024-18\/D1\.png: leads by a symbolic link to .*outside\.png, outside/),
    ]);
    expect(check(true)).toEqual(out);
  });
});
