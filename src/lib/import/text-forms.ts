/**
 * The fixed forms of a printed page's text that both importers read by their wording: a
 * continuation note, a photo credit, a byline, a body paragraph, a city report's heading
 * (`城市：` and its short lines). Pure.
 */
import { cityByName, type City } from '#data/cities.ts';
import { placeText } from '#lib/extract/units.ts';

export const TERMINAL = /[。！？”’」』）)…：:；]$/u;
export const CONTINUATION = /^[（(]\s*(下转|上接)\s*([A-Z]\d{1,2})\s*版\s*[)）]$/u;
export const CREDIT = /^[■□]\s*\S.{0,28}摄$/u;
/** The issue line of a masthead: `2024年第18期`. */
export const ISSUE_LINE = /(\d{4})年第(\d{1,2})期/;

/** What the forms are read on: a block's lines and its text (lines run together). */
export interface TextBlock {
  lines: string[];
  text: string;
}

export const isShort = (b: TextBlock) => [...b.text].length <= 40 && !b.text.includes('。');
/** A name or two on their own: 张巨峰, 王媛, 李全明. */
export const isByline = (b: TextBlock) =>
  b.lines.length === 1 && /^[\p{Script=Han}·]{2,4}(\s+[\p{Script=Han}·]{2,4})?$/u.test(b.text) && b.text !== '编前语';
/** Prose with a comma or full stop, long enough not to be a heading line. */
export const isProse = (b: TextBlock) => /[，。、；]/u.test(b.text) && [...b.text].length > 15;

/** `城市：` at the start of a line, the label captured. */
export const CITY_LABEL = /^([^\s：:，。]{2,14}?)[：:]/u;
/** The city a `城市：` label at the start of `text` names, if it names one. */
export const cityOfLabel = (text: string): City | undefined => {
  const label = CITY_LABEL.exec(text)?.[1];
  return label === undefined ? undefined : cityByName(placeText(label));
};
/** A line a headline may have: short, no sentence punctuation. */
export const isHeadlineLine = (l: string) => [...l].length <= 24 && !/[。；，]/u.test(l);

export interface CityHeading {
  city: City;
  headline: string[];
}

/**
 * A city report's heading read from its lines: `城市：` and two short lines (`忻州：` + line
 * breaks), or one line (`晋城：签约项目12个 总投资35.6亿元`). Undefined when the label is not a
 * city or what follows it is not headline-like. `more` are the lines of a next block that may
 * hold the headline when the label stands alone (`大同：`, blank line, the two lines).
 */
export function readCityHeading(b: TextBlock, more?: TextBlock): (CityHeading & { usesMore: boolean }) | undefined {
  const first = b.lines[0] ?? '';
  const m = CITY_LABEL.exec(first);
  const city = cityOfLabel(first);
  if (!m || !city) return undefined;
  const rest = first.slice(m[0].length).trim();
  if (rest !== '') {
    if (!b.lines.every((l, k) => isHeadlineLine(k === 0 ? rest : l)) || [...rest].length > 40) return undefined;
    const parts = rest.split(/\s+/u);
    return {
      city,
      headline: [...(parts.length <= 3 ? parts : [rest]), ...b.lines.slice(1)].slice(0, 3),
      usesMore: false,
    };
  }
  if (b.lines.length >= 2) return { city, headline: b.lines.slice(1), usesMore: false };
  if (more && more.lines.length <= 3 && more.lines.every(isHeadlineLine)) {
    return { city, headline: more.lines, usesMore: true };
  }
  return { city, headline: [city.name], usesMore: false };
}
