/**
 * How long a build step took, for the benchmarks (scripts/bench): appended as one JSON line to
 * KFJZ_TIMINGS_FILE when the benchmark sets it, nothing otherwise.
 */
import { appendFileSync } from 'node:fs';

export function recordTiming(step: string, ms: number, extra: Record<string, number> = {}): void {
  const file = process.env.KFJZ_TIMINGS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify({ step, seconds: ms / 1000, ...extra })}\n`);
}
