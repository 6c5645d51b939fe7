/**
 * The archive as committed, whatever it holds, and the next issue an editor adds to it. The other
 * build and browser tests own their archives (tests/fixtures/); this one asserts only what must
 * hold for any archive: every issue in content/issues/ passes the check, builds, has its page, its
 * figures in the open data, valid HTML, no broken link and no axe violation.
 *
 * It runs what an editor's pull request runs (the check, `npm run diff`, the build) on a git
 * repository whose last commit holds a copy of content/issues/ and whose working tree adds one
 * more valid issue: the seed as the tests hold it, renumbered to a number the archive lacks (a
 * test issue, never committed). So the build it checks is the real archive plus one issue: a
 * second issue can never turn this test red, and a broken one always does.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadIssues } from '#lib/check/content-check-fs.ts';
import type { LoadedIssue } from '#lib/source/loaded-issue.ts';
import { FIGURE_KEYS, FIGURE_PARTS } from '#schemas/figures.ts';
import { issueKey, issueLabel, type Issue } from '#schemas/issue.ts';
import { auditPage, servedSite } from '../support/browser.ts';
import { projectCopy } from '../support/build-site.ts';
import { seedMdx } from '../support/content.ts';
import { htmlToText } from '../support/html.ts';
import { ROOT } from '../support/root.ts';
import { runScript, type ScriptRun } from '../support/scripts.ts';
import { findBrokenLinks, sitePages } from '../support/site-crawl.ts';
import { DEFAULT_BASE, DEFAULT_SITE } from '../support/site.ts';
import { htmlErrors } from '../support/validate-html.ts';

const CONTENT = join(ROOT, 'content/issues');

const work = mkdtempSync(join(tmpdir(), 'kfjz-archive-'));
const repo = join(work, 'repo');
const issuesDir = join(repo, 'content/issues');
const dist = join(work, 'dist');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const committed = loadIssues(CONTENT, ROOT);

/** The first 2024 number from 19 on that the archive does not hold. */
function freeNumber(): number {
  const held = new Set(committed.issues.map((l) => issueKey(l.issue)));
  for (let n = 19; n <= 99; n++) if (!held.has(issueKey({ year: 2024, number: n }))) return n;
  throw new Error('content/issues holds every 2024 number from 19 to 99: pick another year for the test issue');
}
const next = freeNumber();
const nextFile = `${issueKey({ year: 2024, number: next })}.mdx`;
const nextMdx = seedMdx()
  .replace(/^number: 18$/m, `number: ${next}`)
  .replaceAll('2024年第18期', `2024年第${next}期`);

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();

let check: ScriptRun;
let diff: ScriptRun;
let build: ScriptRun;
let built: LoadedIssue[];

beforeAll(async () => {
  mkdirSync(issuesDir, { recursive: true });
  if (existsSync(CONTENT)) cpSync(CONTENT, issuesDir, { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', 'the archive as committed');
  writeFileSync(join(issuesDir, nextFile), nextMdx);

  const project = projectCopy(join(work, 'project'));
  const env = {
    KFJZ_CONTENT_DIR: issuesDir,
    KFJZ_OUT_DIR: dist,
    KFJZ_CACHE_DIR: join(work, 'cache/kfjz'),
    KFJZ_ASTRO_CACHE_DIR: join(work, 'cache/astro'),
  };
  [check, diff] = await Promise.all([
    runScript('check', ['--format', 'plain'], env, project),
    runScript('diff', ['HEAD'], env, project),
  ]);
  build = await runScript('build', ['--format', 'plain'], env, project);
  built = loadIssues(issuesDir, repo).issues;
}, 600_000);

describe('an editor adds the next issue to the archive as committed', () => {
  test('content/issues/ loads: every file is an issue', () => {
    expect(committed.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('the content check passes', () => {
    expect(check.output).toMatch(/^ok: 0 error\(s\)/m);
    expect(check.status, check.output).toBe(0);
  });

  test('npm run diff names the added issue and nothing else as added or removed', () => {
    expect(diff.status, diff.output).toBe(0);
    const lines = diff.output.trim().split('\n');
    expect(lines).toContain(
      `${nextFile.replace('.mdx', '')}: added issue 2024年第${next}期 (content/issues/${nextFile})`,
    );
    expect(lines.filter((l) => /\b(added|removed) issue\b/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => / removed |does not load|fails the check/.test(l))).toEqual([]);
  });

  test('the build succeeds with every issue', () => {
    expect(build.status, build.output).toBe(0);
    expect(built.map((l) => l.file).sort()).toEqual(
      [...committed.issues.map((l) => l.file), `content/issues/${nextFile}`].sort(),
    );
  });
});

describe('every issue on the built site', () => {
  const issuePath = (i: Issue) => `/issues/${i.year}/${i.number}/`;
  const read = (path: string) => readFileSync(join(dist, path), 'utf8');

  test('has its page, headed with its label and holding each article title', () => {
    const missing: string[] = [];
    for (const { issue } of built) {
      const file = join(issuePath(issue), 'index.html');
      if (!existsSync(join(dist, file))) {
        missing.push(`${issueLabel(issue)}: no ${file}`);
        continue;
      }
      const text = htmlToText(read(file));
      if (!text.includes(issueLabel(issue))) missing.push(`${issueLabel(issue)}: label not on its page`);
      for (const a of issue.articles) if (!text.includes(a.title)) missing.push(`${issueLabel(issue)}: ${a.title}`);
    }
    expect(missing).toEqual([]);
  });

  test('is listed in data/issues.json, with every figure of its city reports in data/city-reports.json', () => {
    const issues = JSON.parse(read('data/issues.json')) as { issue: string }[];
    expect(issues.map((i) => i.issue).sort()).toEqual(built.map((l) => issueKey(l.issue)).sort());
    type Row = { issue: string; city: string; round: string } & Record<string, Record<string, number> | string>;
    const rows = JSON.parse(read('data/city-reports.json')) as Row[];
    const wrong: string[] = [];
    for (const { issue } of built) {
      for (const report of issue.cityReports) {
        const where = `${issueKey(issue)} ${report.city} ${report.round}`;
        const row = rows.find((r) => r.issue === issueKey(issue) && r.city === report.city && r.round === report.round);
        if (!row) {
          wrong.push(`${where}: no row`);
          continue;
        }
        for (const part of FIGURE_PARTS)
          for (const key of FIGURE_KEYS) {
            const stated = report[part]?.[key];
            const published = (row[part] as Record<string, number> | undefined)?.[key];
            if (stated !== published) wrong.push(`${where} ${part}.${key}: stated ${stated}, published ${published}`);
          }
      }
    }
    expect(rows.length).toBe(built.reduce((n, l) => n + l.issue.cityReports.length, 0));
    expect(wrong).toEqual([]);
  });

  test('every page validates and no link or anchor is broken', async () => {
    const pages = sitePages(dist, { base: DEFAULT_BASE });
    expect(await htmlErrors(pages)).toEqual([]);
    const { broken, checked } = findBrokenLinks(dist, { base: DEFAULT_BASE, site: DEFAULT_SITE });
    expect(checked).toBeGreaterThan(50);
    expect(broken.map((b) => `${b.page}: ${b.link}: ${b.reason}`)).toEqual([]);
  });
});

describe('every issue page and the pages leading to it, in Chromium', () => {
  const site = servedSite(() => dist);
  const paths = () => [
    '/',
    '/issues/',
    '/cities/',
    '/rounds/',
    '/data/',
    ...new Set(built.map((l) => `/issues/${l.issue.year}/`)),
    ...built.map((l) => `/issues/${l.issue.year}/${l.issue.number}/`),
    ...new Set(built.flatMap((l) => l.issue.cityReports.map((r) => `/cities/${r.city}/`))),
    ...new Set(built.flatMap((l) => l.issue.rounds.map((r) => `/rounds/${r.id}/`))),
  ];

  test('have no axe violation', async () => {
    const found: string[] = [];
    for (const path of paths()) {
      const audit = await auditPage(() => site.open(path));
      if (audit.status !== 200) found.push(`${path}: status ${audit.status}`);
      for (const line of audit.axe) found.push(`${path}: ${line}`);
    }
    expect(found).toEqual([]);
  });
});
