import { z } from 'astro/zod';

const count = (what: string) =>
  z
    .number({ error: `expected a whole number of projects (个) for ${what}, e.g. 21` })
    .int({ error: `expected a whole number of projects (个) for ${what}, e.g. 21` })
    .nonnegative({ error: `${what} cannot be negative` });

const yi = (what: string) =>
  z
    .number({ error: `expected a number of 亿元 for ${what}, e.g. 70.05 (no unit, no quotes)` })
    .nonnegative({ error: `${what} cannot be negative` })
    .refine((v) => Number.isFinite(v) && Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, {
      error: `${what} has more than two decimals; the paper states 亿元 to the cent (0.01)`,
    });

/**
 * What the text states about one batch (签约 / 开工 / 投产) or about the total over the
 * batches. Every key is optional: a key the text does not state is left out, never guessed.
 */
export const BatchFiguresSchema = z.strictObject({
  /** Number of projects (个). */
  projects: count('projects').optional(),
  /** Investment in 亿元 (10^8 yuan), as printed: 总投资 / 计划总投资 / 签约投资额. */
  investment: yi('investment').optional(),
  /** Expected annual output (预计年产值) in 亿元. */
  expectedOutput: yi('expectedOutput').optional(),
});

export type BatchFigures = z.infer<typeof BatchFiguresSchema>;

/** The three batches of a "三个一批" round, in the order the paper lists them. */
export const BATCHES = ['signed', 'started', 'producing'] as const;
export type Batch = (typeof BATCHES)[number];

export const BATCH_LABELS: Record<Batch, string> = {
  signed: '签约一批',
  started: '开工一批',
  producing: '投产一批',
};

export const FIGURE_KEYS = ['projects', 'investment', 'expectedOutput'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** Figures per batch plus a stated total: the shape shared by city reports, provinces and open data. */
export const RoundFiguresSchema = z.strictObject({
  /** 签约一批: projects whose contracts were signed. */
  signed: BatchFiguresSchema.optional(),
  /** 开工一批: projects whose construction started. */
  started: BatchFiguresSchema.optional(),
  /** 投产一批: projects put into production. */
  producing: BatchFiguresSchema.optional(),
  /** A total over the batches, only when the text states one. */
  total: BatchFiguresSchema.optional(),
});

export type RoundFigures = z.infer<typeof RoundFiguresSchema>;
