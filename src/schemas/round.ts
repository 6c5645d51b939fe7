import { z } from 'astro/zod';
import { FigureSourcesSchema, RoundFiguresSchema } from './figures.ts';
import { PartialDateSchema } from './date.ts';

/** `2024-2` = 全省开发区2024年第二次“三个一批”活动; `2021-1` = 2021年第一期. */
export const RoundIdSchema = z
  .string()
  .regex(/^(19|20)\d\d-[1-9]\d?$/, { error: 'expected a round id "YEAR-N", e.g. "2024-2"' });

/** A province-wide "三个一批" round (签约一批 / 开工一批 / 投产一批), declared by an issue that reports it. */
export const RoundSchema = z.strictObject({
  /** Stable id `YEAR-N`, used in URLs (`/rounds/2024-2/`). */
  id: RoundIdSchema,
  /** Name as the paper prints it. */
  name: z.string().min(1),
  /** Day the round was held, as far as the text states it. */
  date: PartialDateSchema.optional(),
  /** 主会场: the development zone hosting the main venue. */
  mainVenue: z.string().optional(),
  /** Province-wide figures as the text states them. */
  province: RoundFiguresSchema.default({}),
  /** Which clause states a province figure the text states twice (the check says when it is needed). */
  sources: FigureSourcesSchema.optional(),
});

export type Round = z.infer<typeof RoundSchema>;
