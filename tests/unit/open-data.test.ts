/**
 * The open-data records and their CSV form, built from the seed issue and from edited copies of
 * it: only stated figures in a batch, derived sums apart, one CSV row per report with proper quoting.
 */
import { describe, expect, test } from 'vitest';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import {
  CITY_REPORT_COLUMNS,
  CITY_REPORT_FIELDS,
  PROJECT_COLUMNS,
  cityReportRecords,
  issueRecords,
  projectRecords,
  statedFigures,
  toCsv,
} from '#lib/publish/open-data.ts';
import type { Issue } from '#schemas/issue.ts';
import { parseCsv } from '../support/csv.ts';
import { SEED_MDX } from '../support/seed.ts';
import { SEED_CITY_REPORTS, SEED_PROVINCE, seedFigures, seedReport } from '../support/seed-figures.ts';

function seedIssue(): Issue {
  const { loaded, problems } = loadIssueFile(SEED_MDX);
  if (!loaded) throw new Error(`the seed does not load: ${JSON.stringify(problems)}`);
  return loaded.issue;
}

describe('city report records', () => {
  const records = cityReportRecords([seedIssue()]);

  test('one per city report of the seed, in printed order, with exactly the stated figures', () => {
    expect(records.map((r) => r.city)).toEqual(SEED_CITY_REPORTS.map((r) => r.city));
    for (const [i, { city, cityName, ...figures }] of SEED_CITY_REPORTS.entries()) {
      const r = records[i];
      expect({ city: r?.city, cityName: r?.cityName }).toEqual({ city, cityName });
      expect(r && statedFigures(r)).toStrictEqual(figures);
    }
  });

  test('the 忻州 record has the documented shape', () => {
    const xinzhou = records.find((r) => r.city === 'xinzhou');
    expect(xinzhou).toMatchObject({
      issue: '2024-18',
      round: '2024-2',
      ...seedReport('xinzhou'),
      url: '/issues/2024/18/#xinzhou',
    });
    expect(xinzhou).not.toHaveProperty('derived');
  });

  test('a batch the text does not mention is absent, and so is a key it does not state', () => {
    const taiyuan = records.find((r) => r.city === 'taiyuan');
    expect(Object.keys(taiyuan ?? {})).not.toEqual(expect.arrayContaining(['started']));
    expect(taiyuan?.signed).toStrictEqual(seedFigures('taiyuan').signed);
    expect(JSON.stringify(records)).not.toContain('null');
  });

  test('a sum we compute goes under derived, never into total', () => {
    const lvliang = records.find((r) => r.city === 'lvliang');
    expect(lvliang?.total).toStrictEqual({ projects: 32, investment: 47.97 });
    expect(lvliang?.derived).toStrictEqual({ total: { expectedOutput: 44.47 } });
    // Drop 晋中's stated total: its sums appear as derived, and total disappears.
    const issue = seedIssue();
    const jinzhong = issue.cityReports.find((r) => r.city === 'jinzhong');
    if (jinzhong) delete jinzhong.total;
    const r = cityReportRecords([issue]).find((x) => x.city === 'jinzhong');
    expect(r).not.toHaveProperty('total');
    expect(r?.derived).toStrictEqual({ total: { projects: 60, investment: 280.8 } });
  });

  test('urls follow the base path the site is served under', () => {
    expect(cityReportRecords([seedIssue()], '/kfjz/')[1]?.url).toBe('/kfjz/issues/2024/18/#xinzhou');
    expect(issueRecords([seedIssue()], '/kfjz/')[0]?.rounds[0]?.url).toBe('/kfjz/rounds/2024-2/');
  });

  test('every field a record can have is documented', () => {
    const documented = CITY_REPORT_FIELDS.map((f) => f.name);
    const keys = new Set(records.flatMap((r) => Object.keys(r)));
    expect([...keys].filter((k) => !documented.includes(k))).toEqual([]);
  });
});

describe('CSV', () => {
  test('starts with a BOM, uses CRLF, and leaves a cell empty where the text states nothing', () => {
    const csv = toCsv(CITY_REPORT_COLUMNS, cityReportRecords([seedIssue()]));
    expect(csv.startsWith('\uFEFFissue,round,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(8);
    const [header = [], taiyuan = []] = parseCsv(csv.slice(1));
    expect(header).toEqual(CITY_REPORT_COLUMNS.map((c) => c.name));
    expect(taiyuan[header.indexOf('signed_projects')]).toBe('14');
    expect(taiyuan[header.indexOf('signed_investment')]).toBe('');
    expect(taiyuan[header.indexOf('total_projects')]).toBe('');
  });

  test('quotes fields holding commas, quotes or line breaks so they read back unchanged', () => {
    const tricky = ['康佳集团, 晋城', '“三个一批”', 'say "hi"', 'two\r\nlines', '=1+1'];
    const issue = seedIssue();
    issue.projects = tricky.map((name) => ({ name, city: 'jincheng' }));
    const rows = parseCsv(toCsv(PROJECT_COLUMNS, projectRecords([issue])).slice(1));
    expect(rows.slice(1).map((r) => r[0])).toEqual(tricky);
    expect(rows.slice(1).every((r) => r.length === PROJECT_COLUMNS.length)).toBe(true);
  });

  test('numbers are written as the archive writes them everywhere (17.80 → 17.8, 50 → 50)', () => {
    const rows = parseCsv(toCsv(CITY_REPORT_COLUMNS, cityReportRecords([seedIssue()])).slice(1));
    const header = rows[0] ?? [];
    expect(rows[6]?.[header.indexOf('started_expectedOutput')]).toBe('17.8');
    const projects = parseCsv(toCsv(PROJECT_COLUMNS, projectRecords([seedIssue()])).slice(1));
    expect(projects[1]?.[PROJECT_COLUMNS.findIndex((c) => c.name === 'investment')]).toBe('50');
  });
});

describe('issue records', () => {
  test('carry the round with the province figures as stated, and no date the page does not print', () => {
    const [issue] = issueRecords([seedIssue()]);
    expect(issue).not.toHaveProperty('date');
    expect(issue?.rounds[0]?.province).toStrictEqual(SEED_PROVINCE);
    expect(issue?.cityReports.map((r) => r.url)).toContain('/issues/2024/18/#xinzhou');
    expect(issue?.articles.find((a) => a.id === 'lead')).toMatchObject({
      byline: ['张巨峰'],
      page: 'D1',
      url: '/issues/2024/18/#lead',
    });
  });

  test('issues come oldest first', () => {
    const later = { ...seedIssue(), number: 19 };
    expect(issueRecords([later, seedIssue()]).map((i) => i.issue)).toEqual(['2024-18', '2024-19']);
  });
});
