/**
 * Which unit a text is about: the province, a city (or the 综改区), a county, district,
 * county-level city or development zone below a city, or only `我市`. Read from the places the
 * text names (src/data/cities.ts, src/data/places.ts), simplified and full-width-folded first.
 * No Astro imports.
 */
import { CITIES, cityBySlug, type City } from '#data/cities.ts';
import { COUNTIES, DEVELOPMENT_ZONES, GENERIC_DISTRICTS, countyNamed, zoneNamed } from '#data/places.ts';
import { readingText } from './normalise.ts';

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

/**
 * The text as place names are read: the extractor's reading text (src/lib/extract/normalise.ts):
 * simplified, full-width folded, pinyin glosses and stray spaces dropped, half-width punctuation
 * made full-width.
 */
export function placeText(text: string): string {
  return readingText(text).text;
}

function cityOfStem(name: string): City | undefined {
  const stem = name.replace(/市$/u, '');
  return CITIES.find((c) => c.name === stem);
}

/** The place one match of {@link PLACE} names, if it is one the registry knows. */
function mentionOf(m: RegExpExecArray): PlaceMention | undefined {
  const g = m.groups ?? {};
  const at = { index: m.index, end: m.index + m[0].length };
  if (g['zonggai']) return { ...at, unit: { kind: 'city', city: ZONGGAI } };
  if (g['zone']) {
    const zone = zoneNamed(g['zone']);
    const city = zone && cityBySlug(zone.city);
    return city ? { ...at, unit: { kind: 'subUnit', place: { name: m[0], city } } } : undefined;
  }
  if (g['cityCounty']) {
    const stem = CITY_STEMS.find((s) => m[0].startsWith(s)) ?? '';
    const countyName = m[0].slice(stem.length).replace(/^市/u, '');
    const county = COUNTIES.find((c) => c.name === countyName && cityBySlug(c.city)?.name === stem);
    const city = cityOfStem(stem);
    // `长治市长子县`: a county of that city; a name of another city's county is no place of it.
    if (county && city) return { ...at, unit: { kind: 'subUnit', place: { name: county.name, city } } };
    return city ? { index: m.index, end: m.index + stem.length, unit: { kind: 'city', city } } : undefined;
  }
  if (g['county']) {
    const county = countyNamed(g['county']);
    const city = county && cityBySlug(county.city);
    return city ? { ...at, unit: { kind: 'subUnit', place: { name: m[0], city } } } : undefined;
  }
  if (g['city']) {
    const city = cityOfStem(g['city']);
    return city ? { ...at, unit: { kind: 'city', city } } : undefined;
  }
  if (g['province']) return { ...at, unit: { kind: 'province' } };
  if (g['ours']) return { ...at, unit: { kind: 'ours' } };
  return undefined;
}

/** {@link PLACE} matching only where it is told to start. */
const PLACE_AT = new RegExp(PLACE.source, 'uy');

/**
 * The first place mention that starts at or before `limit`, exactly as a scan of the whole text
 * would find it (a match the registry does not know is stepped over, as the scan steps over it),
 * trying only the positions up to `limit`: a sentence's subject must open it, and scanning the
 * rest of every sentence for place names was a large part of the content check's time.
 */
function firstPlaceMentionBy(text: string, limit: number): PlaceMention | undefined {
  let position = 0;
  while (position <= limit) {
    PLACE_AT.lastIndex = position;
    const m = PLACE_AT.exec(text);
    if (!m) {
      position += 1;
      continue;
    }
    const mention = mentionOf(m);
    if (mention) return mention;
    position = m.index + m[0].length;
  }
  return undefined;
}

/**
 * Every place named in `text` (already read with {@link placeText}), in order, except names that
 * are no unit at all:
 * - a 片区 named after a city (`综改示范区（晋中片区）`, `太忻经济区忻州片区`) is part of a zone, not the city;
 * - a media outlet or a dateline (`黄河新闻网长治频道`, `长治日报`, `山西太原电`, `太原5月16日电`).
 */
export function placeMentions(text: string): PlaceMention[] {
  return [...text.matchAll(PLACE)].flatMap((m) => {
    const mention = mentionOf(m);
    if (!mention || isNotAUnit(text, mention)) return [];
    return [mention];
  });
}

function isNotAUnit(text: string, mention: PlaceMention): boolean {
  const after = text.slice(mention.end, mention.end + 12);
  const before = text.slice(Math.max(0, mention.index - 6), mention.index);
  if (/^片区/u.test(after)) return true;
  if (/^(?:频道|日报|晚报|新闻网|电视台|广播电视台|融媒体?中心|新闻|发布)/u.test(after)) return true;
  if (/(?:新闻网|日报|电视台|频道)$/u.test(before)) return true;
  return /^(?:\d{1,2}月\d{1,2}日)?电/u.test(after);
}

/**
 * A place in a list of venues (`在太原、大同、晋中等市同步举行`, `太原、大同…和综改区`): a list
 * item is never the subject of a report.
 */
function inList(text: string, mention: PlaceMention, all: PlaceMention[]): boolean {
  const after = text.slice(mention.end, mention.end + 1);
  const before = text.slice(Math.max(0, mention.index - 1), mention.index);
  // `太原、大同`, `晋中等11个市`, `11个市和综改区`: an item of a list.
  if (/^[、等]$/u.test(after) || /^[、和及]$/u.test(before)) return true;
  // `太原和大同`, `晋中及综改区`: joined to another place (`与全省同步` is no list).
  const next = all.find((m) => m.index > mention.end);
  if (next && next.unit.kind !== 'province' && /^[和及]$/u.test(text.slice(mention.end, next.index))) return true;
  const previous = all.filter((m) => m.end < mention.index).at(-1);
  return previous !== undefined && /^[和及]$/u.test(text.slice(previous.end, mention.index));
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
  const all = placeMentions(text);
  const mentions = all.filter((m) => !isVenue(text, m) && !inList(text, m, all));
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
  const sentences = placeText(body)
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
  const first = firstPlaceMentionBy(text, lead);
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
