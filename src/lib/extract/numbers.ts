/**
 * Number + unit tokens in normalised text (see src/lib/extract/normalise.ts): `15个`, `77.01亿元`, `3500万元`.
 * Only the three units a figure can carry are tokens; capacities (`10万千瓦`, `39MW`,
 * `年产4万吨`, `200MW/800MWh`) never match, so they can never become figures.
 * No Astro imports.
 */

export type FigureUnit = '个' | '亿元' | '万元';

export interface NumberToken {
  /** The number as printed (`17.80`), parsed: 17.8. */
  value: number;
  /** The digits as printed, e.g. `17.80`. */
  digits: string;
  unit: FigureUnit;
  /** Offset of the first digit. */
  offset: number;
  /** Offset just after the unit. */
  end: number;
  /** `70余亿元`, `15多个`: the number is a lower bound, not a figure. */
  rough: boolean;
}

/**
 * A number, optional 余/多, then a unit:
 * - `个` but not `个一批` (the campaign name `3个一批`); `项` as a count (`产业项目77项`), never `项目`;
 * - `亿元`, or a bare `亿` at a clause end (`投资50亿，`, `总投资213.5亿！`) — never `亿千瓦时`, `亿美元`;
 * - `万元` — never `万千瓦`, `万吨`, `万个` (a number before `万` is not directly before `个`).
 * The number must not continue a longer token (`D3`, `MW3`, `1.5.2`) nor be an ordinal (`第2个`).
 */
const TOKEN =
  /(?<![\d.A-Za-z第])(\d+(?:\.\d+)?)\s*(余|多)?\s*(个(?!一批)|项(?![目])|亿元|亿(?=[\s，。；、,;：！？）)的!?:]|$)|万元)/gu;

/**
 * A count in Chinese numerals, 2 to 99: `十五个`, `二十一个`, `两个`. Not `一个` (mostly "a"), not
 * `三个一批`, not part of a longer word (`第三个`, `十五个个`).
 */
const CHINESE_COUNT = /(?<![一二三四五六七八九十两百千万第])([一二三四五六七八九十两]{1,3})个(?!一批)/gu;
const CHINESE_DIGIT: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** `十五` → 15, `二十一` → 21, `两` → 2; undefined for anything else (`五五`, `十十`). */
export function chineseNumber(s: string): number | undefined {
  const m = /^([二三四五六七八九])?(十)?([一二三四五六七八九两])?$/u.exec(s);
  if (!m || s === '') return undefined;
  const [, tens, ten, units] = m;
  if (tens && !ten) return undefined;
  const value = (ten ? (tens ? (CHINESE_DIGIT[tens] ?? 0) : 1) * 10 : 0) + (units ? (CHINESE_DIGIT[units] ?? 0) : 0);
  if (units === '两' && ten) return undefined;
  return value >= 2 ? value : undefined;
}

/** Every number + unit token, in text order. */
export function scanNumbers(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(CHINESE_COUNT)) {
    const digits = m[1] ?? '';
    const value = chineseNumber(digits);
    if (value === undefined) continue;
    out.push({ value, digits, unit: '个', offset: m.index, end: m.index + m[0].length, rough: false });
  }
  for (const m of text.matchAll(TOKEN)) {
    const digits = m[1] ?? '';
    const unitText = m[3] ?? '';
    out.push({
      value: Number(digits),
      digits,
      unit: unitText.startsWith('亿') ? '亿元' : unitText === '万元' ? '万元' : '个',
      offset: m.index,
      end: m.index + m[0].length,
      rough: m[2] !== undefined,
    });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** A note the page ends with when a report continues elsewhere: `(下转D3版)`, `（未完待续）`. */
const CONTINUATION_AT_END = /(?:[(（]\s*(?:下转|转)[^)）]*[)）]|[(（]\s*未完待续\s*[)）])\s*$/u;

/**
 * A number the text ends on, cut by the page (`总投资14.`, `签约项目1`): returned as printed so
 * it can be reported; it is never completed or guessed. Trailing continuation notes and
 * whitespace are ignored. Undefined when the text ends otherwise.
 */
export function truncatedNumberAtEnd(text: string): string | undefined {
  let rest = text.trimEnd();
  while (CONTINUATION_AT_END.test(rest)) rest = rest.replace(CONTINUATION_AT_END, '').trimEnd();
  const m = /(?<![\d.])\d+(?:\.\d*)?$/u.exec(rest);
  return m ? m[0] : undefined;
}

/**
 * Numbers a column break may have cut in the middle of the text (`签约项目1` + line break +
 * `5个`, `总投资77.` + line break + `01亿元`): returned as printed, line break shown as `⏎`,
 * so they can be reported. They are never joined: the cut may as well have dropped text.
 */
export function numbersSplitByLineBreak(text: string): string[] {
  const split = /\d+(?:\.\d*)?[ \t]*\n\s*(?:\d[\d.]*\s*)?(?:个|亿元|亿|万元)/gu;
  return [...text.matchAll(split)].map((m) => m[0].replace(/\s*\n\s*/gu, '⏎'));
}
