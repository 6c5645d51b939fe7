/**
 * The options both halves of `npm run bench:pdf` take: `--runs` (timed runs after the first) and
 * `--layouts` (which test layouts of the seed page to typeset), and `--json`.
 */
import { parseArgs } from 'node:util';
import { LAYOUT_NAMES, type LayoutName } from '../../tests/support/pdf-layouts.ts';

/** The middle of `xs` (the upper one of an even count). */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export function pdfBenchOptions(): { runs: number; layouts: LayoutName[]; json: boolean } {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '3' },
      layouts: { type: 'string', default: 'a,b' },
      json: { type: 'boolean', default: false },
    },
  });
  return {
    runs: Math.max(1, Number(values.runs) || 3),
    layouts: values.layouts.split(',').filter((l): l is LayoutName => (LAYOUT_NAMES as readonly string[]).includes(l)),
    json: values.json,
  };
}
