/**
 * Which unit a text is about: the province, a city (or the 综改区), a county, district,
 * county-level city or development zone below a city, or only `我市`. Read from the places the
 * text names (src/data/cities.ts, src/data/places.ts), simplified and full-width-folded first.
 * No Astro imports.
 */
import { CITIES, cityBySlug, type City } from '#data/cities.ts';
import { COUNTIES, DEVELOPMENT_ZONES, GENERIC_DISTRICTS, countyNamed, zoneNamed } from '#data/places.ts';
import { normalizeText } from './normalise.ts';

/** A place below a city: a county, district, county-level city or development zone. */
export interface SubUnit {
  /** As printed, e.g. `繁峙县`, `原平市`, `大同经济技术开发区`. */
  name: string;
  city: City;
}

export type ReportUnit =
  | { kind: 'province' }
  | { kind: 'city'; city: City }
  | { kind: 'subUnit'; place: SubUnit }
  /** The text names no place, only `我市` / `本市`. */
  | { kind: 'ours' };

export interface PlaceMention {
  index: number;
  end: number;
  unit: ReportUnit;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
const alternation = (names: string[]) =>
  [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');

const ZONGGAI = CITIES.find((c) => c.slug === 'zonggai') as City;
const CITY_STEMS = CITIES.filter((c) => c.slug !== 'zonggai').map((c) => c.name);
const ZONE_NAMES = DEVELOPMENT_ZONES.flatMap((z) => [z.name, ...z.aliases]);
const COUNTY_NAMES = COUNTIES.filter((c) => !GENERIC_DISTRICTS.has(c.name)).map((c) => c.name);

/**
 * One pass over the text, longest names first at each position: the 综改区's names, listed
 * zones, `晋中市榆次区` / `阳泉市郊区` (a city then its district), counties, cities (`运城市`,
 * `运城`), `全省`, `我市` / `本市`.
 */
const PLACE = new RegExp(
  [
    `(?<zonggai>${alternation([...ZONGGAI.aliases, ZONGGAI.name])})`,
    `(?<zone>${alternation(ZONE_NAMES)})`,
    `(?<cityCounty>(?:${alternation(CITY_STEMS)})市?(?:${alternation(COUNTIES.map((c) => c.name))})(?![域级]))`,
    // `县域` / `县级` after a one-character county (`振兴县域经济`) is no county.
    `(?<county>(?:${alternation(COUNTY_NAMES)})(?![域级]))`,
    `(?<city>(?:${alternation(CITY_STEMS)})市?)`,
    `(?<province>全省)`,
    `(?<ours>我市|本市)`,
  ].join('|'),
  'gu',
);

/** `運(yùn)城`: a pinyin gloss in a traditional-script text. */
const PINYIN_GLOSS = /[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü\s]{1,12}[)）]/gu;

/** The text as place names are read: simplified, full-width folded, pinyin glosses dropped. */
export function placeText(text: string): string {
  return normalizeText(text).replace(PINYIN_GLOSS, '');
}

function cityOfStem(name: string): City | undefined {
  const stem = name.replace(/市$/u, '');
  return CITIES.find((c) => c.name === stem);
}

/** Every place named in `text` (already read with {@link placeText}), in order. */
export function placeMentions(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const m of text.matchAll(PLACE)) {
    const g = m.groups ?? {};
    const at = { index: m.index, end: m.index + m[0].length };
    if (g['zonggai']) out.push({ ...at, unit: { kind: 'city', city: ZONGGAI } });
    else if (g['zone']) {
      const zone = zoneNamed(g['zone']);
      const city = zone && cityBySlug(zone.city);
      if (city) out.push({ ...at, unit: { kind: 'subUnit', place: { name: m[0], city } } });
    } else if (g['cityCounty']) {
      const stem = CITY_STEMS.find((s) => m[0].startsWith(s)) ?? '';
      const countyName = m[0].slice(stem.length).replace(/^市/u, '');
      const county = COUNTIES.find((c) => c.name === countyName && cityBySlug(c.city)?.name === stem);
      const city = cityOfStem(stem);
      // `长治市长子县`: a county of that city; a name of another city's county is no place of it.
      if (county && city) out.push({ ...at, unit: { kind: 'subUnit', place: { name: county.name, city } } });
      else if (city) out.push({ index: m.index, end: m.index + stem.length, unit: { kind: 'city', city } });
    } else if (g['county']) {
      const county = countyNamed(g['county']);
      const city = county && cityBySlug(county.city);
      if (city) out.push({ ...at, unit: { kind: 'subUnit', place: { name: m[0], city } } });
    } else if (g['city']) {
      const city = cityOfStem(g['city']);
      if (city) out.push({ ...at, unit: { kind: 'city', city } });
    } else if (g['province']) out.push({ ...at, unit: { kind: 'province' } });
    else if (g['ours']) out.push({ ...at, unit: { kind: 'ours' } });
  }
  return out;
}

/** A place named as where something happens (`在繁峙经济技术开发区设立分会场`), not who does it. */
function isVenue(text: string, mention: PlaceMention): boolean {
  return /在$/u.test(text.slice(Math.max(0, mention.index - 1), mention.index));
}

/**
 * The unit one sentence is about: its first place that is not a venue, where
 * - a city followed at once by one of its counties (`晋中市榆次区`) is that county;
 * - `全省` is the subject only when no city or place below one follows
 *   (`全省开发区…活动举行，忻州市在…设立分会场` is about 忻州).
 */
export function sentenceUnit(sentence: string): ReportUnit | undefined {
  const text = placeText(sentence);
  const mentions = placeMentions(text).filter((m) => !isVenue(text, m));
  const first = mentions[0];
  if (!first) return undefined;
  if (first.unit.kind === 'province' || first.unit.kind === 'ours') {
    const named = mentions.find((m) => m.unit.kind === 'city' || m.unit.kind === 'subUnit');
    if (named) return named.unit;
  }
  return first.unit;
}

/** The dateline at the start of a report: `科学导报讯 5月10日，`, `本报讯（记者 …）`. */
const DATELINE = /^\s*(?:科学导报讯|本报讯)\s*(?:[(（][^)）]*[)）])?\s*(?:\d{1,2}月\d{1,2}日)?[，,\s]*/u;

/**
 * The unit a report is about, from its headline lines, then the first two sentences of its
 * body (dateline dropped). Undefined when none of them names a place.
 */
export function reportUnit(headline: readonly string[], body: string): ReportUnit | undefined {
  const sentences = normalizeText(body)
    .replace(DATELINE, '')
    .split(/[。！？\n]+/u)
    .filter((s) => s.trim() !== '')
    .slice(0, 2);
  for (const line of [...headline, ...sentences]) {
    const unit = sentenceUnit(line);
    if (unit) return unit;
  }
  return undefined;
}

/** `平城区 (大同)`: a place below a city, as review notes name it. */
export function describeSubUnit(place: SubUnit): string {
  return `${place.name} (${place.city.name})`;
}

/** Words that may open a sentence before its subject: a dateline, `同日，`, `活动中，`, `其中，`. */
const SENTENCE_LEAD =
  /^[\s，,]*(?:(?:科学导报讯|本报讯)\s*)?(?:\d{1,2}月\d{1,2}日[，,]?\s*)?(?:(?:同日|同时|当日|当天|此外|另外|其中|活动中|会上|随后|据了解|此次活动中?|本次活动中?)[，,]?\s*)*(?:山西省?)?/u;
/** What a subject does next: `定襄县举行…`, `原平市签约项目…`, `潞城区分会场集中签约…`. */
const SUBJECT_VERB =
  /^(?:开发区)?(?:本次|此次|共有|共计|共|集中|现场|新|成功|也|还|同步|同日|同时|随后|[“”"「」\s])*(?:举行|召开|举办|与全省|分会场|设立|在|签约|开工|动工|投产|投运|项目|活动|三个一批|当日|当天)/u;

/**
 * The subject a sentence opens with, if it opens with one: `同日，定襄县举行分会场活动` → 定襄县;
 * `原平市签约项目6个` → 原平市; `该县集中签约…` → `same` (the subject before it). A place
 * that opens a list (`中北高新区…项目、…等14个项目`) is no subject.
 */
export function sentenceSubject(sentence: string): ReportUnit | 'same' | undefined {
  const text = placeText(sentence);
  const lead = SENTENCE_LEAD.exec(text)?.[0].length ?? 0;
  if (/^该(?:县|区)/u.test(text.slice(lead))) return 'same';
  if (/^(?:全市|本市|我市)/u.test(text.slice(lead))) return { kind: 'ours' };
  const first = placeMentions(text)[0];
  if (!first || first.index !== lead) return undefined;
  return SUBJECT_VERB.test(text.slice(first.end)) ? first.unit : undefined;
}

/** Whether `text` names the reporting unit itself: a city or 全市/本市/我市 in a city's report, 全省 in the province's. */
export function namesOwnUnit(text: string, scope: 'city' | 'province'): boolean {
  const mentions = placeMentions(placeText(text));
  if (scope === 'province') return mentions.some((m) => m.unit.kind === 'province');
  return /全市|本市|我市/u.test(text) || mentions.some((m) => m.unit.kind === 'city' || m.unit.kind === 'ours');
}

/**
 * The name of a unit that is not the reporting one, for review notes: a place below a city; in a
 * city's report also the province; in the province's, a city. Undefined for the unit itself.
 */
export function otherUnitName(unit: ReportUnit, scope: 'city' | 'province'): string | undefined {
  if (unit.kind === 'subUnit') return unit.place.name;
  if (unit.kind === 'province') return scope === 'city' ? '全省' : undefined;
  if (unit.kind === 'city') return scope === 'province' ? unit.city.name : undefined;
  return undefined;
}
