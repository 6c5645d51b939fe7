/**
 * Geometry of the city pages' bar charts, drawn as static SVG at build time: one horizontal
 * bar per report, stacked from the batches the text states; the total (stated, or our sum of
 * three stated batches) as an outline around them. Nothing is drawn for a figure not stated.
 * Pure: no Astro imports.
 */
import { BATCHES, type Batch, type FigureKey } from '#schemas/figures.ts';
import type { RoundFigures } from '#schemas/figures.ts';
import type { DerivedFigures } from './arithmetic.ts';

export interface BarInput {
  /** Row label (`2024年第二次`). */
  label: string;
  figures: RoundFigures;
  derived?: DerivedFigures | undefined;
}

export interface BarSegment {
  batch: Batch;
  value: number;
  x: number;
  width: number;
}

export interface BarRow {
  label: string;
  /** Baseline of the label text. */
  labelY: number;
  /** Top of the bar. */
  barY: number;
  segments: BarSegment[];
  /** The total, stated or derived, drawn as an outline from 0. */
  total?: { value: number; derived: boolean; width: number };
}

export interface BarChart {
  width: number;
  height: number;
  barHeight: number;
  rows: BarRow[];
  /** True when no row has anything to draw. */
  empty: boolean;
}

export interface BarChartOptions {
  width?: number;
  barHeight?: number;
  /** Room above each bar for its label line. */
  labelHeight?: number;
  gap?: number;
}

/** Lay out one figure (projects or investment) of several reports as stacked bars. */
export function stackedBars(inputs: readonly BarInput[], key: FigureKey, options: BarChartOptions = {}): BarChart {
  const { width = 320, barHeight = 18, labelHeight = 20, gap = 14 } = options;
  const measured = inputs.map((input) => {
    const parts = BATCHES.flatMap((batch) => {
      const value = input.figures[batch]?.[key];
      return value === undefined ? [] : [{ batch, value }];
    });
    const stated = input.figures.total?.[key];
    const derived = input.derived?.[key];
    const total =
      stated !== undefined
        ? { value: stated, derived: false }
        : derived !== undefined
          ? { value: derived, derived: true }
          : undefined;
    return { label: input.label, parts, total };
  });
  const max = Math.max(
    0,
    ...measured.map((m) =>
      Math.max(
        m.total?.value ?? 0,
        m.parts.reduce((a, p) => a + p.value, 0),
      ),
    ),
  );
  // A tenth of a unit: finer is invisible, and long digit strings would make up most of the SVG.
  const tenth = (v: number) => Math.round(v * 10) / 10;
  const scale = (v: number) => (max > 0 ? tenth((v / max) * width) : 0);
  const rows = measured.map((m, i): BarRow => {
    const top = i * (labelHeight + barHeight + gap);
    // Edges from the running sum, so rounding never opens a gap or an overlap between segments.
    let sum = 0;
    const segments = m.parts.map((p) => {
      const x = scale(sum);
      sum += p.value;
      return { batch: p.batch, value: p.value, x, width: tenth(scale(sum) - x) };
    });
    return {
      label: m.label,
      labelY: top + labelHeight - 6,
      barY: top + labelHeight,
      segments,
      ...(m.total ? { total: { ...m.total, width: scale(m.total.value) } } : {}),
    };
  });
  return {
    width,
    height: Math.max(0, inputs.length * (labelHeight + barHeight + gap) - gap),
    barHeight,
    rows,
    empty: max === 0,
  };
}

/** The outlines a chart draws as SVG path data: one path per batch and one per kind of total. */
export interface BarPaths {
  batches: Partial<Record<Batch, string>>;
  /** Outlines of stated totals. */
  total: string;
  /** Outlines of our sums of three stated batches. */
  derivedTotal: string;
}

const box = (x: number, y: number, w: number, h: number) => `M${x} ${y}h${w}v${h}h${-w}z`;

/**
 * The chart's bars as one path per batch (and per kind of total) instead of one element per bar:
 * a city reported over a hundred rounds keeps its page small. Each bar is a closed box.
 */
export function barPaths(chart: BarChart): BarPaths {
  const batches: Partial<Record<Batch, string>> = {};
  let total = '';
  let derivedTotal = '';
  for (const row of chart.rows) {
    for (const s of row.segments)
      batches[s.batch] = (batches[s.batch] ?? '') + box(s.x, row.barY, s.width, chart.barHeight);
    if (row.total) {
      const outline = box(0, row.barY - 2, row.total.width, chart.barHeight + 4);
      if (row.total.derived) derivedTotal += outline;
      else total += outline;
    }
  }
  return { batches, total, derivedTotal };
}
