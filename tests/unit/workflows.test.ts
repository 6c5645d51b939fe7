/**
 * The GitHub workflows are valid against GitHub's workflow schema (action-validator, which
 * carries the schema inside its WebAssembly: nothing is fetched), and the pull-request workflow
 * does what README promises a reviewer: read-only on forks, check, diff summary, build,
 * preview artifact, tests.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/root.ts';

const DIR = join(ROOT, '.github/workflows');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, unknown>;
}

describe('GitHub workflows', () => {
  const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

  test('the deploy and the pull-request workflow are both there', () => {
    expect(files.sort()).toEqual(['check.yml', 'deploy.yml']);
  });

  test.each(files)('%s is valid against the workflow schema', (file) => {
    expect(validateWorkflow(read(file)).errors).toEqual([]);
  });

  test('the validator does reject a broken workflow', () => {
    const broken = read('check.yml').replace('runs-on:', 'runs_on:');
    expect(validateWorkflow(broken).errors).not.toEqual([]);
  });

  test('check.yml runs on every pull request, forks too, with a read-only token', () => {
    const wf = parse(read('check.yml')) as { on: Record<string, unknown>; permissions: unknown };
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    // pull_request (not pull_request_target): a fork's code never runs with write access.
    expect(wf.permissions).toEqual({ contents: 'read' });
  });

  test('check.yml: check, diff into the job summary, build, preview artifact, tests, in that order', () => {
    const wf = parse(read('check.yml')) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const at = (find: (s: Step) => boolean, what: string) => {
      const i = steps.findIndex(find);
      expect(i, what).toBeGreaterThanOrEqual(0);
      return i;
    };
    const order = [
      at((s) => s.run === 'npm ci', 'npm ci'),
      at((s) => s.run === 'npm run check', 'the content check'),
      // --silent: npm's own banner (`> kfjz-archive@0.1.0 diff`) would land in the summary.
      at(
        (s) => /^npm run --silent diff -- \S+ --format markdown >> "\$GITHUB_STEP_SUMMARY"$/.test(s.run ?? ''),
        'the diff',
      ),
      at((s) => s.run?.startsWith('npm run build') ?? false, 'the build'),
      at((s) => s.uses?.startsWith('actions/upload-artifact@') ?? false, 'the artifact'),
      at((s) => s.run === 'npm test', 'the tests'),
    ];
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const diff = steps.find((s) => s.run?.includes(' diff -- '));
    // The summary is written even when the check failed.
    expect(diff?.if).toBe('${{ !cancelled() }}');
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.path).toBe('dist');
    // The diff compares with the merge commit's first parent, which a depth-2 checkout holds.
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(2);
  });

  test('check.yml and .ci/run install the CJK fonts and Chromium the PDF tests need, before the tests', () => {
    const wf = parse(read('check.yml')) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(wf.jobs).flatMap((j) => j.steps);
    const fonts = steps.findIndex((s) => /apt-get install -y \$missing/.test(s.run ?? ''));
    expect(fonts).toBeGreaterThanOrEqual(0);
    expect(steps[fonts]?.run).toMatch(/missing="\$missing fonts-noto-cjk"/);
    expect(steps[fonts]?.run).toMatch(/missing="\$missing chromium"/);
    expect(fonts).toBeLessThan(steps.findIndex((s) => s.run === 'npm test'));
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    expect(ci).toContain('missing+=(fonts-noto-cjk)');
    expect(ci).toContain('apt-get install -y "${missing[@]}"');
    expect(ci.indexOf('apt-get install')).toBeLessThan(ci.search(/^npm test/m));
  });
});
