/**
 * The vocabulary of figure reports and small readers of it: batch words, labels, money words,
 * qualifiers, sub-units, time markers. All functions read normalised text (src/lib/extract/normalise.ts).
 * No Astro imports.
 */
import type { Batch } from '#schemas/figures.ts';
import { CITIES } from '#data/cities.ts';
import { COUNTIES } from '#data/places.ts';

// ---------------------------------------------------------------------------------------------
// Batch words
// ---------------------------------------------------------------------------------------------

/**
 * 签约 → signed, 开工/动工 → started, 投产/投运 → producing. `投产后` / `投运后` ("after going
 * into production", as in `投产后预计年产值`) describe time, not a batch.
 */
const BATCH_WORD = /签约|开工|动工|投产(?!后)|投运(?!后)/gu;

function batchOfWord(word: string): Batch {
  if (word === '签约') return 'signed';
  if (word === '开工' || word === '动工') return 'started';
  return 'producing';
}

export interface BatchWord {
  batch: Batch;
  index: number;
  end: number;
}

/** Batch words in `s`, in order; indexes are relative to `s`. */
export function batchWords(s: string): BatchWord[] {
  return [...s.matchAll(BATCH_WORD)].map((m) => ({
    batch: batchOfWord(m[0]),
    index: m.index,
    end: m.index + m[0].length,
  }));
}

/** The distinct batches named in `s`, in order of first mention. */
export function distinctBatches(s: string): Batch[] {
  return [...new Set(batchWords(s).map((w) => w.batch))];
}

/**
 * Words that may sit between a batch word and `项目` or the number without changing what the
 * figure counts: `签约一批`, `集中签约`, `新开工`, `现场签约`, `签约的`, `开工建设`, quotes.
 */
const TRANSPARENT_END = /(?:一批|重点|建设|落地|达效|达产|集中|现场|成功|新|了|的|进行|[“”"「」‘’'\s])$/u;
const TRANSPARENT_START = /^(?:新|重点|[“”"「」‘’'\s])/u;

/** `s` without transparent words at its end. */
export function stripTransparentEnd(s: string): string {
  let out = s;
  while (TRANSPARENT_END.test(out)) out = out.replace(TRANSPARENT_END, '');
  return out;
}

function stripTransparent(s: string): string {
  let out = stripTransparentEnd(s);
  while (TRANSPARENT_START.test(out)) out = out.replace(TRANSPARENT_START, '');
  return out;
}

/**
 * `签约、开工、投产` / `“签约一批”“开工一批”和“投产一批”` at the end of `s`: the batches of a
 * list, in order (two or more), else an empty list.
 */
export function trailingBatchList(s: string): Batch[] {
  const m = /(?:(?:签约|开工|动工|投产|投运)(?:一批)?[”"」]?\s*(?:[、和及与]|[“"「]|\s)*){2,}$/u.exec(
    stripTransparentEnd(s),
  );
  if (!m) return [];
  const batches = distinctBatches(m[0]);
  return batches.length >= 2 ? batches : [];
}

// ---------------------------------------------------------------------------------------------
// What a count label says: `“签约一批”项目15个`, `项目总数61个`, `战略性新兴产业项目54个`
// ---------------------------------------------------------------------------------------------

export type LabelMeaning =
  | { kind: 'batch'; batch: Batch }
  | { kind: 'list'; batches: Batch[] }
  | { kind: 'total' }
  | { kind: 'generic' }
  | { kind: 'category'; qualifier: string };

/** `共有项目37个`, `共实施项目52个`, `活动共推进项目38个`: the round's total. */
const TOTAL_WORD_END = /(?:共有|共计|合计|总计|总共|一共|共)(?:实施|推进|安排)?$/u;

/**
 * A subject that names the reporting unit or the occasion, not a kind of project:
 * `晋中市`, `吕梁市开发区`, `本次活动`, `活动中`, `当日`. (A county or a named zone also ends
 * like this; sub-units are caught separately by {@link subUnitSubject}.)
 */
const GENERIC_SUBJECT_END = /(?:^|市|县|区|开发区|活动中?|本次|此次|本轮|当日|当天|会上|仪式上|其中)$/u;

/**
 * What the words before `项目` (label-first) or before the number (verb-first) say the figure
 * counts. Rules, in order:
 * - ends with a list of batch words (`签约、开工、投产`) → `list`;
 * - ends with a batch word, maybe followed by transparent words (`“签约一批”`, `新开工`,
 *   `签约的`) → that batch;
 * - ends with 共有/共计/合计/共 or `“三个一批”` → the total;
 * - ends with a subject (`晋中市`, `本次活动`) or nothing → generic: the context decides;
 * - anything else qualifies the projects (`战略性新兴产业`, `亿元以上`, `…产业链”的`,
 *   `代表`) → a category, i.e. a subset that is never a batch figure.
 */
export function labelMeaning(label: string): LabelMeaning {
  const list = trailingBatchList(label);
  if (list.length > 0) return { kind: 'list', batches: list };
  const s = stripTransparentEnd(label);
  const last = batchWords(s).at(-1);
  if (last && last.end === s.length) return { kind: 'batch', batch: last.batch };
  if (TOTAL_WORD_END.test(label.trimEnd()) || /三个一批[”"」]?$/u.test(label.trimEnd())) return { kind: 'total' };
  if (GENERIC_SUBJECT_END.test(label.trim())) return { kind: 'generic' };
  return { kind: 'category', qualifier: label.slice(qualifierStart(label)).replace(/[的”"」\s]+$/u, '') };
}

/**
 * Where the words that make a label's meaning begin, for quoting it in a review note:
 * `集中签约`, `“签约一批”`, `共有`, `战略性新兴产业`, `亿元以上`, `省级重点产业链”的`.
 */
export function labelStart(label: string, meaning: LabelMeaning): number {
  if (meaning.kind === 'batch' || meaning.kind === 'list') {
    const words = batchWords(label);
    const first = meaning.kind === 'list' ? words.at(-meaning.batches.length) : words.at(-1);
    const at = first?.index ?? label.length;
    const prefix = /(?:共有|共|集中|现场|新|其中)*[“"「]?$/u.exec(label.slice(0, at));
    return at - (prefix?.[0].length ?? 0);
  }
  if (meaning.kind === 'total')
    return label.length - (/(?:共有|共计|合计|总计|总共|一共|共)(?:实施|推进|安排)?\s*$/u.exec(label)?.[0].length ?? 0);
  if (meaning.kind === 'generic') return label.length;
  return qualifierStart(label);
}

/** `工业类开发区中战略性新兴产业` → the qualifier starts at `战略性…`; `涉及“省级…”的` → at `省级…`. */
function qualifierStart(label: string): number {
  const core = label.replace(/[的”"」\s]+$/u, '');
  const boundary = [...core.matchAll(/[中在于及“「"，、\s]|涉及|包括/gu)].at(-1);
  return boundary ? boundary.index + boundary[0].length : 0;
}

/**
 * The words between `N个` and `项目` (`10个代表项目`, `43个亿元以上项目`): none or transparent
 * (`15个新项目`), a batch (`15个签约项目`), or a category (a subset, never a batch figure).
 */
export function qualifierMeaning(between: string): LabelMeaning {
  const s = stripTransparent(between);
  if (s === '') return { kind: 'generic' };
  const words = batchWords(s);
  const only = words.length === 1 && words[0]?.index === 0 && words[0].end === s.length;
  if (only && words[0]) return { kind: 'batch', batch: words[0].batch };
  return { kind: 'category', qualifier: between };
}

/** The number is the round total when the words just before it are `共有` / `共计` / `共`. */
export function endsWithTotalWord(before: string): boolean {
  return TOTAL_WORD_END.test(before.trimEnd());
}

// ---------------------------------------------------------------------------------------------
// Money words
// ---------------------------------------------------------------------------------------------

export interface MoneyWord {
  /** Index in the text passed in where the money phrase (`拟投资`, `预计年产值`) starts. */
  index: number;
  /** The money word itself: `总投资`, `签约投资额`, `年产值`. */
  word: string;
  /** `约`, `近`, `超过`, … between the word and the number. */
  approximate: boolean;
  /** 分别 between the word and the number: `总投资分别为…`. */
  respectively: boolean;
}

const MONEY_TAIL =
  /(?:拟|预计|可实现|达产后|投产后|建成后)*(预计年产值|年产值|预计产值|产值|签约投资额|签约总金额|签约总额|签约金额|签约额|总金额|计划总投资|总投资额|投资总额|总投资|协议投资额?|合同投资额?|计划投资|投资额|投资)\s*(分别)?\s*(为|是|达到|达|共|合计|共计)?\s*((?<!签)约为|(?<!签)约|近|超过|超|逾|将近|接近|不少于|不低于|不到|不足)?\s*$/u;

/** The money word that ends `before` (the text just before an amount), if any. */
export function moneyWordBefore(before: string): MoneyWord | undefined {
  const m = MONEY_TAIL.exec(before);
  if (!m) return undefined;
  return {
    index: m.index,
    word: m[1] ?? '',
    approximate: m[4] !== undefined,
    respectively: m[2] !== undefined,
  };
}

/** Output words that mean an expected annual output: `年产值`, `预计产值`, `达产后…产值`. */
export function isExpectedOutput(word: string, phraseStart: string): boolean {
  if (!word.includes('产值')) return false;
  return word !== '产值' || /预计|可实现|达产后|投产后|建成后/u.test(phraseStart);
}

/** `平均单体投资`, `单个项目投资`, `最大投资`: one project's share or an average, never a batch's figure. */
export function isPerProjectAmount(wordContext: string): boolean {
  return /(?:平均|单体|单个项目|单个|每个项目|最大|最高|最小)$/u.test(wordContext);
}

/** `完成投资`, `累计完成投资`, `实现产值`: progress so far, never a batch's stated figure. */
export function isProgressAmount(wordContext: string): boolean {
  return /(?:完成|实现|实际|到位|已)$/u.test(wordContext);
}

// ---------------------------------------------------------------------------------------------
// Approximate and cut numbers
// ---------------------------------------------------------------------------------------------

/** `约` (never the 约 of `签约`), `近`, `超过`, …: the number that follows is approximate. */
export const APPROXIMATE_WORD = String.raw`(?:(?<!签)约为|大约|(?<!签)约|将近|接近|近|超过|超|逾|不少于|不低于|不到|不足)`;

/** `约15个`, `近20个`, `超过10个`: a word before the number that makes it approximate. */
export function approximateBefore(before: string): boolean {
  return new RegExp(String.raw`${APPROXIMATE_WORD}\s*$`, 'u').test(before);
}

/** `15个左右`, `10亿元以上`, `15个多`: a word after the unit that makes it approximate. */
export function approximateAfter(after: string): boolean {
  return /^\s*(?:左右|以上|上下|多|余)/u.test(after);
}

// ---------------------------------------------------------------------------------------------
// Time markers
// ---------------------------------------------------------------------------------------------

/**
 * Words that put the figures that follow in another period than the round: cumulative or
 * yearly figures (`今年以来累计签约项目120个`, `1-4月`, `上半年`, `去年`).
 */
export const PERIOD_MARKER =
  /以来|累计|截至|截止|全年|上半年|下半年|季度|去年|上年|同比|前\d+个?月|\d{1,2}\s*[-—–~至到]\s*\d{1,2}\s*月/gu;

/** Words that bring the text back to the round itself: `本次`, `此次`, `当日`. */
export const CURRENT_MARKER = /本次|此次|这次|本轮|当日|当天/gu;

/** `其中`: what follows is a part of what precedes. */
export const SUBSET_MARKER = /其中/gu;

// ---------------------------------------------------------------------------------------------
// Sub-units: a county, district or named zone inside the city, another city, the province
// ---------------------------------------------------------------------------------------------

/** What may stand between a subject and its figure: `平定县共签约`, `孟县新开工`. */
const SUBJECT_GAP = String.raw`(?:本次|此次|共有|共计|共|集中|现场|新|成功|[“”"「」\s])*`;
/** What a subject's figure starts with: a batch word, `项目`, a money word or a number + unit. */
const FIGURE_START = String.raw`(?=签约|开工|动工|投产|投运|项目|总投资|计划总投资|投资|\d+(?:\.\d+)?(?:余|多)?(?:个|亿|万元))`;

const COUNTY_CITIES = COUNTIES.filter((c) => c.kind === '市')
  .map((c) => c.name.slice(0, -1))
  .join('|');
/** `平定县`, `郊区`, and the county-level cities of the registry (`原平市`, `孝义市`), then their figure. */
const COUNTY_OR_DISTRICT = new RegExp(
  String.raw`(?:县|区|旗|(?<=${COUNTY_CITIES})市)${SUBJECT_GAP}${FIGURE_START}`,
  'gu',
);
const PROVINCE_SUBJECT = new RegExp(String.raw`全省(?:开发区)?${SUBJECT_GAP}${FIGURE_START}`, 'gu');
const CITY_NAMES = CITIES.flatMap((c) => [c.name, ...c.aliases])
  .sort((a, b) => b.length - a.length)
  .join('|');
const CITY_SUBJECT = new RegExp(String.raw`(?:${CITY_NAMES})(?:市)?(?:开发区)?${SUBJECT_GAP}${FIGURE_START}`, 'gu');

/**
 * A `…区` that is the reporting unit itself, not a part of it: `忻州市开发区` / `全市开发区` /
 * `各开发区` / `全市19个开发区` (all the city's zones), `全区` / `本区`, and the 综改区 itself.
 */
function isAggregateDistrict(head: string): boolean {
  return (
    /(?:^|[市省各全]|\d个)(?:经济技术|经济|高新技术产业|高新)?开发区$/u.test(head) ||
    /(?:^|[全本该我])区$/u.test(head) ||
    /综改(?:示范)?区$|综合改革示范区$/u.test(head)
  );
}

export type UnitScope = 'city' | 'province';

/**
 * The sub-unit a figure at the end of `region` (the clause up to the figure) is stated for, if
 * it is not the reporting unit itself:
 * - a county or district (`平定县签约项目5个`, `孟县开工项目3个`, `郊区…`) or a named zone
 *   (`繁峙经济技术开发区签约项目5个`) — never credited to the city;
 * - in a city report, the province (`全省共签约项目198个`);
 * - in the province's lead article, a city (`晋城市签约项目20个`).
 * A name listed before `等N个项目` (`迎泽区海旅免税超体项目等14个项目`) is an example, not the
 * subject. Returns a short description for review notes.
 */
export function subUnitSubject(region: string, scope: UnitScope): string | undefined {
  const candidates: { index: number; name: string }[] = [];
  for (const m of region.matchAll(COUNTY_OR_DISTRICT)) {
    const head = region.slice(0, m.index + 1);
    if (!isAggregateDistrict(head)) candidates.push({ index: m.index, name: lastWord(head) });
  }
  const other = scope === 'city' ? PROVINCE_SUBJECT : CITY_SUBJECT;
  for (const m of region.matchAll(other)) candidates.push({ index: m.index, name: m[0].trim() });
  const last = candidates.sort((a, b) => a.index - b.index).at(-1);
  if (!last) return undefined;
  // `A县…项目、B区…项目等15个项目`: names before 等 are examples of the whole.
  if (/等/u.test(region.slice(last.index))) return undefined;
  return last.name;
}

/** The place name that ends `head`: `晋城经济技术开发区`, `平定县` (not `其中平定县`). */
function lastWord(head: string): string {
  const word = /[^\s，、“”"()（）]{1,12}$/u.exec(head)?.[0] ?? head;
  return word.replace(/^(?:其中|另外|同时|此外)/u, '');
}

/**
 * One project's or one company's amount (`该项目拟投资4.18亿元`, `康佳集团在晋城投资50亿元`):
 * `prefix` is the clause before the money word. `项目总投资` / `“签约一批”项目总投资` alone are
 * generic and do not count.
 */
export function singleProjectSubject(prefix: string): string | undefined {
  const own = /(?:该|此|这个|这一)(?:项目|企业|公司)|[^\s，、]{0,10}(?:集团|公司|企业)/u.exec(prefix);
  if (own) return own[0];
  const named = /([^\s，、]{0,14})项目[^项，、]{0,4}$/u.exec(prefix);
  if (!named) return undefined;
  const name = stripTransparent(
    (named[1] ?? '').replace(/签约|开工|动工|投产|投运|涉及|上述|以上|这些|这批|该批|此批|全部|所有|各|共|一批/gu, ''),
  );
  return name === '' ? undefined : `${named[1] ?? ''}项目`;
}
