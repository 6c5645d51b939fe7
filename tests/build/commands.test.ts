/**
 * The editor's and the workflows' commands run as processes (`node scripts/X.ts`), as an editor
 * or GitHub Actions runs them: arguments, exit codes, what they print and write. They live in the
 * build project because each spawns Node (the unit project runs no process); what the commands
 * compute is tested in-process in tests/unit (archive-diff, github-annotations, new-issue, import).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { formatProblem } from '#lib/check/problem.ts';
import { loadIssueFile, loadIssues } from '#lib/check/content-check-fs.ts';
import { seedEdited } from '../fixtures/bad-inputs/cases.ts';
import { contentFolders, seedMdx } from '../support/content.ts';
import { archiveRepo, type ArchiveRepo } from '../support/git-archive.ts';
import { runScript } from '../support/scripts.ts';
import { SEED_CITY_REPORTS, SEED_PROVINCE } from '../support/seed-figures.ts';
import { ROOT, SEED_PATH, clauses, readSeed } from '../support/seed.ts';

const SEED = '2024-18.mdx';
const repos: ArchiveRepo[] = [];
const folder = contentFolders();
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

/** What `npm run check` prints for a content folder, one line per problem. */
const problemsIn = (dir: string) => loadIssues(dir, dir).problems.map(formatProblem);

const USAGE = 'usage: npm run new-issue -- YEAR NUMBER';

describe('npm run new-issue', () => {
  test('writes YEAR-NN.mdx that the check rejects only for the missing page text', async () => {
    const dir = folder();
    const r = await runScript('new-issue', ['2024', '19'], { KFJZ_CONTENT_DIR: dir });
    expect(r.status, r.output).toBe(0);
    expect(r.output).toContain(`created ${join(dir, '2024-19.mdx')} for 2024年第19期`);
    const text = readFileSync(join(dir, '2024-19.mdx'), 'utf8');
    expect(text).toMatch(/^year: 2024$/m);
    expect(text).toMatch(/^number: 19$/m);
    const pageLine = text.split('\n').indexOf('<Page id="D1">') + 1;
    expect(problemsIn(dir)).toEqual([
      `2024-19.mdx:${pageLine}: page D1 has no text yet: paste the text of page D1, as printed, inside <Page id="D1"> … </Page>`,
    ]);
  });

  test('pads the number: 第5期 is 2024-05.mdx', async () => {
    const dir = folder();
    expect((await runScript('new-issue', ['2024', '5'], { KFJZ_CONTENT_DIR: dir })).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['2024-05.mdx']);
  });

  test('never overwrites an existing file', async () => {
    const dir = folder({ '2024-19.mdx': 'work in progress' });
    const r = await runScript('new-issue', ['2024', '19'], { KFJZ_CONTENT_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.output).toContain(`${join(dir, '2024-19.mdx')} already exists; it was left as it is.`);
    expect(readFileSync(join(dir, '2024-19.mdx'), 'utf8')).toBe('work in progress');
  });

  test.each([
    [[], 'expected 2 arguments, the year and the issue number; got 0'],
    [['2024'], 'expected 2 arguments, the year and the issue number; got 1'],
    [['24', '19'], 'the year must be a number from 2000 to 2100; got "24"'],
    [['2024', '第19期'], 'the issue number (第N期) must be a number from 1 to 99; got "第19期"'],
    [['2024', '0'], 'the issue number (第N期) must be a number from 1 to 99; got "0"'],
    [['2024', '19.5'], 'the issue number (第N期) must be a number from 1 to 99; got "19.5"'],
  ])('refuses %j with a message and the usage line, writing nothing', async (args, message) => {
    const dir = folder();
    const r = await runScript('new-issue', args, { KFJZ_CONTENT_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.output).toContain(`${message}\n${USAGE}`);
    expect(readdirSync(dir)).toEqual([]);
  });
});

const runImport = (...args: string[]) =>
  execFileSync(join(ROOT, 'node_modules/.bin/node'), [join(ROOT, 'scripts/import.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });

describe('npm run import -- <seed> --json', () => {
  const figures = JSON.parse(runImport(SEED_PATH, '--json'));

  test("prints the seed's six city reports with exactly DOMAIN.md's figures, and the province's", () => {
    expect(figures).toEqual({
      reports: SEED_CITY_REPORTS.map(({ cityName: _, ...figures }) => figures),
      province: SEED_PROVINCE,
    });
  });
});

describe('npm run import -- <seed> --out draft.mdx', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'kfjz-import-')), '2024-18.mdx');
  const log = runImport(SEED_PATH, '--year', '2024', '--number', '18', '--out', out);
  const { loaded, problems } = loadIssueFile(out);

  test('writes a draft that passes the content check', () => {
    expect(log).toContain(`draft written to ${out}`);
    expect(problems.map(formatProblem)).toEqual([]);
  });

  test('keeps every clause of the seed in the text, column breaks joined', () => {
    const m = loaded?.issue.masthead;
    // The masthead is held as fields; the issue page prints them as this line.
    const mastheadLine = `${loaded?.issue.year}年第${loaded?.issue.number}期 邮发代号：${m?.postalCode} 投稿邮箱：${m?.email} ${m?.guidedBy} 指导`;
    const text = [
      mastheadLine,
      loaded?.body.text,
      ...(loaded?.issue.articles.flatMap((a) => [a.kicker, a.title, a.subtitle]) ?? []),
      ...(loaded?.issue.cityReports.flatMap((r) => r.headline) ?? []),
      ...(loaded?.issue.masthead.slogans ?? []),
    ]
      .join('\n')
      .replace(/\s+/g, ' ');
    const missing = clauses(readSeed()).filter((c) => !text.includes(c) && c !== '开发区建设');
    expect(missing).toEqual([]);
    expect(text).toContain('三要突出问题导向');
    expect(text).toContain('晋川合成材料股份有限公司');
  });

  test('recognises the structure: 引题/主题/副题, dateline, bylines, reports in the compilation', () => {
    const lead = loaded?.issue.articles[0];
    expect(lead).toMatchObject({
      id: 'lead',
      kicker: '持续扩大有效益的投资 为新质生产力蓄势赋能',
      subtitle: '金湘军出席并讲话',
      dateline: '科学导报讯 5月10日',
      byline: ['张巨峰'],
    });
    expect(loaded?.issue.cityReports.map((r) => [r.city, r.reporter, r.article])).toEqual([
      ['taiyuan', '王媛', 'compilation'],
      ['xinzhou', '畅雪', 'compilation'],
      ['yangquan', '郭强', 'compilation'],
      ['shuozhou', '刘成根', 'compilation'],
      ['jinzhong', '郝光明', 'compilation'],
      ['lvliang', '李全明', 'compilation'],
    ]);
    expect(loaded?.issue.missingPages).toEqual(['D3']);
    expect(readFileSync(out, 'utf8')).toContain('{/* 审校：此段由两段拼接');
  });

  test('refuses to overwrite an existing file', () => {
    expect(() => runImport(SEED_PATH, '--year', '2024', '--number', '18', '--out', out)).toThrow(
      /exists; it is not overwritten/,
    );
  });
});

describe('npm run diff', () => {
  test('the command: text by default, Markdown for the job summary, exit 1 on an unknown revision', async () => {
    const f = archiveRepo({ [SEED]: seedMdx() });
    repos.push(f);
    f.write(SEED, seedEdited(['producing: { projects: 158 }', 'producing: { projects: 157 }']));
    const env = { KFJZ_CONTENT_DIR: f.issues };
    const [text, markdown, unknown] = await Promise.all([
      runScript('diff', ['HEAD'], env),
      runScript('diff', ['HEAD', '--format', 'markdown'], env),
      runScript('diff', ['no-such-branch'], env),
    ]);
    expect(text).toEqual({ status: 0, output: '2024-18 全省 2024-2 投产一批 projects: 158 → 157 个\n' });
    expect(markdown.status).toBe(0);
    expect(markdown.output).toContain('| 全省 2024-2 | 投产一批 | projects | 158 | 157 | 个 |');
    expect(unknown.status).toBe(1);
    expect(unknown.output).toMatch(/^git rev-parse .*no-such-branch.* failed/);
    expect(unknown.output).toContain('usage: npm run diff -- <git-ref> [--format text|markdown]');
  });
});

describe('a pull request that adds an issue with a wrong total', () => {
  const repo = archiveRepo({ '2024-18.mdx': seedEdited() });
  afterAll(() => repo.cleanup());

  test('`npm run check` in GitHub Actions puts the error on the line of the total, and fails', async () => {
    const { issues } = repo;
    // Synthetic: the seed renumbered as 第19期 with a mistyped total, for this test only.
    const added = seedEdited(
      ['number: 18', 'number: 19'],
      ['total: { projects: 61, investment: 148.17 }', 'total: { projects: 61, investment: 148.27 }'],
    );
    repo.write('2024-19.mdx', added);

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
