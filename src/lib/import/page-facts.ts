/**
 * Facts of the whole page: the masthead's (from its blocks) and the "三个一批" rounds the text
 * reports on (from the whole text). Pure.
 */
import { normalizeText } from '#lib/extract/normalise.ts';
import type { DraftPage, DraftRound } from './draft.ts';
import type { RoleBlock } from './role-blocks.ts';
import { ISSUE_LINE } from './text-forms.ts';

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_DIGITS[s];
  if (s.startsWith('十')) return 10 + (CN_DIGITS[s.slice(1)] ?? 0);
  return undefined;
}

/**
 * The masthead's facts from its blocks (role `masthead`, ending with the issue line): 指导单位,
 * slogans (a block of short lines), year and number, 邮发代号, 投稿邮箱. With no issue line the
 * page has no masthead and the editor is asked for --year and --number.
 */
export function readMasthead(blocks: RoleBlock[], page: DraftPage): void {
  const seen: DraftPage['masthead'] = { slogans: [] };
  for (const b of blocks) {
    if (b.role !== 'masthead') break;
    const issue = ISSUE_LINE.exec(b.text);
    const guide = /^(.+?)\s*指导$/.exec(b.text);
    if (guide?.[1]) seen.guidedBy = guide[1];
    else if (issue) {
      page.year = Number(issue[1]);
      page.number = Number(issue[2]);
      const postal = /邮发代号[：:]\s*([\w-]+)/.exec(b.text);
      const email = /投稿邮箱[：:]\s*([\w.+-]+@[\w.-]+)/.exec(b.text);
      if (postal?.[1]) seen.postalCode = postal[1];
      if (email?.[1]) seen.email = email[1];
      page.masthead = seen;
      return;
    } else if (b.lines.length >= 2 && b.lines.every((l) => [...l].length <= 16 && !/[，。：:]/.test(l))) {
      seen.slogans.push(...b.lines);
    }
  }
  page.review.push('no masthead line `YYYY年第N期` found: give --year and --number');
}

/**
 * The rounds the text reports on: `全省开发区2024年第二次“三个一批”活动`, or as a city's report
 * may print it, `开发区2024年第二次“三个一批”活动` (the province's name is kept when both occur).
 * Read on simplified text; the name is taken as printed.
 */
export function findRounds(raw: string, year: number | undefined, page: DraftPage): void {
  const text = normalizeText(raw);
  const byId = new Map<string, DraftRound>();
  const ROUND = /(全省)?开发区(\d{4})年第([一二三四五六七八九十\d]{1,3})(次|期)[“"]?三个一批[”"]?(?:项目)?(活动)?/gu;
  for (const m of text.matchAll(ROUND)) {
    const n = cnNumber(m[3] ?? '');
    if (!n) continue;
    const id = `${m[2]}-${n}`;
    const name = raw.slice(m.index, m.index + m[0].length);
    const known = byId.get(id);
    if (known && !(m[1] && !known.name.startsWith('全省'))) continue;
    const round: DraftRound = { id, name };
    const venue = /在([^，。、\s]{4,30}?)主会场/u.exec(raw);
    if (venue?.[1]) round.mainVenue = venue[1];
    const day = /科学导报讯\s*(\d{1,2})月(\d{1,2})日/.exec(text);
    if (day && (year === undefined || String(year) === m[2])) {
      round.date = `${m[2]}-${String(day[1]).padStart(2, '0')}-${String(day[2]).padStart(2, '0')}`;
    }
    byId.set(id, round);
  }
  for (const round of byId.values()) {
    if (round.date) {
      page.review.push(
        `round ${round.id}: date ${round.date} taken from the first dateline; check it is the round's day`,
      );
    }
    page.rounds.push(round);
  }
}
