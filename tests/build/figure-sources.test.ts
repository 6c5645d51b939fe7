/**
 * Every figure shows where it was printed: on the seed's build, each of its 39 city-report
 * figures (and the province's three), in the city, round and issue tables, links to an anchor on
 * the issue page whose element holds the clause that states it, at most a sentence; the open data
 * carries the same link and quote; a sum the archive derives links to a note on its parts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, inject, test } from 'vitest';
import { BATCHES, type FigureKey, type FigurePart } from '#schemas/figures.ts';
import { parseCsv } from '../support/csv.ts';
import { htmlToText, readPage } from '../support/html.ts';
import { SEED_CITY_REPORTS, SEED_PROVINCE } from '../support/seed-figures.ts';
import { clauses, readSeed } from '../support/seed.ts';

const dist = inject('distDir');
const ISSUE = '/issues/2024/18/';
const issueHtml = readPage(dist, ISSUE);
const data = (name: string) => readFileSync(join(dist, 'data', name), 'utf8');

const printed = (key: FigureKey, value: number) => (key === 'projects' ? `${value}个` : `${value}`);

/** Every seed figure with its expected anchor. */
const FIGURES = [
  ...SEED_CITY_REPORTS.flatMap((r) =>
    (Object.entries(r) as [string, unknown][]).flatMap(([part, batch]) =>
      typeof batch === 'object' && batch
        ? (Object.entries(batch) as [FigureKey, number][]).map(([key, value]) => ({
            unit: r.city as string,
            part: part as FigurePart,
            key,
            value,
            id: `${r.city}-${part}-${key}`,
          }))
        : [],
    ),
  ),
  ...(Object.entries(SEED_PROVINCE) as [FigurePart, { projects: number }][]).map(([part, { projects }]) => ({
    unit: 'province',
    part,
    key: 'projects' as FigureKey,
    value: projects,
    id: `province-2024-2-${part}-projects`,
  })),
];

/** The element with `id` on the issue page: its text, without tags. */
function elementText(html: string, id: string): string | undefined {
  const at = html.indexOf(` id="${id}"`);
  if (at < 0) return undefined;
  const start = html.lastIndexOf('<', at);
  const tag = /^<(\w+)/.exec(html.slice(start))?.[1] ?? '';
  // Count nested tags of the same name until this element closes.
  const re = new RegExp(`<${tag}\\b|</${tag}>`, 'g');
  re.lastIndex = start + 1;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return htmlToText(html.slice(start, m.index + m[0].length));
  }
  return undefined;
}

describe('each figure has its clause marked on the issue page', () => {
  test('the seed has 39 city-report figures and 3 province figures', () => {
    expect(FIGURES.filter((f) => f.unit !== 'province')).toHaveLength(39);
    expect(FIGURES).toHaveLength(42);
  });

  test.each(FIGURES)('$id: an element holding the clause that states $value, at most a sentence', (f) => {
    const text = elementText(issueHtml, f.id);
    expect(text, `no element with id ${f.id}`).toBeDefined();
    expect(text).toContain(printed(f.key, f.value));
    expect(text).not.toMatch(/[。！？]/);
    expect([...(text ?? '')].length).toBeLessThanOrEqual(60);
  });

  test('marking adds elements, never characters: every clause of the printed page is still on it', () => {
    const text = htmlToText(issueHtml);
    expect(clauses(readSeed()).filter((c) => !text.includes(c) && c !== '开发区建设')).toEqual([]);
  });

  test('a figure stated in a heading line has that line as its place', () => {
    expect(elementText(issueHtml, 'xinzhou-total-investment')).toBe('总投资148.17亿元');
    expect(elementText(issueHtml, 'xinzhou-signed-investment')).toBe('总投资70.05亿元');
  });
});

describe('every table links each figure to its clause', () => {
  const links = (html: string) => new Set([...html.matchAll(/href="([^"]*#[^"]*)"/g)].map((m) => m[1]));
  const pages = {
    issue: links(issueHtml),
    round: links(readPage(dist, '/rounds/2024-2/')),
  };

  test.each(FIGURES)('$id from the issue page and the round page', (f) => {
    expect(pages.issue).toContain(`${ISSUE}#${f.id}`);
    expect(pages.round).toContain(`${ISSUE}#${f.id}`);
  });

  test.each(FIGURES.filter((f) => f.unit !== 'province'))('$id from the city page', (f) => {
    expect(links(readPage(dist, `/cities/${f.unit}/`))).toContain(`${ISSUE}#${f.id}`);
  });

  test.each([
    ['xinzhou', ['total-investment', 'total-projects']],
    ['yangquan', ['signed-investment', 'signed-projects']],
    ['taiyuan', ['signed-projects']],
  ])('the charts of %s link the figures they print beside the bars', (city, ids) => {
    const charts = [...readPage(dist, `/cities/${city}/`).matchAll(/<svg class="chart__svg"[\s\S]*?<\/svg>/g)].join('');
    expect([...links(charts)].sort()).toEqual(ids.map((id) => `${ISSUE}#${city}-${id}`).sort());
  });

  test('a derived sum links to a note that adds up its parts, each linked to its clause', () => {
    const city = readPage(dist, '/cities/lvliang/');
    expect(city).toMatch(/<a href="#sum-2024-2-expectedOutput">产值44\.47亿元\*<\/a>/);
    const note = elementText(city, 'sum-2024-2-expectedOutput');
    expect(note).toBe(
      '2024年第二次 合计预计年产值：44.47亿元* = 签约一批 16.23亿元 + 开工一批 17.8亿元 + 投产一批 10.44亿元',
    );
    for (const part of BATCHES) expect(city).toContain(`href="${ISSUE}#lvliang-${part}-expectedOutput"`);
  });
});

describe('the open data carries each figure’s source', () => {
  const rows = JSON.parse(data('figures.json')) as Record<string, unknown>[];

  test('figures.json: one row per figure, each with the link and the clause quoted as on the page', () => {
    expect(rows).toHaveLength(FIGURES.length);
    for (const f of FIGURES) {
      const row = rows.find((r) => r['unit'] === f.unit && r['batch'] === f.part && r['key'] === f.key);
      expect(row, f.id).toMatchObject({
        issue: '2024-18',
        page: 'D1',
        round: '2024-2',
        value: f.value,
        url: `${ISSUE}#${f.id}`,
      });
      expect(row?.['quote']).toBe(elementText(issueHtml, f.id));
    }
  });

  test('figures.json is valid against the published JSON Schema (Ajv), and a broken row is not', () => {
    const schema = JSON.parse(data('figures.schema.json')) as object;
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    expect(validate(rows), JSON.stringify(validate.errors)).toBe(true);
    expect(validate([{ ...rows[0], quote: '' }])).toBe(false);
    expect(validate([{ ...rows[0], batch: 'signing' }])).toBe(false);
  });

  test('figures.csv holds the same rows, columns in the documented order', () => {
    const [head = [], ...lines] = parseCsv(data('figures.csv').replace(/^\uFEFF/, ''));
    expect(head).toEqual([
      'issue',
      'page',
      'round',
      'unit',
      'unitName',
      'batch',
      'key',
      'value',
      'measure',
      'url',
      'quote',
    ]);
    const asRows = lines.map((l) => Object.fromEntries(head.map((h, i) => [h, h === 'value' ? Number(l[i]) : l[i]])));
    expect(asRows).toEqual(rows);
  });

  test('city-reports.json and issues.json give each figure the same link and quote', () => {
    const reports = JSON.parse(data('city-reports.json')) as {
      city: string;
      sources: Record<string, Record<string, unknown>>;
    }[];
    const issues = JSON.parse(data('issues.json')) as {
      rounds: { sources: Record<string, Record<string, unknown>> }[];
    }[];
    for (const f of FIGURES) {
      const sources =
        f.unit === 'province' ? issues[0]?.rounds[0]?.sources : reports.find((r) => r.city === f.unit)?.sources;
      expect(sources?.[f.part]?.[f.key], f.id).toEqual({
        url: `${ISSUE}#${f.id}`,
        quote: elementText(issueHtml, f.id),
      });
    }
  });

  test('/data/ documents figures.csv and links its schema', () => {
    const page = readPage(dist, '/data/');
    expect(page).toContain('href="/data/figures.csv"');
    expect(page).toContain('href="/data/figures.schema.json"');
    for (const column of ['unitName', 'measure', 'quote']) expect(page).toContain(`<code>${column}</code>`);
  });
});
