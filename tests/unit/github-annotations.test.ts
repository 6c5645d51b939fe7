/**
 * Inside GitHub Actions the content check prints each problem as a workflow command, which the
 * runner shows on the problem's line of the pull request's diff. Every mistake of the bad-input
 * corpus and a cross-check warning. The corpus's mistakes in image files are checked in
 * tests/build/image-annotations.test.ts (decoding them runs a process), and `npm run check`
 * itself, run as the workflow runs it, in tests/build/commands.test.ts.
 */
import { rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import {
  formatGithubAnnotation,
  formatProblem,
  problemFormat,
  problemFormatter,
  type Problem,
} from '#lib/check/problem.ts';
import { BAD_INPUTS, decodesImages, seedEdited } from '../fixtures/bad-inputs/cases.ts';
import { expectAnnotated, parseAnnotation } from '../support/annotations.ts';
import { contentFolder } from '../support/content.ts';

describe('a problem as a GitHub workflow command', () => {
  test('error: file, line and field as properties, the message as data', () => {
    const p: Problem = {
      severity: 'error',
      file: 'content/issues/2024-19.mdx',
      line: 65,
      field: 'cityReports[1] 忻州 total.investment',
      message: '忻州 total.investment is 148.27亿元 but its stated parts add up to 148.17亿元',
    };
    expect(formatGithubAnnotation(p)).toBe(
      '::error file=content/issues/2024-19.mdx,line=65,title=cityReports[1] 忻州 total.investment::忻州 total.investment is 148.27亿元 but its stated parts add up to 148.17亿元',
    );
  });

  test('escapes % and line breaks everywhere, and : and , inside properties, as the Actions toolkit does', () => {
    const p: Problem = {
      severity: 'warning',
      file: 'content/issues/a,b:c%.mdx',
      line: 3,
      field: 'x: 1, y: 100%',
      message: 'first line\r\nsecond: 50%, 60%',
    };
    const line = formatGithubAnnotation(p);
    expect(line).toBe(
      '::warning file=content/issues/a%2Cb%3Ac%25.mdx,line=3,title=x%3A 1%2C y%3A 100%25::first line%0D%0Asecond: 50%25, 60%25',
    );
    expect(line).not.toMatch(/[\r\n]/);
    expect(parseAnnotation(line)).toEqual({
      level: 'warning',
      properties: { file: p.file, line: '3', title: p.field },
      message: p.message,
    });
  });

  test('a problem of the whole file has no line; one without a field is titled by the check', () => {
    expect(
      formatGithubAnnotation({ severity: 'error', file: 'content/issues/x.mdx', message: 'the file is empty' }),
    ).toBe('::error file=content/issues/x.mdx,title=content check::the file is empty');
  });

  test('github inside GitHub Actions, plain elsewhere, --format wins either way', () => {
    expect(problemFormat(undefined, { GITHUB_ACTIONS: 'true' })).toBe('github');
    expect(problemFormat(undefined, {})).toBe('plain');
    expect(problemFormat('plain', { GITHUB_ACTIONS: 'true' })).toBe('plain');
    expect(problemFormat('github', {})).toBe('github');
    expect(() => problemFormat('json', {})).toThrow('unknown --format "json"; expected plain or github');
    expect(problemFormatter('plain')).toBe(formatProblem);
  });
});

describe('every mistake of the bad-input corpus', () => {
  test.each(BAD_INPUTS.filter((c) => !decodesImages(c)))('$name: annotated on its file and line', (c) => {
    expectAnnotated(c);
  });

  test('a warning from the figures ↔ text cross-check', () => {
    const dir = contentFolder({
      '2024-18.mdx': seedEdited(
        ['producing: { projects: 17, investment: 12.24 }', 'producing: { projects: 17 }'],
        ['total: { projects: 61, investment: 148.17 }', 'total: { projects: 61 }'],
      ),
    });
    try {
      const annotations = checkContent(dir, dir).map((p) => parseAnnotation(formatGithubAnnotation(p)));
      expect(annotations).toContainEqual(
        expect.objectContaining({
          level: 'warning',
          properties: expect.objectContaining({ title: 'cityReports[1] 忻州 producing.investment' }),
          message: expect.stringContaining(
            'the text states 12.24亿元 but the front-matter has no producing.investment',
          ),
        }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
