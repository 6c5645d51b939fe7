import { describe, expect, test } from 'vitest';
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
import { contentFolders } from '../support/content.ts';

const folder = contentFolders();

/** What `npm run check` prints for a content folder, one line per problem. */
const problemsIn = (dir: string) => loadIssues(dir, dir).problems.map(formatProblem);

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
