/**
 * The archive's open data: records built from the issues' front-matter, their CSV form, and
 * the description of every field, which the /data/ page prints. Only what the text states goes
 * into a batch; sums we compute sit apart under `derived`. Pure: the endpoints only serialise.
 */
import { newestFirst } from '#lib/archive/order.ts';
import type { CitySlug } from '#data/cities.ts';
import { cityName } from '#data/cities.ts';
import {
  BATCH_LABELS,
  FIGURE_PARTS,
  FIGURE_KEYS,
  UNITS,
  type Batch,
  type BatchFigures,
  type RoundFigures,
} from '#schemas/figures.ts';
import { issueIdentity, issueKey, type Issue } from '#schemas/issue.ts';
import { deriveTotals, type DerivedFigures } from '#lib/figures/arithmetic.ts';
import { formatNumber } from '#schemas/figures.ts';
import { issueAnchorPath, issuePath, roundPath } from '#lib/site/routes.ts';
import type { Column, FieldDoc } from './columns.ts';
import { provinceCitations, reportCitations, type FigureCitations, type SourcedIssue } from './figure-data.ts';

/** A site path under the base path (`/kfjz/` + `/issues/2024/18/`). */
const under = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;

const oldestFirst = (issues: readonly Issue[]) => newestFirst(issues).reverse();

/** A batch with only the keys the text states, in a fixed key order; undefined if it states none. */
function stated(batch: BatchFigures | undefined): BatchFigures | undefined {
  if (!batch) return undefined;
  const out: BatchFigures = {};
  for (const key of FIGURE_KEYS) {
    const v = batch[key];
    if (v !== undefined) out[key] = v;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The stated batches and total of a report or of the province, empty ones left out. */
export function statedFigures(figures: RoundFigures): RoundFigures {
  const out: RoundFigures = {};
  for (const part of FIGURE_PARTS) {
    const s = stated(figures[part]);
    if (s) out[part] = s;
  }
  return out;
}

/** One city report as open data. */
export interface CityReportRecord extends RoundFigures {
  /** `2024-18`. */
  issue: string;
  /** Round id, `2024-2`. */
  round: string;
  roundName: string;
  city: CitySlug;
  cityName: string;
  /** Sums we computed (never printed in the paper). */
  derived?: { total: DerivedFigures };
  /** The report's heading lines after `城市：`. */
  headline: string[];
  venue?: string;
  reporter?: string;
  zones: string[];
  /** The report on its issue page, under the site's base path. */
  url: string;
  /** Where each stated figure is printed: its clause's address on the issue page and the clause as printed. */
  sources: FigureCitations;
}

/** Every city report, oldest issue first, each issue's reports in printed order. */
export function cityReportRecords(issues: readonly SourcedIssue[], base = '/'): CityReportRecord[] {
  return oldestFirst(issues).flatMap((issue) =>
    issue.cityReports.map((r) => {
      const derived = deriveTotals(r);
      return {
        issue: issueKey(issue),
        round: r.round,
        roundName: issue.rounds.find((x) => x.id === r.round)?.name ?? r.round,
        city: r.city,
        cityName: cityName(r.city),
        ...statedFigures(r),
        ...(derived ? { derived: { total: derived } } : {}),
        headline: r.headline,
        ...(r.venue === undefined ? {} : { venue: r.venue }),
        ...(r.reporter === undefined ? {} : { reporter: r.reporter }),
        zones: r.zones,
        url: under(base, issueAnchorPath(issue, r.id ?? r.city)),
        sources: reportCitations(issue, r, base),
      };
    }),
  );
}

/** A named project as open data. */
export interface ProjectRecord {
  name: string;
  city: CitySlug;
  cityName: string;
  issue: string;
  round?: string;
  batch?: Batch;
  investment?: number;
  company?: string;
  zone?: string;
  /** The article or report naming it, under the site's base path. */
  url: string;
}

export function projectRecords(issues: readonly Issue[], base = '/'): ProjectRecord[] {
  return oldestFirst(issues).flatMap((issue) =>
    issue.projects.map((p) => ({
      name: p.name,
      city: p.city,
      cityName: cityName(p.city),
      issue: issueKey(issue),
      ...(p.round === undefined ? {} : { round: p.round }),
      ...(p.batch === undefined ? {} : { batch: p.batch }),
      ...(p.investment === undefined ? {} : { investment: p.investment }),
      ...(p.company === undefined ? {} : { company: p.company }),
      ...(p.zone === undefined ? {} : { zone: p.zone }),
      url: under(base, p.source ? issueAnchorPath(issue, p.source) : issuePath(issue)),
    })),
  );
}

/** One issue as open data: what it is, its rounds with the province's figures, its articles. */
export interface IssueRecord {
  issue: string;
  year: number;
  number: number;
  label: string;
  date?: string;
  publication: string;
  pages: string[];
  missingPages: string[];
  url: string;
  rounds: {
    id: string;
    name: string;
    date?: string;
    mainVenue?: string;
    province: RoundFigures;
    /** Where each province figure is printed, as in city-reports.json. */
    sources: FigureCitations;
    url: string;
  }[];
  articles: {
    id: string;
    kind: string;
    page: string;
    kicker?: string;
    title: string;
    subtitle?: string;
    byline: string[];
    partOf?: string;
    url: string;
  }[];
  /** Anchors of its city reports; their figures are in city-reports.json. */
  cityReports: { city: CitySlug; round: string; url: string }[];
}

/** The issue's identity as the open data names it: `issue` is its key (`2024-18`). */
function recordIdentity(issue: Issue) {
  const { key, ...rest } = issueIdentity(issue);
  return { issue: key, ...rest };
}

export function issueRecords(issues: readonly SourcedIssue[], base = '/'): IssueRecord[] {
  return oldestFirst(issues).map((issue) => ({
    ...recordIdentity(issue),
    publication: issue.publication,
    pages: issue.pages.map((p) => p.id),
    missingPages: issue.missingPages,
    url: under(base, issuePath(issue)),
    rounds: issue.rounds.map((r) => ({
      id: r.id,
      name: r.name,
      ...(r.date === undefined ? {} : { date: r.date }),
      ...(r.mainVenue === undefined ? {} : { mainVenue: r.mainVenue }),
      province: statedFigures(r.province),
      sources: provinceCitations(issue, r, base),
      url: under(base, roundPath(r.id)),
    })),
    articles: issue.articles.map((a) => ({
      id: a.id,
      kind: a.kind,
      page: a.page,
      ...(a.kicker === undefined ? {} : { kicker: a.kicker }),
      title: a.title,
      ...(a.subtitle === undefined ? {} : { subtitle: a.subtitle }),
      byline: a.byline,
      ...(a.partOf === undefined ? {} : { partOf: a.partOf }),
      url: under(base, issueAnchorPath(issue, a.id)),
    })),
    cityReports: issue.cityReports.map((r) => ({
      city: r.city,
      round: r.round,
      url: under(base, issueAnchorPath(issue, r.id ?? r.city)),
    })),
  }));
}

const FIGURE_DOCS = {
  projects: { type: 'integer', unit: UNITS.projects, what: '项目数' },
  investment: { type: 'number', unit: UNITS.investment, what: '总投资（计划总投资、签约投资额等，照原文）' },
  expectedOutput: { type: 'number', unit: UNITS.expectedOutput, what: '预计年产值' },
} as const;

const PART_WORDS = { ...BATCH_LABELS, total: '合计（原文所载总数）' } as const;

const figureColumns: Column<CityReportRecord>[] = FIGURE_PARTS.flatMap((part) =>
  FIGURE_KEYS.map((key) => ({
    name: `${part}_${key}`,
    type: FIGURE_DOCS[key].type,
    unit: FIGURE_DOCS[key].unit,
    description: `${PART_WORDS[part]}的${FIGURE_DOCS[key].what}；原文未载则留空。`,
    value: (r: CityReportRecord) => r[part]?.[key],
  })),
);

const derivedColumns: Column<CityReportRecord>[] = FIGURE_KEYS.map((key) => ({
  name: `derived_total_${key}`,
  type: FIGURE_DOCS[key].type,
  unit: FIGURE_DOCS[key].unit,
  description: `本站推算：原文写明三个批次的${FIGURE_DOCS[key].what}而未写合计时，三者之和；非原文数字。原文写了合计或缺批次时留空。`,
  value: (r: CityReportRecord) => r.derived?.total[key],
}));

/** The columns of city-reports.csv, in order. */
export const CITY_REPORT_COLUMNS: Column<CityReportRecord>[] = [
  { name: 'issue', type: 'text', description: '期次键“年-期号”，如 2024-18 即2024年第18期。', value: (r) => r.issue },
  {
    name: 'round',
    type: 'text',
    description: '“三个一批”活动轮次键“年-次序”，如 2024-2 即2024年第二次。',
    value: (r) => r.round,
  },
  { name: 'roundName', type: 'text', description: '轮次名称，照原文。', value: (r) => r.roundName },
  { name: 'city', type: 'text', description: '城市代码（固定的拼音代码，综改区为 zonggai）。', value: (r) => r.city },
  { name: 'cityName', type: 'text', description: '城市简称，如 忻州。', value: (r) => r.cityName },
  ...figureColumns,
  ...derivedColumns,
  {
    name: 'headline',
    type: 'text',
    description: '报道标题“城市：”之后的两行，以空格连接，照原文。',
    value: (r) => r.headline.join(' '),
  },
  { name: 'venue', type: 'text', description: '分会场，照原文；原文未载则留空。', value: (r) => r.venue },
  { name: 'reporter', type: 'text', description: '记者署名。', value: (r) => r.reporter },
  {
    name: 'zones',
    type: 'text',
    description: '报道提及的开发区，照原文，以“;”分隔。',
    value: (r) => r.zones.join(';'),
  },
  { name: 'url', type: 'text', description: '该报道在本站期次页上的地址（站内路径）。', value: (r) => r.url },
];

/** The fields of a city-reports.json record, in order. */
export const CITY_REPORT_FIELDS: FieldDoc[] = [
  { name: 'issue', type: 'text', description: '期次键“年-期号”，如 "2024-18"。' },
  { name: 'round', type: 'text', description: '轮次键，如 "2024-2"（2024年第二次“三个一批”活动）。' },
  { name: 'roundName', type: 'text', description: '轮次名称，照原文。' },
  { name: 'city', type: 'text', description: '城市代码，如 "xinzhou"；综改区为 "zonggai"。' },
  { name: 'cityName', type: 'text', description: '城市简称，如 "忻州"。' },
  ...FIGURE_PARTS.map((part) => ({
    name: part,
    type: 'object',
    description: `${PART_WORDS[part]}：只含原文写明的键 projects（项目数，个）、investment（总投资，亿元）、expectedOutput（预计年产值，亿元）；未写明的键不出现，原文未提的批次整个不出现。`,
  })),
  {
    name: 'derived',
    type: 'object',
    description:
      '本站推算，非原文数字：derived.total 为原文写明三个批次而未写合计时的各批次之和（键同上）。无可推算时不出现。',
  },
  { name: 'headline', type: 'list of text', description: '报道标题“城市：”之后的各行，照原文。' },
  { name: 'venue', type: 'text', description: '分会场，照原文；未载则不出现。' },
  { name: 'reporter', type: 'text', description: '记者署名；未载则不出现。' },
  { name: 'zones', type: 'list of text', description: '报道提及的开发区，照原文（含原文可能的错字）。' },
  { name: 'url', type: 'text', description: '该报道在本站期次页上的地址（站内路径，含锚点）。' },
  {
    name: 'sources',
    type: 'object',
    description:
      '每个数字的出处，键同批次对象：sources.signed.investment = { url, quote }，url 为该数字所在分句在期次页上的地址（打开即高亮），quote 为该分句，照原文。',
  },
];

/** The columns of projects.csv, in order. */
export const PROJECT_COLUMNS: Column<ProjectRecord>[] = [
  { name: 'name', type: 'text', description: '项目名称，照原文。', value: (p) => p.name },
  { name: 'city', type: 'text', description: '所在城市代码。', value: (p) => p.city },
  { name: 'cityName', type: 'text', description: '所在城市简称。', value: (p) => p.cityName },
  { name: 'issue', type: 'text', description: '点名该项目的期次键。', value: (p) => p.issue },
  { name: 'round', type: 'text', description: '所属轮次键；原文未载则留空。', value: (p) => p.round },
  {
    name: 'batch',
    type: 'text',
    description: '所属批次：signed 签约、started 开工、producing 投产；原文未载则留空。',
    value: (p) => p.batch,
  },
  {
    name: 'investment',
    type: 'number',
    unit: '亿元',
    description: '投资额，照原文；未载则留空。',
    value: (p) => p.investment,
  },
  { name: 'company', type: 'text', description: '企业，照原文；未载则留空。', value: (p) => p.company },
  { name: 'zone', type: 'text', description: '所在开发区，照原文；未载则留空。', value: (p) => p.zone },
  { name: 'url', type: 'text', description: '点名该项目的文章或报道在本站的地址。', value: (p) => p.url },
];

/** The fields of an issues.json record, in order. */
export const ISSUE_FIELDS: FieldDoc[] = [
  { name: 'issue', type: 'text', description: '期次键，如 "2024-18"。' },
  { name: 'year', type: 'integer', description: '年份。' },
  { name: 'number', type: 'integer', description: '当年期号。' },
  { name: 'label', type: 'text', description: '期次，如 "2024年第18期"。' },
  {
    name: 'date',
    type: 'text',
    description: '出版日期，精确到原文所载（"2024"、"2024-05" 或 "2024-05-10"）；未载则不出现。',
  },
  { name: 'publication', type: 'text', description: '所在报纸，如 "科学导报"。' },
  { name: 'pages', type: 'list of text', description: '存档所收版面，如 ["D1"]。' },
  { name: 'missingPages', type: 'list of text', description: '原文提及而存档未收的版面（如“下转D3版”的 D3）。' },
  { name: 'url', type: 'text', description: '期次页地址。' },
  {
    name: 'rounds',
    type: 'list of objects',
    description:
      '本期报道的“三个一批”轮次：id、name（照原文）、date、mainVenue（主会场）、province（全省数字，结构同城市报道的批次对象，只含原文写明的键）、sources（全省数字的出处，同 city-reports.json 的 sources）、url（轮次页）。',
  },
  {
    name: 'articles',
    type: 'list of objects',
    description:
      '本期文章：id（锚点）、kind（体裁）、page（版）、kicker（引题）、title（主题）、subtitle（副题）、byline（署名）、partOf（所属文章）、url。',
  },
  {
    name: 'cityReports',
    type: 'list of objects',
    description: '本期城市报道：city、round、url；数字见 city-reports.json。',
  },
];

/** One CSV cell: numbers as the archive writes them, text quoted when it must be (RFC 4180). */
function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? formatNumber(value) : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with a UTF-8 byte-order mark, so spreadsheet programs read the Chinese text. */
export function toCsv<R>(columns: readonly Column<R>[], records: readonly R[]): string {
  const lines = [columns.map((c) => cell(c.name)), ...records.map((r) => columns.map((c) => cell(c.value(r))))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
