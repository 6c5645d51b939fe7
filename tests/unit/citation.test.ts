import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { articleCitation, cityReportCitation, issueCitation } from '#lib/publish/citation.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import type { Issue } from '#schemas/issue.ts';
import { contentFolder, seedWith } from '../support/content.ts';
import { SEED_MDX } from '../support/seed.ts';

function load(path: string): Issue {
  const { loaded, problems } = loadIssueFile(path);
  if (!loaded) throw new Error(`seed did not load: ${JSON.stringify(problems)}`);
  return loaded.issue;
}
const seed = load(SEED_MDX);
/** The seed with one front-matter edit. */
const seedEdited = (from: string, to: string) =>
  load(join(contentFolder({ '2024-18.mdx': seedWith(from, to) }), '2024-18.mdx'));

const article = (issue: Issue, id: string) => {
  const a = issue.articles.find((x) => x.id === id);
  if (!a) throw new Error(`no article ${id}`);
  return a;
};
const report = (issue: Issue, city: string) => {
  const r = issue.cityReports.find((x) => x.city === city);
  if (!r) throw new Error(`no report ${city}`);
  return r;
};

describe('GB/T 7714 references from the seed issue', () => {
  test('the lead article: reporter, headline, [N], paper, year(number): page', () => {
    expect(articleCitation(seed, article(seed, 'lead'))).toBe(
      '张巨峰. 全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行[N]. 科学导报, 2024(18): D1.',
    );
  });

  test('an article without byline starts with its title', () => {
    expect(articleCitation(seed, article(seed, 'compilation'))).toBe(
      '强化项目建设力度 积蓄经济发展动能[N]. 科学导报, 2024(18): D1.',
    );
  });

  test("an editor's note is cited as part of its compilation", () => {
    expect(articleCitation(seed, article(seed, 'editors-note'))).toBe(
      '强化项目建设力度 积蓄经济发展动能: 编前语[N]. 科学导报, 2024(18): D1.',
    );
  });

  test('a city report: reporter as author, its printed heading as title', () => {
    expect(cityReportCitation(seed, report(seed, 'xinzhou'))).toBe(
      '畅雪. 忻州：项目总数61个 总投资148.17亿元[N]. 科学导报, 2024(18): D1.',
    );
  });

  test('a city report without reporter has no author part', () => {
    const issue = seedEdited('    reporter: 郝光明\n', '');
    expect(cityReportCitation(issue, report(issue, 'jinzhong'))).toBe(
      '晋中：项目总数60个 总投资280.8亿元[N]. 科学导报, 2024(18): D1.',
    );
  });

  test('a city report that continues on another page names both pages', () => {
    const issue = seedEdited('    reporter: 李全明\n', '    reporter: 李全明\n    continuedOn: D3\n');
    expect(cityReportCitation(issue, report(issue, 'lvliang'))).toBe(
      '李全明. 吕梁：项目总数32个 总投资47.97亿元[N]. 科学导报, 2024(18): D1, D3.',
    );
  });

  test('the whole issue', () => {
    expect(issueCitation(seed)).toBe('开发区建设专刊[N]. 科学导报, 2024(18).');
  });
});

describe('what the content does not state is not cited', () => {
  test('with the day of publication known, the standard newspaper form date(page) is used', () => {
    const issue = seedEdited('number: 18\n', 'number: 18\ndate: 2024-05-14\n');
    expect(articleCitation(issue, article(issue, 'lead'))).toMatch(/\[N\]\. 科学导报, 2024-05-14\(D1\)\.$/);
    expect(issueCitation(issue)).toBe('开发区建设专刊[N]. 科学导报, 2024-05-14.');
  });

  test('a date known only to the month is not turned into a day: the issue number is cited', () => {
    const issue = seedEdited('number: 18\n', 'number: 18\ndate: 2024-05\n');
    expect(articleCitation(issue, article(issue, 'lead'))).toMatch(/科学导报, 2024\(18\): D1\.$/);
  });

  test('more than three authors: the first three, then 等', () => {
    const issue = seedEdited('byline: [张巨峰]', 'byline: [甲, 乙, 丙, 丁]');
    expect(articleCitation(issue, article(issue, 'lead'))).toMatch(/^甲, 乙, 丙, 等\. 全省开发区/);
  });
});
