/**
 * Which unit each article outside a compilation is about, once the page's structure is read:
 * a city's, a county's or 我市's report, or a province article whose paragraphs are each one
 * city's report. Pure.
 */
import { cityBySlug, type City } from '#data/cities.ts';
import { placeMentions, placeText, reportUnit, describeSubUnit } from '#lib/extract/units.ts';
import {
  UNTITLED,
  type DraftArticle,
  type DraftCityReport,
  type DraftPage,
  type DraftParagraph,
  type DraftPiece,
  type ParseOptions,
} from './draft.ts';

const FIGURE = /\d+(?:\.\d+)?\s*(?:个|亿)|[一二三四五六七八九十两]+个项目/u;

/**
 * Which unit each article outside a compilation is about (src/lib/extract/units.ts): one about a
 * city, a place below a city or 我市 becomes that unit's report; in one about the province (or
 * no unit), each paragraph that opens with a city's name and states figures
 * (`太原市“三个一批”活动共推进项目38个…`) becomes that city's report, nested in the article.
 */
export function assignUnits(page: DraftPage, options: ParseOptions): void {
  page.pieces = page.pieces.flatMap((piece): DraftPiece[] => {
    if (piece.type !== 'article' || piece.article.kind !== '要闻') return [piece];
    const a = piece.article;
    const titled = a.title !== UNTITLED;
    const headline = titled ? [a.kicker, a.title, a.subtitle].filter((l): l is string => l !== undefined) : [];
    const paragraphs = a.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    const unit = reportUnit(headline, paragraphs[0] ?? '');
    // `X市“三个一批”活动…项目N个…` then `Y市…`: paragraphs of different cities are each that
    // city's report, never one merged report, whatever the first paragraph names.
    const cities = new Set(
      paragraphs
        .map(openingCity)
        .filter((c) => c !== undefined)
        .map((c) => c.slug),
    );
    if (unit === undefined || unit.kind === 'province' || cities.size >= 2) return [piece, ...cityParagraphs(a, page)];

    const name = titled ? `「${a.title}」` : 'the untitled text';
    const report: DraftCityReport = {
      city: undefined,
      headline: headline.length > 0 ? headline : [],
      blocks: a.blocks.flatMap((b): DraftParagraph[] =>
        b.kind === 'paragraph'
          ? [b]
          : [
              { kind: 'paragraph', text: b.caption },
              { kind: 'paragraph', text: b.credit },
            ],
      ),
      ...(a.byline[0] ? { reporter: a.byline[0] } : {}),
      ...(a.rects ? { rects: a.rects } : {}),
    };
    if (unit.kind === 'city') report.city = unit.city;
    else if (unit.kind === 'subUnit') {
      report.city = unit.place.city;
      report.place = unit.place;
      page.review.push(
        `${name} is about ${describeSubUnit(unit.place)}, a place below the city: its figures are ${unit.place.name}'s, part of ${unit.place.city.name}'s and never ${unit.place.city.name}'s round figures, so they are left out`,
      );
    } else if (options.city) {
      report.city = cityBySlug(options.city);
      page.review.push(
        `${name} names only 我市/本市: taken as ${report.city?.name ?? options.city} (--city ${options.city})`,
      );
    } else {
      page.review.push(
        `${name} names only 我市/本市, not which city: give --city <slug> (the draft's city is TODO until then)`,
      );
    }
    if (report.headline.length === 0) {
      report.headline = [report.place?.name ?? report.city?.name ?? '我市'];
      page.review.push(`${name} has no headline; the unit's name stands as the report's headline`);
    }
    return [{ type: 'report', report }];
  });
}

/**
 * The city a paragraph opens with when it states figures: its name first, after at most an
 * enumeration mark (`一是`, `（一）`). A 片区 named after a city is not the city.
 */
function openingCity(paragraph: string): City | undefined {
  const text = placeText(paragraph);
  if (!FIGURE.test(text)) return undefined;
  const first = placeMentions(text)[0];
  if (
    !first ||
    first.unit.kind !== 'city' ||
    !/^(?:[一二三四五六七八九十]是|[(（][一二三四五六七八九十]+[)）])?[，、\s]*$/u.test(text.slice(0, first.index))
  )
    return undefined;
  return first.unit.city;
}

/** Paragraphs of a province article that are each one city's report; they leave the article. */
function cityParagraphs(a: DraftArticle, page: DraftPage): DraftPiece[] {
  const out: DraftPiece[] = [];
  a.blocks = a.blocks.filter((b) => {
    if (b.kind !== 'paragraph') return true;
    const city = openingCity(b.text);
    if (!city) return true;
    out.push({
      type: 'report',
      report: { city, headline: [city.name], article: a.id, blocks: [b] },
    });
    return false;
  });
  if (out.length > 0) {
    page.review.push(
      `「${a.title}」: ${out.length} paragraphs that each open with a city's name became that city's report; their headline is the city's name, give the printed one if there is one`,
    );
  }
  return out;
}
