/**
 * Open data with provenance: every figure of the archive with where it was printed, the clause's
 * anchor on its issue page and the clause quoted as printed. `figureRecords` is the tidy table
 * (data/figures.csv and data/figures.json, one row per figure); `figureSources` adds the same link
 * and quote to city-reports.json and to the province figures in issues.json. The rows are
 * described by a JSON Schema published beside them (data/figures.schema.json). Pure.
 */
import { cityName, type CitySlug } from '#data/cities.ts';
import { newestFirst } from '#lib/archive/order.ts';
import { provinceFigureId, reportFigureId, statedFigureList, type FigureSource } from '#lib/figures/sources.ts';
import { issueAnchorPath } from '#lib/site/routes.ts';
import {
  FIGURE_KEYS,
  FIGURE_PARTS,
  UNITS,
  UNIT_LIST,
  type FigureKey,
  type FigurePart,
  type RoundFigures,
  type Unit,
} from '#schemas/figures.ts';
import { issueKey, type Issue } from '#schemas/issue.ts';
import type { Column } from './columns.ts';

/** An issue with where its figures are printed (the issue loader adds `figureSources`). */
export type SourcedIssue = Issue & { figureSources?: readonly FigureSource[] };

/** A figure's source: the clause's address on the issue page (under the base path) and the clause as printed. */
export interface FigureCitation {
  url: string;
  quote: string;
}
export type FigureCitations = Partial<Record<FigurePart, Partial<Record<FigureKey, FigureCitation>>>>;

const under = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;

const sourceById = (issue: SourcedIssue) => new Map((issue.figureSources ?? []).map((s) => [s.id, s]));

/** Where a unit's figures are printed, keyed like its figures: `{ signed: { investment: { url, quote } } }`. */
function citations(
  issue: SourcedIssue,
  figures: RoundFigures,
  idOf: (part: FigurePart, key: FigureKey) => string,
  base: string,
): FigureCitations {
  const sources = sourceById(issue);
  const out: FigureCitations = {};
  for (const { part, key } of statedFigureList(figures)) {
    const id = idOf(part, key);
    out[part] = {
      ...out[part],
      [key]: { url: under(base, issueAnchorPath(issue, id)), quote: sources.get(id)?.quote ?? '' },
    };
  }
  return out;
}

export const reportCitations = (issue: SourcedIssue, report: Issue['cityReports'][number], base = '/') =>
  citations(issue, report, (part, key) => reportFigureId(report.id ?? report.city, part, key), base);

export const provinceCitations = (issue: SourcedIssue, round: Issue['rounds'][number], base = '/') =>
  citations(issue, round.province, (part, key) => provinceFigureId(round.id, part, key), base);

/** One figure as a row of the tidy table. */
export interface FigureRecord {
  issue: string;
  /** The page (版) it is printed on. */
  page: string;
  round: string;
  /** A city's code, or `province` for the province's figures of the round. */
  unit: CitySlug | 'province';
  unitName: string;
  batch: FigurePart;
  key: FigureKey;
  value: number;
  /** 个 or 亿元. */
  measure: Unit;
  url: string;
  quote: string;
}

/** Every figure of the archive, oldest issue first; in an issue, each round's province figures, then its city reports. */
export function figureRecords(issues: readonly SourcedIssue[], base = '/'): FigureRecord[] {
  return newestFirst(issues)
    .reverse()
    .flatMap((issue) => {
      const sources = sourceById(issue);
      const onlyPage = issue.pages.length === 1 ? issue.pages[0]?.id : undefined;
      const row = (
        unit: FigureRecord['unit'],
        unitName: string,
        round: string,
        id: string,
        f: { part: FigurePart; key: FigureKey; value: number },
      ): FigureRecord => ({
        issue: issueKey(issue),
        page: sources.get(id)?.page ?? onlyPage ?? '',
        round,
        unit,
        unitName,
        batch: f.part,
        key: f.key,
        value: f.value,
        measure: UNITS[f.key],
        url: under(base, issueAnchorPath(issue, id)),
        quote: sources.get(id)?.quote ?? '',
      });
      return [
        ...issue.rounds.flatMap((r) =>
          statedFigureList(r.province).map((f) =>
            row('province', '全省', r.id, provinceFigureId(r.id, f.part, f.key), f),
          ),
        ),
        ...issue.cityReports.flatMap((r) =>
          statedFigureList(r).map((f) =>
            row(r.city, cityName(r.city), r.round, reportFigureId(r.id ?? r.city, f.part, f.key), f),
          ),
        ),
      ];
    });
}

/** The columns of data/figures.csv (and the fields of data/figures.json), documented on /data/. */
export const FIGURE_FIELDS_DOC = [
  { name: 'issue', type: 'text', description: '期次键“年-期号”，如 2024-18。' },
  { name: 'page', type: 'text', description: '数字所在的版，如 D1。' },
  { name: 'round', type: 'text', description: '“三个一批”活动轮次键，如 2024-2。' },
  { name: 'unit', type: 'text', description: '单位：城市代码（如 xinzhou，综改区为 zonggai），全省数字为 province。' },
  { name: 'unitName', type: 'text', description: '单位名称，如 忻州、全省。' },
  {
    name: 'batch',
    type: 'text',
    description: '批次：signed 签约一批、started 开工一批、producing 投产一批、total 原文所载合计。',
  },
  {
    name: 'key',
    type: 'text',
    description: '数字的含义：projects 项目数、investment 总投资、expectedOutput 预计年产值。',
  },
  { name: 'value', type: 'number', description: '数字，照原文（亿元保留原文小数）。' },
  { name: 'measure', type: 'text', description: '计量单位：个 或 亿元。' },
  { name: 'url', type: 'text', description: '数字在本站期次页上的出处：期次页地址加该分句的锚点，打开即高亮该分句。' },
  { name: 'quote', type: 'text', description: '写明该数字的分句（或标题行），照原文。' },
] as const;

/** The columns of data/figures.csv, in the order documented. */
export const FIGURE_COLUMNS: Column<FigureRecord>[] = FIGURE_FIELDS_DOC.map((f) => ({
  ...f,
  ...(f.name === 'value' ? { unit: '个 / 亿元（见 measure）' } : {}),
  value: (r: FigureRecord) => r[f.name],
}));

/**
 * The JSON Schema of a row of the tidy table (data/figures.schema.json): data/figures.json is an
 * array of such rows, and data/figures.csv holds the same rows, one a line, columns in this order.
 */
export function figuresJsonSchema(id: string) {
  const description = Object.fromEntries(FIGURE_FIELDS_DOC.map((f) => [f.name, f.description]));
  const text = (name: string, extra: Record<string, unknown> = {}) => ({
    type: 'string',
    minLength: 1,
    description: description[name],
    ...extra,
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title: '《开发区建设》专刊“三个一批”数字及出处',
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: FIGURE_FIELDS_DOC.map((f) => f.name),
      properties: {
        issue: text('issue', { pattern: '^\\d{4}-\\d{2}$' }),
        page: text('page', { pattern: '^[A-Z]{1,2}\\d{1,2}$' }),
        round: text('round', { pattern: '^\\d{4}-\\d{1,2}$' }),
        unit: text('unit', { pattern: '^[a-z]+$' }),
        unitName: text('unitName'),
        batch: text('batch', { enum: [...FIGURE_PARTS] }),
        key: text('key', { enum: [...FIGURE_KEYS] }),
        value: { type: 'number', minimum: 0, description: description['value'] },
        measure: text('measure', { enum: UNIT_LIST }),
        url: text('url', { pattern: '#' }),
        quote: text('quote'),
      },
    },
  };
}
