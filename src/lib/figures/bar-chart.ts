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
  const scale = (v: number) => (max > 0 ? (v / max) * width : 0);
  const rows = measured.map((m, i): BarRow => {
    const top = i * (labelHeight + barHeight + gap);
    let x = 0;
    const segments = m.parts.map((p) => {
      const segment = { batch: p.batch, value: p.value, x, width: scale(p.value) };
      x += segment.width;
      return segment;
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
