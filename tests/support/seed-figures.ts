/**
 * The seed's figures as DOMAIN.md tabulates them from the printed page: what the open data must
 * hold and the pages must show. Written out by hand, not computed, so a test compares the site
 * with the paper rather than with itself.
 */
import type { RoundFigures } from '#schemas/figures.ts';

/** Stated figures per city report of 2024年第18期, in printed order; absent = not stated. */
export const SEED_CITY_REPORTS = [
  { city: 'taiyuan', cityName: '太原', signed: { projects: 14 } },
  {
    city: 'xinzhou',
    cityName: '忻州',
    signed: { projects: 21, investment: 70.05 },
    started: { projects: 23, investment: 65.88 },
    producing: { projects: 17, investment: 12.24 },
    total: { projects: 61, investment: 148.17 },
  },
  { city: 'yangquan', cityName: '阳泉', signed: { projects: 15, investment: 77.01 } },
  {
    city: 'shuozhou',
    cityName: '朔州',
    signed: { projects: 15, investment: 41.33 },
    started: { projects: 11, investment: 26.08 },
    producing: { projects: 11, investment: 20.93 },
    total: { projects: 37, investment: 88.34, expectedOutput: 76.01 },
  },
  {
    city: 'jinzhong',
    cityName: '晋中',
    signed: { projects: 17, investment: 94.7 },
    started: { projects: 23, investment: 98.7 },
    producing: { projects: 20, investment: 87.4 },
    total: { projects: 60, investment: 280.8 },
  },
  {
    city: 'lvliang',
    cityName: '吕梁',
    signed: { projects: 12, investment: 24.07, expectedOutput: 16.23 },
    started: { projects: 10, investment: 12.12, expectedOutput: 17.8 },
    producing: { projects: 10, investment: 11.78, expectedOutput: 10.44 },
    total: { projects: 32, investment: 47.97 },
  },
] as const;

type SeedCity = (typeof SEED_CITY_REPORTS)[number]['city'];

/** The seed's report of `city`: slug, name and stated figures. */
export function seedReport(city: SeedCity): (typeof SEED_CITY_REPORTS)[number] {
  const report = SEED_CITY_REPORTS.find((r) => r.city === city);
  if (!report) throw new Error(`the seed has no report of ${city}`);
  return report;
}

/** One city report's stated figures (`{ signed: …, total: … }`), as the front-matter holds them. */
export function seedFigures(city: SeedCity): RoundFigures {
  const { city: _, cityName: __, ...figures } = seedReport(city);
  return figures;
}

/**
 * What a reader sees in a city's row (签约 / 开工 / 投产 / 合计), text as on the page. The one
 * derived figure of the seed is 吕梁's expected output over its three batches (16.23 + 17.80 +
 * 10.44), which the text never totals: it must carry the * of a derived value.
 */
export const SEED_ROW_TEXT: Record<string, [string, string, string, string]> = {
  taiyuan: ['14个', '—', '—', '—'],
  xinzhou: ['21个 70.05亿元', '23个 65.88亿元', '17个 12.24亿元', '61个 148.17亿元'],
  yangquan: ['15个 77.01亿元', '—', '—', '—'],
  shuozhou: ['15个 41.33亿元', '11个 26.08亿元', '11个 20.93亿元', '37个 88.34亿元 产值76.01亿元'],
  jinzhong: ['17个 94.7亿元', '23个 98.7亿元', '20个 87.4亿元', '60个 280.8亿元'],
  lvliang: [
    '12个 24.07亿元 产值16.23亿元',
    '10个 12.12亿元 产值17.8亿元',
    '10个 11.78亿元 产值10.44亿元',
    '32个 47.97亿元 产值44.47亿元*',
  ],
};

/** The derived figures the pages may show, as text: only 吕梁's summed expected output. */
export const SEED_DERIVED_TEXT: Record<string, string[]> = { lvliang: ['产值44.47亿元*'] };

/** The province's figures for round 2024-2 as printed: 198 / 194 / 158 projects. */
export const SEED_PROVINCE = {
  signed: { projects: 198 },
  started: { projects: 194 },
  producing: { projects: 158 },
} as const;

/** All 11 cities and 综改区, registry order. */
export const ALL_SLUGS = [
  'taiyuan',
  'datong',
  'shuozhou',
  'xinzhou',
  'yangquan',
  'jinzhong',
  'changzhi',
  'jincheng',
  'linfen',
  'yuncheng',
  'lvliang',
  'zonggai',
] as const;

/** The anchors of the seed's articles and city reports, in reading order (as printed on D1). */
export const SEED_ANCHORS = [
  'lead',
  'compilation',
  'editors-note',
  'taiyuan',
  'xinzhou',
  'yangquan',
  'shuozhou',
  'jinzhong',
  'lvliang',
] as const;
