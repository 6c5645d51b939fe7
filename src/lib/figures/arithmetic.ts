/**
 * Pure arithmetic on stated figures: sums we derive over batches and over units. The rule that
 * a stated total equals its parts, and the one way a figure is written, stand with the figure
 * schema (src/schemas/figures.ts), which applies them. No Astro imports.
 */
import { BATCHES, FIGURE_KEYS, cents, type BatchFigures, type FigureKey, type RoundFigures } from '#schemas/figures.ts';

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

export function isEmptyBatch(b: BatchFigures | undefined): boolean {
  return !b || FIGURE_KEYS.every((k) => b[k] === undefined);
}
