import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { loadIssues } from '#lib/check/content-check-fs.ts';
import { scaffoldIssue } from '#lib/import/template.ts';
import { PLACEHOLDER } from '#schemas/placeholder.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { ArticleSchema } from '#schemas/article.ts';
import { CityReportSchema } from '#schemas/city-report.ts';
import { BatchFiguresSchema } from '#schemas/figures.ts';
import { IssueSchema, MastheadSchema } from '#schemas/issue.ts';
import { NamedProjectSchema } from '#schemas/project.ts';
import { RoundSchema } from '#schemas/round.ts';
import { contentFolder } from '../support/content.ts';
import { runScript } from '../support/scripts.ts';

const folders: string[] = [];
const folder = (files: Record<string, string> = {}) => {
  const dir = contentFolder(files);
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
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

describe('the issue template', () => {
  const template = scaffoldIssue(2024, 19);

  test('shows every field an editor may write', () => {
    const shapes = {
      IssueSchema,
      MastheadSchema,
      RoundSchema,
      ArticleSchema,
      CityReportSchema,
      NamedProjectSchema,
      BatchFiguresSchema,
    };
    const missing = Object.entries(shapes).flatMap(([name, schema]) =>
      Object.keys(schema.shape)
        // `synthetic` marks test and benchmark issues, never an editor's.
        .filter((key) => key !== 'synthetic' && !new RegExp(`[\\s{,]${key}:(\\s|$)`, 'm').test(template))
        .map((key) => `${name}.${key}`),
    );
    expect(missing).toEqual([]);
  });

  test('passes the check once filled in', () => {
    const filled = template
      .replace(
        'pages: [D1]\n',
        'pages: [D1]\narticles:\n  - id: lead\n    page: D1\n    kind: 要闻\n    title: 全省开发区举行“三个一批”活动\n',
      )
      .replace(
        /\{\/\*[\s\S]*?\*\/\}/,
        '<Article id="lead">\n\n科学导报讯 全省开发区举行“三个一批”活动。\n\n</Article>',
      );
    expect(problemsIn(folder({ '2024-19.mdx': filled }))).toEqual([]);
  });

  test('uncommented without filling in, fails on every placeholder it still holds', () => {
    // What an editor's toggle-comment does: `# key: …` and `#   - key: …` lines lose their `# `.
    const uncommented = template.replace(/^# ( *(- )?[a-zA-Z]+:)/gm, '$1');
    const lines = uncommented.split('\n');
    const withPlaceholder = lines.flatMap((l, i) => (l.includes(PLACEHOLDER) && !l.startsWith('#') ? [i + 1] : []));
    const problems = problemsIn(folder({ '2024-19.mdx': uncommented }));
    const flagged = new Set(
      problems
        .filter((p) => p.includes(`placeholder ${PLACEHOLDER}`))
        .map((p) => Number(/^2024-19\.mdx:(\d+):/.exec(p)?.[1])),
    );
    expect(withPlaceholder.length).toBeGreaterThan(40);
    expect(withPlaceholder.filter((l) => !flagged.has(l))).toEqual([]);
  });

  test('a placeholder in any front-matter value is an error naming its field', () => {
    const text = template
      .replace('publication: 科学导报', `publication: ${PLACEHOLDER}`)
      .replace(/\{\/\*[\s\S]*?\*\/\}/, '正文。');
    const line = text.split('\n').findIndex((l) => l.startsWith('publication:')) + 1;
    expect(problemsIn(folder({ '2024-19.mdx': text }))).toEqual([
      `2024-19.mdx:${line}: publication: still holds the template's placeholder ${PLACEHOLDER}; write what the page prints, or remove the field if it does not say`,
    ]);
  });
});
