import { z } from 'astro/zod';

const count = (what: string) =>
  z
    .number({ error: `expected a whole number of projects (个) for ${what}, e.g. 21` })
    .int({ error: `expected a whole number of projects (个) for ${what}, e.g. 21` })
    .nonnegative({ error: `${what} cannot be negative` });

/** Work in cents (0.01 亿元) so that 70.05 + 65.88 + 12.24 is exactly 148.17. */
export const cents = (v: number) => Math.round(v * 100);

const yi = (what: string) =>
  z
    .number({ error: `expected a number of 亿元 for ${what}, e.g. 70.05 (no unit, no quotes)` })
    .nonnegative({ error: `${what} cannot be negative` })
    .refine((v) => Number.isFinite(v) && Math.abs(v * 100 - cents(v)) < 1e-6, {
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

/** The batches and the stated total: the parts a report's figures are given for, in the paper's order. */
export const FIGURE_PARTS = [...BATCHES, 'total'] as const;
export type FigurePart = (typeof FIGURE_PARTS)[number];
export const FIGURE_PART_LABELS: Record<FigurePart, string> = { ...BATCH_LABELS, total: '合计' };

/** One figure of a report or round, as the front-matter names it: `signed.investment`. */
export type FigureField = `${FigurePart}.${FigureKey}`;
export const FIGURE_FIELDS = FIGURE_PARTS.flatMap((part) => FIGURE_KEYS.map((key): FigureField => `${part}.${key}`));

/**
 * Which clause states a figure, where the text states it in two places: a piece of that clause as
 * printed, e.g. `sources: { signed.investment: 共签约21个项目 }`. Needed only when the check asks.
 */
export const FigureSourcesSchema = z.partialRecord(
  z.enum(FIGURE_FIELDS as [FigureField, ...FigureField[]], {
    error: `expected a figure such as signed.investment (a part: ${FIGURE_PARTS.join(', ')}; a figure: ${FIGURE_KEYS.join(', ')})`,
  }),
  z.string({ error: 'expected a piece of the clause that states the figure, as printed' }).min(1),
);

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

/** The unit each figure is stated in: projects in 个, money in 亿元. */
export const UNITS = {
  projects: '个',
  investment: '亿元',
  expectedOutput: '亿元',
} as const satisfies Record<FigureKey, string>;
export type Unit = (typeof UNITS)[FigureKey];
/** The units, each once: `['个', '亿元']`. */
export const UNIT_LIST = [...new Set(Object.values(UNITS))] as Unit[];

/** A figure without trailing zeros: `148.17`, `280.8`; `17.80` and `17.8` are the same value and print as `17.8`. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** `148.17亿元`, `61个`: the one way a figure is written across pages, feeds and data. */
export function formatFigure(key: FigureKey, value: number): string {
  return `${formatNumber(value)}${UNITS[key]}`;
}
