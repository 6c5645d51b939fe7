/**
 * Inside GitHub Actions the content check prints each problem as a workflow command, which the
 * runner shows on the problem's line of the pull request's diff. The format, a cross-check warning,
 * and a pull request that adds an issue with a wrong total (every mistake of the bad-input corpus:
 * tests/unit/bad-inputs.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '#lib/check/content-check-fs.ts';
import {
  formatGithubAnnotation,
  formatProblem,
  problemFormat,
  problemFormatter,
  type Problem,
} from '#lib/check/problem.ts';
import { seedEdited } from '../fixtures/bad-inputs/cases.ts';
import { parseAnnotation } from '../support/annotations.ts';
import { contentFolder } from '../support/content.ts';
import { runScript } from '../support/scripts.ts';

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

// Every mistake of the bad-input corpus is annotated on its file and line in tests/unit/bad-inputs.test.ts,
// on the same run of the check that prints its plain line.
describe('a warning', () => {
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

describe('a pull request that adds an issue with a wrong total', () => {
  const repo = mkdtempSync(join(tmpdir(), 'kfjz-pr-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test('`npm run check` in GitHub Actions puts the error on the line of the total, and fails', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], { cwd: repo });
    const issues = join(repo, 'content/issues');
    mkdirSync(issues, { recursive: true });
    git('init', '--quiet');
    writeFileSync(join(issues, '2024-18.mdx'), seedEdited());
    git('add', '.');
    git('commit', '--quiet', '-m', 'the archive before the pull request');
    // Synthetic: the seed renumbered as 第19期 with a mistyped total, for this test only.
    const added = seedEdited(
      ['number: 18', 'number: 19'],
      ['total: { projects: 61, investment: 148.17 }', 'total: { projects: 61, investment: 148.27 }'],
    );
    writeFileSync(join(issues, '2024-19.mdx'), added);

    const r = await runScript('check', [], { KFJZ_CONTENT_DIR: issues, GITHUB_ACTIONS: 'true' });
    expect(r.status, r.output).toBe(1);
    const totalLine = added.slice(0, added.indexOf('total: { projects: 61, investment: 148.27 }')).split('\n').length;
    expect(r.output).toContain(
      `::error file=${join(issues, '2024-19.mdx')},line=${totalLine},title=cityReports[1] 忻州 total.investment::忻州 total.investment is 148.27亿元 but its stated parts add up to 148.17亿元`,
    );
    // The plain form is for people, the commands are for the runner: not both.
    expect(r.output).not.toMatch(/^\S+\.mdx:\d+: /m);
    expect(r.output).toMatch(/^failed: 1 error\(s\), 0 warning\(s\)/m);

    const plain = await runScript('check', ['--format', 'plain'], { KFJZ_CONTENT_DIR: issues, GITHUB_ACTIONS: 'true' });
    expect(plain.output).toContain(
      `${join(issues, '2024-19.mdx')}:${totalLine}: cityReports[1] 忻州 total.investment: `,
    );
    expect(plain.output).not.toContain('::error');
  });
});
