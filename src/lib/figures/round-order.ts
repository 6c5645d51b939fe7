/**
 * Rounds in time: their order (newest first), their short label, and grouped by year. Pure.
 */
import type { Round } from '#schemas/round.ts';

/** `2024-2` → 2024·100 + 2: rounds sort by year, then number. */
const ranks = new Map<string, number>();
export const roundRank = (id: string) => {
  let rank = ranks.get(id);
  if (rank === undefined) {
    const [year = 0, n = 0] = id.split('-').map(Number);
    rank = year * 100 + n;
    ranks.set(id, rank);
  }
  return rank;
};
/** Newest round first. */
export const compareRoundsNewestFirst = (a: Pick<Round, 'id'>, b: Pick<Round, 'id'>) =>
  roundRank(b.id) - roundRank(a.id);

/** `2024年第二次` (or `2021年第一期`) out of the round's printed name; the whole name if it has no such part. */
export function roundShortLabel(round: Pick<Round, 'name'>): string {
  const m = /(\d{4})年(第[一二三四五六七八九十\d]+[次期])/.exec(round.name);
  return m ? `${m[1]}年${m[2]}` : round.name;
}

/** How many of the newest rounds /rounds/ shows with their figures; older rounds are listed by year. */
export const LATEST_ROUNDS = 8;

/** Rounds grouped by the year in their id (`2024-2` → 2024), years and rounds in the order given. */
export function roundsByYear<T extends { round: Pick<Round, 'id'> }>(
  rounds: readonly T[],
): { year: number; rounds: T[] }[] {
  const years = new Map<number, T[]>();
  for (const r of rounds) {
    const year = Number(r.round.id.split('-')[0]);
    const list = years.get(year) ?? [];
    list.push(r);
    years.set(year, list);
  }
  return [...years].map(([year, list]) => ({ year, rounds: list }));
}
