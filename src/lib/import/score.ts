/**
 * How well the importer reads figures: its output (`npm run import -- … --json`) compared with
 * the figures a careful reader takes from the same text. Every stated figure is one item
 * (unit, batch, key, value); recall is the share of expected items output, precision the share
 * of output items expected. An output item that the text states for another unit (a county, a
 * zone, another city, the province) counts as credited to the wrong unit. Pure, no file system.
 */
import { FIGURE_KEYS, FIGURE_PARTS, cents, type RoundFigures } from '#schemas/figures.ts';

/** Figures as the importer prints them with `--json`. */
export interface ImportedFigures {
  reports: ({ city: string; county?: string } & RoundFigures)[];
  province: RoundFigures;
}

/** Why a figure stated in the text must not be output. */
export type NotCreditedReason = 'county' | 'zone' | 'city' | 'province' | 'period' | 'subset' | 'approximate' | 'cut';

/** A fixture's hand-written answer. */
export interface ExpectedFigures extends ImportedFigures {
  /** Importer options the text needs (`--city` for a 我市-only text). */
  options?: { city?: string };
  /** Figures the text states for another unit or period, or only partly: never output. */
  notCredited?: ({ unit: string; why: NotCreditedReason } & RoundFigures)[];
}

export interface FigureScore {
  expected: number;
  output: number;
  correct: number;
  /** Output figures that the text states for another unit than the one they are credited to. */
  wrongUnit: number;
  /** `unit part.key=value` of expected figures not output. */
  missed: string[];
  /** `unit part.key=value` of output figures not expected. */
  extra: string[];
}

interface Item {
  unit: string;
  what: string;
}

function items(unit: string, figures: RoundFigures): Item[] {
  const out: Item[] = [];
  for (const part of FIGURE_PARTS) {
    for (const key of FIGURE_KEYS) {
      const value = figures[part]?.[key];
      if (value !== undefined) out.push({ unit, what: `${part}.${key}=${value}` });
    }
  }
  return out;
}

const reportUnit = (r: { city: string; county?: string }) => (r.county ? `${r.city}/${r.county}` : r.city);

function allItems(f: ImportedFigures): Item[] {
  return [...f.reports.flatMap((r) => items(reportUnit(r), r)), ...items('province', f.province)];
}

const label = (i: Item) => `${i.unit} ${i.what}`;

/** Score one text's output against its expected figures. */
export function scoreFigures(output: ImportedFigures, expected: ExpectedFigures): FigureScore {
  const want = allItems(expected);
  const got = allItems(output);
  const wantLabels = new Set(want.map(label));
  const gotLabels = new Set(got.map(label));
  const placeReasons: NotCreditedReason[] = ['county', 'zone', 'city', 'province'];
  const otherUnits = new Set([
    ...want.map((i) => i.what),
    ...(expected.notCredited ?? [])
      .filter((n) => placeReasons.includes(n.why))
      .flatMap((n) => items(n.unit, n).map((i) => i.what)),
  ]);
  const extra = got.filter((i) => !wantLabels.has(label(i)));
  return {
    expected: want.length,
    output: got.length,
    correct: got.filter((i) => wantLabels.has(label(i))).length,
    wrongUnit: extra.filter((i) => otherUnits.has(i.what)).length,
    missed: want.filter((i) => !gotLabels.has(label(i))).map(label),
    extra: extra.map(label),
  };
}

/** Sum of several scores. */
export function addScores(scores: FigureScore[]): FigureScore {
  return scores.reduce(
    (a, s) => ({
      expected: a.expected + s.expected,
      output: a.output + s.output,
      correct: a.correct + s.correct,
      wrongUnit: a.wrongUnit + s.wrongUnit,
      missed: [...a.missed, ...s.missed],
      extra: [...a.extra, ...s.extra],
    }),
    { expected: 0, output: 0, correct: 0, wrongUnit: 0, missed: [], extra: [] },
  );
}

/** Recall and precision as fractions; 1 when there is nothing to find or nothing output. */
export function recallPrecision(s: FigureScore): { recall: number; precision: number } {
  return {
    recall: s.expected === 0 ? 1 : s.correct / s.expected,
    precision: s.output === 0 ? 1 : s.correct / s.output,
  };
}

// ---------------------------------------------------------------------------------------------
// Real report texts (../shared/real-reports/dNN: input.txt + expected.json)
// ---------------------------------------------------------------------------------------------

/** A real text's answer: what a correct importer outputs, and numbers no city report may carry. */
export interface RealExpected extends ImportedFigures {
  notes?: string;
  /** Numbers the text states for no city (another unit, another event, a capacity, chrome). */
  mustNotAppear?: number[];
}

export interface RealScore extends FigureScore {
  /** Output values in a city report equal to a `mustNotAppear` number: figures credited to the wrong unit. */
  scopeErrors: number;
  /** `unit part.key=value` of those outputs. */
  scope: string[];
}

/**
 * Score one real text: by position (unit, batch, key), exact to 0.01 (the set's README). An
 * output value in a city report equal to a `mustNotAppear` number is a scope error.
 */
export function scoreRealReport(output: ImportedFigures, expected: RealExpected): RealScore {
  const round = (f: ImportedFigures): ImportedFigures => ({
    reports: f.reports.map((r) => roundFigures(r)),
    province: roundFigures(f.province),
  });
  const base = scoreFigures(round(output), { reports: expected.reports, province: expected.province });
  const forbidden = new Set((expected.mustNotAppear ?? []).map(cents));
  const scope = output.reports
    .flatMap((r) => items(reportUnit(r), r))
    .filter((i) => forbidden.has(cents(Number(i.what.split('=')[1]))))
    .map(label);
  return { ...base, wrongUnit: scope.length, scopeErrors: scope.length, scope };
}

function roundFigures<T extends RoundFigures>(f: T): T {
  const out = { ...f };
  for (const part of FIGURE_PARTS) {
    const batch = f[part];
    if (!batch) continue;
    out[part] = Object.fromEntries(Object.entries(batch).map(([k, v]) => [k, cents(v ?? 0) / 100]));
  }
  return out;
}
