/**
 * Pure arithmetic on stated figures: sums over batches, total checks, and the one
 * way the archive writes a figure for Chinese readers. No Astro imports.
 */
import { BATCHES, FIGURE_KEYS, type BatchFigures, type FigureKey, type RoundFigures } from '#schemas/figures.ts';

/** Work in cents (0.01 亿元) so that 70.05 + 65.88 + 12.24 is exactly 148.17. */
const cents = (v: number) => Math.round(v * 100);

export interface TotalMismatch {
  /** Which figure disagrees: `total.investment`. */
  field: `total.${FigureKey}`;
  key: FigureKey;
  stated: number;
  parts: number[];
  sum: number;
}

/**
 * A stated total whose three parts are all stated must equal their sum
 * (counts exactly, 亿元 to 0.01). Anything less complete is not checked.
 */
export function findTotalMismatches(figures: RoundFigures): TotalMismatch[] {
  const out: TotalMismatch[] = [];
  for (const key of FIGURE_KEYS) {
    const stated = figures.total?.[key];
    if (stated === undefined) continue;
    const parts = BATCHES.map((b) => figures[b]?.[key]);
    if (parts.some((p) => p === undefined)) continue;
    const stated_ = parts as number[];
    const sum = stated_.reduce((a, p) => a + cents(p), 0) / 100;
    if (cents(stated) !== cents(sum)) {
      out.push({ field: `total.${key}`, key, stated, parts: stated_, sum });
    }
  }
  return out;
}

export type DerivedFigures = Partial<Record<FigureKey, number>>;

/**
 * Sums we compute where the text states every batch but no total. Returned apart from the
 * stated figures and always labelled as derived wherever shown.
 */
export function deriveTotals(figures: RoundFigures): DerivedFigures | undefined {
  const derived: DerivedFigures = {};
  for (const key of FIGURE_KEYS) {
    if (figures.total?.[key] !== undefined) continue;
    const parts = BATCHES.map((b) => figures[b]?.[key]);
    if (parts.some((p) => p === undefined)) continue;
    derived[key] = (parts as number[]).reduce((a, p) => a + cents(p), 0) / 100;
  }
  return Object.keys(derived).length > 0 ? derived : undefined;
}

/** Sum one figure over several units, counting only units that state it. */
export function sumStated(values: readonly (number | undefined)[]): { sum: number; count: number } {
  let total = 0;
  let count = 0;
  for (const v of values) {
    if (v === undefined) continue;
    total += cents(v);
    count++;
  }
  return { sum: total / 100, count };
}

export const UNITS: Record<FigureKey, string> = {
  projects: '个',
  investment: '亿元',
  expectedOutput: '亿元',
};

/** A figure without trailing zeros: `148.17`, `280.8`; `17.80` and `17.8` are the same value and print as `17.8`. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** `148.17亿元`, `61个`: the one way a figure is written across pages, feeds and data. */
export function formatFigure(key: FigureKey, value: number): string {
  return `${formatNumber(value)}${UNITS[key]}`;
}

export function isEmptyBatch(b: BatchFigures | undefined): boolean {
  return !b || FIGURE_KEYS.every((k) => b[k] === undefined);
}
