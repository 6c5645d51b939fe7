/**
 * The city, round and open-data pages of the real build, read as a reader and a data user do:
 * each city's figures exactly as the seed states them, derived sums always marked, the round
 * table with the province's 198 / 194 / 158, and downloads that parse and match the content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { FIGURE_KEYS, FIGURE_PARTS } from '#schemas/figures.ts';
import { htmlToText, readPage } from '../support/html.ts';
import {
  ALL_SLUGS,
  SEED_CITY_REPORTS,
  SEED_DERIVED_TEXT,
  SEED_PROVINCE,
  SEED_ROW_TEXT,
  seedReport,
} from '../support/seed-figures.ts';
import { derivedTexts, rowsOf, tableHtml } from '../support/tables.ts';
import { parseCsv } from '../support/csv.ts';

const dist = inject('distDir');
const REPORTED = SEED_CITY_REPORTS.map((r) => r.city as string);
const NAMES = ['太原', '大同', '朔州', '忻州', '阳泉', '晋中', '长治', '晋城', '临汾', '运城', '吕梁', '综改区'];

/** A city page's figures table: rows after the header, as [轮次, 签约, 开工, 投产, 合计, 出处]. */
const cityRows = (slug: string) =>
  rowsOf(tableHtml(readPage(dist, `/cities/${slug}/`), { id: 'city-figures' })).slice(1);

describe('city pages', () => {
  test.each(ALL_SLUGS)('/cities/%s/ exists', (slug) => {
    expect(() => readPage(dist, `/cities/${slug}/`)).not.toThrow();
  });

  test.each(REPORTED)('/cities/%s/ shows exactly the seed figures, one round, linked to the report', (slug) => {
    const rows = cityRows(slug);
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([
      ['2024年第二次', ...(SEED_ROW_TEXT[slug] ?? []), '2024年第18期'],
    ]);
    expect(rows[0]?.[5]?.html).toContain(`href="/issues/2024/18/#${slug}"`);
  });

  test('忻州: 签约 21个 70.05亿元, 开工 23个 65.88亿元, 投产 17个 12.24亿元, total 61个 148.17亿元, stated, linking to #xinzhou', () => {
    const html = readPage(dist, '/cities/xinzhou/');
    const [row] = cityRows('xinzhou');
    const header = rowsOf(tableHtml(html, { id: 'city-figures' }))[0]?.map((c) => c.text);
    expect(header).toEqual(['轮次', '签约一批', '开工一批', '投产一批', '合计', '出处']);
    expect(row?.slice(1, 5).map((c) => c.text)).toEqual(SEED_ROW_TEXT['xinzhou']);
    expect(derivedTexts(html)).toEqual([]);
    expect(html).toContain('href="/issues/2024/18/#xinzhou"');
    // The chart draws the same report: 61 projects and 148.17亿元, as the stated totals.
    expect(htmlToText(html)).toContain('合计 148.17亿元');
    expect(htmlToText(html)).toContain('合计 61个');
  });

  test('a derived figure is shown only marked as derived, never as stated (吕梁 产值44.47亿元*)', () => {
    for (const slug of ALL_SLUGS) {
      const html = readPage(dist, `/cities/${slug}/`);
      const table = html.includes('id="city-figures"') ? tableHtml(html, { id: 'city-figures' }) : '';
      expect(derivedTexts(table), slug).toEqual(SEED_DERIVED_TEXT[slug] ?? []);
      // Every * on the page belongs to a derived span (in the table, or the note on what it adds up).
      const stars = htmlToText(html).match(/\d亿元\*|\d个\*/g) ?? [];
      expect(stars.length, slug).toBe(derivedTexts(html).length);
    }
    const lvliang = readPage(dist, '/cities/lvliang/');
    expect(htmlToText(lvliang)).toContain('带 * 的斜体数字为本站按各批次相加推算，非原文数字');
    expect(lvliang).toMatch(
      /<span class="derived" title="推算[^"]*"><a href="#sum-2024-2-expectedOutput">产值44\.47亿元\*<\/a><\/span>/,
    );
  });

  test('the named projects and development zones of a city are listed with their sources', () => {
    const text = htmlToText(readPage(dist, '/cities/xinzhou/'));
    for (const zone of [
      '繁峙经济技术开发区',
      '忻州经济开发区',
      '原平经济技术开发区',
      '崞崞经济技术开发区',
      '五台现代农业产业示范区',
    ]) {
      expect(text).toContain(zone);
    }
    expect(text).toContain('年产4.5万吨紫外线硬化材料二期工程');
    expect(text).toContain('晋川合成材料股份有限公司');
    const taiyuan = rowsOf(tableHtml(readPage(dist, '/cities/taiyuan/'), { caption: '点名的太原项目' }));
    const lingzhuo = taiyuan.find((r) => r[0]?.text === '领卓医药集团全球联动综合体项目');
    expect(lingzhuo?.map((c) => c.text)).toEqual([
      '领卓医药集团全球联动综合体项目',
      '2024年第二次 · 开工一批',
      '4.18亿元',
      '—',
      '—',
      '2024年第18期',
    ]);
    expect(lingzhuo?.[5]?.html).toContain('href="/issues/2024/18/#taiyuan"');
  });

  test("a city page links a page per year, which lists that year's reports and named projects", () => {
    const html = readPage(dist, '/cities/xinzhou/');
    expect(html).toContain('<a href="/cities/xinzhou/2024/">2024年</a>');
    const year = readPage(dist, '/cities/xinzhou/2024/');
    expect(year).toContain('<a href="/issues/2024/18/#xinzhou">忻州：项目总数61个 总投资148.17亿元</a>');
    expect(htmlToText(year)).toContain('年产4.5万吨紫外线硬化材料二期工程');
    expect(year).toContain('href="/cities/xinzhou/"');
    // The only year: nothing before or after it.
    expect(year).not.toMatch(/rel="(prev|next)"/);
  });

  test('a city without reports says so honestly, and still lists projects the paper names there', () => {
    const jincheng = htmlToText(readPage(dist, '/cities/jincheng/'));
    expect(jincheng).toContain('暂无报道');
    expect(jincheng).toContain('全国智能家居总部');
    expect(jincheng).toContain('50亿元');
    expect(readPage(dist, '/cities/jincheng/')).not.toContain('id="city-figures"');
    // Its year page lists the project and says there is no report, rather than an empty list.
    const year = htmlToText(readPage(dist, '/cities/jincheng/2024/'));
    expect(year).toContain('2024年各期没有晋城的“三个一批”报道，只点名了下列项目');
    expect(year).toContain('全国智能家居总部');
  });

  test('/cities/ lists all 11 cities and 综改区 in registry order, with the latest figures or 暂无报道', () => {
    const rows = rowsOf(tableHtml(readPage(dist, '/cities/'), { caption: '各市最近一次报道' })).slice(1);
    expect(rows.map((r) => r[0]?.text)).toEqual(NAMES);
    for (const [i, slug] of ALL_SLUGS.entries()) {
      const cells = rows[i]?.map((c) => c.text);
      if (REPORTED.includes(slug)) expect(cells).toEqual([NAMES[i], '2024年第二次', ...(SEED_ROW_TEXT[slug] ?? [])]);
      else expect(cells).toEqual([NAMES[i], '暂无报道']);
      expect(rows[i]?.[0]?.html).toContain(`href="/cities/${slug}/"`);
    }
  });
});

describe('round pages', () => {
  const html = readPage(dist, '/rounds/2024-2/');
  const rows = rowsOf(tableHtml(html, { id: 'round-figures' }));

  test('/rounds/2024-2/ names the round, its date, main venue and the issue reporting it', () => {
    const text = htmlToText(html);
    expect(text).toContain('全省开发区2024年第二次“三个一批”活动');
    expect(text).toContain('2024年5月10日');
    expect(text).toContain('晋城经济技术开发区');
    expect(html).toMatch(/<a href="\/issues\/2024\/18\/">2024年第18期<\/a>/);
  });

  test('shows the province 198 / 194 / 158 first, then every reporting city in registry order with its stated figures', () => {
    expect(rows[1]?.slice(0, 4).map((c) => c.text)).toEqual(['全省', '198个', '194个', '158个']);
    // Their sum is ours: marked as derived.
    expect(derivedTexts(rows[1]?.[4]?.html ?? '')).toEqual(['550个*']);
    const cities = rows.slice(2, 8);
    expect(cities.map((r) => r[0]?.text)).toEqual(['太原', '朔州', '忻州', '阳泉', '晋中', '吕梁']);
    for (const r of cities) {
      const slug = SEED_CITY_REPORTS.find((c) => c.cityName === r[0]?.text)?.city ?? '';
      expect(r.slice(1, 5).map((c) => c.text)).toEqual(SEED_ROW_TEXT[slug]);
      expect(r[5]?.html).toContain(`href="/issues/2024/18/#${slug}"`);
    }
    expect(htmlToText(html)).toContain('不按投资额排名');
  });

  test('sums over cities are labelled as sums of what cities reported, never as official totals', () => {
    const sum = rows.at(-1) ?? [];
    expect(sum[0]?.text).toBe('各市报道之和（非官方合计）');
    expect(sum.slice(1, 3).map((c) => c.text)).toEqual([
      // 14 + 21 + 15 + 15 + 17 + 12 projects; 70.05 + 77.01 + 41.33 + 94.7 + 24.07 亿元 (太原 states none).
      '94个（6市） 307.16亿元（5市） 产值16.23亿元（1市）',
      '67个（4市） 202.78亿元（4市） 产值17.8亿元（1市）',
    ]);
    // Every figure in the row is marked derived; only the city counts stand beside them.
    for (const cell of sum.slice(1, 5)) {
      expect(derivedTexts(cell.html).join(' ')).toBe(cell.text.replace(/（\d+市）/g, ''));
    }
    expect(htmlToText(html)).toContain('不是全省或官方的合计');
  });

  test('/rounds/ lists the round with the province figures and links to it', () => {
    const index = readPage(dist, '/rounds/');
    const [, row] = rowsOf(tableHtml(index, { caption: '历次' }));
    expect(row?.map((c) => c.text)).toEqual([
      '2024年第二次',
      '2024年5月10日',
      '晋城经济技术开发区',
      '198个',
      '194个',
      '158个',
      '6',
    ]);
    expect(row?.[0]?.html).toContain('href="/rounds/2024-2/"');
  });
});

describe('open data', () => {
  const json = JSON.parse(readFileSync(join(dist, 'data/city-reports.json'), 'utf8')) as Record<string, unknown>[];

  test('city-reports.json holds exactly the seed 6 city reports with exactly their stated figures', () => {
    expect(json.map((r) => r.cityName)).toEqual(['太原', '忻州', '阳泉', '朔州', '晋中', '吕梁']);
    for (const [i, seed] of SEED_CITY_REPORTS.entries()) {
      const r = json[i] ?? {};
      const figures = Object.fromEntries(FIGURE_PARTS.filter((k) => k in r).map((k) => [k, r[k]]));
      const { city, cityName, ...expected } = seed;
      expect({ city: r.city, cityName: r.cityName, issue: r.issue, round: r.round }).toEqual({
        city,
        cityName,
        issue: '2024-18',
        round: '2024-2',
      });
      expect(figures).toStrictEqual(expected);
      expect(r.url).toBe(`/issues/2024/18/#${city}`);
    }
    expect(json[1]).toMatchObject({
      issue: '2024-18',
      round: '2024-2',
      ...seedReport('xinzhou'),
      url: '/issues/2024/18/#xinzhou',
    });
  });

  test('derived values sit apart under derived, only where the text states every batch and no total', () => {
    expect(json.filter((r) => 'derived' in r).map((r) => [r.city, r.derived])).toEqual([
      ['lvliang', { total: { expectedOutput: 44.47 } }],
    ]);
  });

  test('city-reports.csv is UTF-8 with a BOM and says the same as the JSON, empty where not stated', () => {
    const raw = readFileSync(join(dist, 'data/city-reports.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], ...rows] = parseCsv(raw.toString('utf8').slice(1));
    expect(rows).toHaveLength(6);
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    for (const [i, seed] of SEED_CITY_REPORTS.entries()) {
      const row = rows[i] ?? [];
      expect(col(row, 'city')).toBe(seed.city);
      for (const part of FIGURE_PARTS) {
        for (const key of FIGURE_KEYS) {
          const stated = (seed as unknown as { [p: string]: Record<string, number> | undefined })[part]?.[key];
          expect(col(row, `${part}_${key}`), `${seed.city} ${part}_${key}`).toBe(
            stated === undefined ? '' : String(stated),
          );
        }
      }
      expect(col(row, 'url')).toBe(`/issues/2024/18/#${seed.city}`);
    }
    expect(rows.map((r) => col(r, 'derived_total_expectedOutput'))).toEqual(['', '', '', '', '', '44.47']);
    expect(col(rows[1] ?? [], 'zones')).toBe(
      '繁峙经济技术开发区;忻州经济开发区;原平经济技术开发区;崞崞经济技术开发区;五台现代农业产业示范区',
    );
  });

  test('projects.csv lists every named project with what the text states about it', () => {
    const raw = readFileSync(join(dist, 'data/projects.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header = [], ...rows] = parseCsv(raw.toString('utf8').slice(1));
    const byName = (name: string) =>
      Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === name)?.[i]]));
    expect(rows).toHaveLength(19);
    expect(byName('全国智能家居总部')).toMatchObject({
      city: 'jincheng',
      batch: 'started',
      investment: '50',
      company: '康佳集团',
      url: '/issues/2024/18/#lead',
    });
    expect(byName('领卓医药集团全球联动综合体项目')).toMatchObject({
      city: 'taiyuan',
      investment: '4.18',
      company: '',
      zone: '',
    });
    expect(byName('200MW/800MWh共享储能电站项目')).toMatchObject({ city: 'shuozhou', investment: '' });
  });

  test('issues.json describes the issue with its round and the province figures as stated', () => {
    // The one clause of the lead article that states all three, as printed.
    const PROVINCE_CLAUSE = '共签约项目198个、开工项目194个、投产项目158个';
    const issues = JSON.parse(readFileSync(join(dist, 'data/issues.json'), 'utf8')) as Record<string, unknown>[];
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      issue: '2024-18',
      year: 2024,
      number: 18,
      label: '2024年第18期',
      pages: ['D1'],
      missingPages: ['D3'],
      url: '/issues/2024/18/',
    });
    expect(issues[0]).not.toHaveProperty('date');
    const [round] = issues[0]?.rounds as Record<string, unknown>[];
    expect(round).toStrictEqual({
      id: '2024-2',
      name: '全省开发区2024年第二次“三个一批”活动',
      date: '2024-05-10',
      mainVenue: '晋城经济技术开发区',
      province: SEED_PROVINCE,
      sources: {
        signed: { projects: { url: '/issues/2024/18/#province-2024-2-signed-projects', quote: PROVINCE_CLAUSE } },
        started: { projects: { url: '/issues/2024/18/#province-2024-2-started-projects', quote: PROVINCE_CLAUSE } },
        producing: { projects: { url: '/issues/2024/18/#province-2024-2-producing-projects', quote: PROVINCE_CLAUSE } },
      },
      url: '/rounds/2024-2/',
    });
  });

  test('the /data/ page links every file and documents every field and column', () => {
    const html = readPage(dist, '/data/');
    for (const file of ['city-reports.json', 'city-reports.csv', 'projects.csv', 'issues.json'])
      expect(html).toContain(`href="/data/${file}"`);
    const documented = new Set([...html.matchAll(/<th scope="row"><code>([^<]+)<\/code><\/th>/g)].map((m) => m[1]));
    const csvHeader = (file: string) => parseCsv(readFileSync(join(dist, 'data', file), 'utf8').slice(1))[0] ?? [];
    const issueKeys = JSON.parse(readFileSync(join(dist, 'data/issues.json'), 'utf8')).flatMap((r: object) =>
      Object.keys(r),
    );
    const fields = [
      ...json.flatMap((r) => Object.keys(r)),
      ...csvHeader('city-reports.csv'),
      ...csvHeader('projects.csv'),
      ...issueKeys,
    ];
    expect(fields.filter((f) => !documented.has(f))).toEqual([]);
    expect(htmlToText(html)).toContain('亿元');
  });
});

describe('the pages are static', () => {
  test.each(['/cities/', '/cities/xinzhou/', '/rounds/', '/rounds/2024-2/', '/data/'])(
    '%s runs no client script',
    (path) => {
      expect(readPage(dist, path)).not.toMatch(/<script(?![^>]*type="application\/(ld\+)?json")/);
    },
  );

  test('the city chart is an SVG drawn at build time, with a title and the numbers it draws', () => {
    const html = readPage(dist, '/cities/shuozhou/');
    const svgs = [...html.matchAll(/<svg\b[^>]*role="group" aria-labelledby="[^"]+"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(2);
    expect(svgs[0]).toMatch(/<title id="[^"]+">历次投资额（亿元）<\/title>/);
    // Three stated batches stacked, and the stated total drawn around them.
    expect(svgs[0]?.match(/class="chart__bar chart__bar--\w+"/g)).toHaveLength(3);
    expect(svgs[0]).toContain('class="chart__total"');
    // The lines beside the bars are what a screen reader reads; the bars are drawing.
    expect(htmlToText(svgs[0] ?? '')).toContain('合计 88.34亿元');
    expect(svgs[0]).toMatch(/<g aria-hidden="true">(<path [^>]*><\/path>)+<\/g>/);
  });
});
