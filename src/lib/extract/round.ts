/**
 * Whether a text reports a Shanxi development-zone "三个一批" round at all. Figures that look
 * like batches also come from events that are no round: a city's quarterly or yearly
 * 重点项目集中开工, a 招商签约 fair, a 百日会战, events before the rounds began (2020), and the
 * same programme name in other provinces (河南's `全省第N期“三个一批”项目建设活动`, 浙江's
 * `“三个一批”大会战`). Such a text gets no figures, and a review line says why. Pure, no Astro.
 */
import { originalSpan, readingText } from './normalise.ts';

export type RoundVerdict =
  | { round: true }
  /** `why` is a review line's reason; `quote` the sentence that shows it, as printed. */
  | { round: false; why: string; quote?: string };

/** The programme's own words: `“三个一批”`, or the three batches named together. */
const PROGRAMME = /三个一批|签约一批[^。]{0,12}开工一批[^。]{0,12}投产一批/u;

/**
 * Other provinces, as a text names the place its `全省` is (河南, 浙江…) or as the subject of
 * its programme. Shanxi's neighbours and the provinces known to run a "三个一批" of their own.
 */
const OTHER_PROVINCE =
  /河南|浙江|江西|河北|陕西|内蒙古|山东|湖北|湖南|安徽|江苏|广东|广西|四川|贵州|云南|甘肃|宁夏|青海|新疆|辽宁|吉林|黑龙江|福建|海南|重庆|天津|北京|上海/u;

/**
 * Cities whose "三个一批" is their province's (河南: 第N期; 浙江: 大会战; 江西), named as the
 * subject of an event. A company or a partner from there (`与四川…公司签约`) does not count: only
 * where the city opens the sentence or its event (`郑州“签约一批”`, `平顶山高新区举办`).
 */
const OTHER_PROVINCE_CITY =
  /郑州|开封|洛阳|平顶山|安阳|鹤壁|新乡|焦作|濮阳|许昌|漯河|三门峡|南阳|商丘|信阳|周口|驻马店|济源|绍兴|上虞|杭州|宁波|温州|嘉兴|湖州|金华|衢州|舟山|台州|丽水|南昌|赣江新区|九江|赣州/u;

/** An event name that is not a round, for the review line. */
const LOOK_ALIKE: readonly [RegExp, string][] = [
  [/百日会战/u, 'a 百日会战 (hundred-day campaign)'],
  [
    /招商(?:引资)?(?:项目)?(?:集中)?签约|中博会|推介会|洽谈会|招商会/u,
    'a 招商签约 (investment-promotion signing) event',
  ],
  [/季度[^。]{0,20}集中开工|集中开工[^。]{0,10}季度/u, "a city's quarterly 重点项目集中开工"],
  [/项目建设年|集中开工/u, 'a 重点项目集中开工 (key-project groundbreaking) outside the rounds'],
];

function notRound(why: string, quote: string | undefined): RoundVerdict {
  return quote === undefined ? { round: false, why } : { round: false, why, quote };
}

function eventKind(text: string): string | undefined {
  return LOOK_ALIKE.find(([re]) => re.test(text))?.[1];
}

/** Where a Shanxi round is named: `全省开发区2024年第二次“三个一批”`, `开发区…“三个一批”活动`. */
const SHANXI_ROUND =
  /开发区[^。！？]{0,40}三个一批|三个一批[”"」]?(?:项目)?(?:集中)?(?:签约|开工|投产)?(?:活动|项目)|签约一批[^。]{0,12}开工一批[^。]{0,12}投产一批/u;

/**
 * The verdict on one page's text (read with glosses, spaces and half-width punctuation
 * normalised):
 * - no `三个一批` and no three batches named together: not a round (the look-alike named if seen);
 * - the programme named as another province's: `全省第N期`, `“三个一批”大会战`, `…项目建设活动`
 *   without 开发区, or a place of another province as the event's subject;
 * - a round whose year is before 2020, when the rounds began.
 */
export function roundVerdict(original: string): RoundVerdict {
  const reading = readingText(original);
  const { text } = reading;
  const printed = (s: string | undefined) => {
    if (s === undefined) return undefined;
    const at = text.indexOf(s);
    const span = originalSpan(reading, at, at + s.length);
    return original.slice(span.start, span.end).trim();
  };
  const programme = PROGRAMME.exec(text);
  if (!programme) {
    const kind = eventKind(text);
    return {
      round: false,
      why: kind
        ? `${kind}, not a “三个一批” round: the text names no round`
        : 'the text names no “三个一批” round (nor 签约一批、开工一批、投产一批)',
    };
  }
  const sentences = text.split(/[。！？\n]+/u);
  const named = sentences.filter((s) => PROGRAMME.test(s));
  for (const s of named) {
    const henan =
      /全省第[一二三四五六七八九十\d]{1,3}期/u.exec(s) ??
      (/开发区/u.test(s) ? null : /第[一二三四五六七八九十\d]{1,3}期[^。]{0,8}三个一批[”"」]?项目建设/u.exec(s));
    if (henan)
      return notRound(
        "another province's “三个一批” (第N期 项目建设活动, as 河南 numbers it), not a Shanxi round",
        printed(s),
      );
    const zhejiang = /三个一批[”"」]?大会战/u.exec(s);
    if (zhejiang)
      return notRound("another province's “三个一批” (大会战, as 浙江 names it), not a Shanxi round", printed(s));
    const other = OTHER_PROVINCE.exec(s) ?? OTHER_PROVINCE_CITY.exec(s);
    if (other && !/公司|集团|企业/u.test(s.slice(other.index, other.index + 16))) {
      return notRound(`the “三个一批” named here is ${other[0]}'s, not a Shanxi round`, printed(s));
    }
    const year = /((?:19|20)\d{2})年/u.exec(s);
    if (year && Number(year[1]) < 2020) {
      return notRound(`an event of ${year[1]}, before the rounds began (2020)`, printed(s));
    }
  }
  // `全省重大项目建设暨“三个一批”推进会` with no development zone anywhere: not the zones' round.
  if (!named.some((s) => SHANXI_ROUND.test(s)) && !/开发区/u.test(text)) {
    return notRound(
      '“三个一批” is named, but not as a development-zone round (开发区…“三个一批”活动)',
      printed(named[0]),
    );
  }
  return { round: true };
}

/**
 * Whether a text speaks of the province's round: a sentence naming `全省` (or 山西, 我省) with
 * the programme (`全省开发区2024年第二次“三个一批”活动`, `我省…签约一批、开工一批、投产一批`).
 */
export function speaksOfProvinceRound(original: string): boolean {
  return readingText(original)
    .text.split(/[。！？\n]+/u)
    .some((s) => /全省|山西|我省/u.test(s) && PROGRAMME.test(s));
}
