/**
 * The draft of a printed page that both importers build (build-page.ts) and to-mdx.ts writes:
 * masthead facts, articles with 引题/主题/副题, city reports, photos, continuation notes, rounds,
 * and review notes where the importer guessed.
 */
import type { City, CitySlug } from '#data/cities.ts';
import type { SubUnit } from '#lib/extract/units.ts';
import type { PlacedRect } from './rect.ts';

export interface DraftPhoto {
  kind: 'photo';
  caption: string;
  /** `■ 阮洋摄`; empty when the page prints no credit under the caption. */
  credit: string;
  /** Where the photo is printed (PDF import), cut out as the `<Photo src>` file. */
  rect?: PlacedRect;
  /** The cut-out file, path relative to the issue file (PDF import). */
  src?: string;
}
export interface DraftParagraph {
  kind: 'paragraph';
  text: string;
  /** A note for the editor, printed as an MDX comment before the paragraph. */
  review?: string;
}
export type DraftBlock = DraftParagraph | DraftPhoto;

export interface DraftArticle {
  id: string;
  kind: '要闻' | '报道集锦' | '编前语';
  kicker?: string;
  title: string;
  subtitle?: string;
  dateline?: string;
  byline: string[];
  partOf?: string;
  blocks: DraftBlock[];
  /** Where its blocks are printed (PDF import): the source of its regions on the page. */
  rects?: PlacedRect[];
  /** The 版 it starts on, when the importer knows (PDF import); else the page imported. */
  printedOn?: string;
}

export interface DraftCityReport {
  /** Undefined when the text names only 我市 and no --city was given. */
  city: City | undefined;
  /** The county, district or zone the report is about, when it is not about the whole city. */
  place?: SubUnit;
  headline: string[];
  reporter?: string;
  venue?: string;
  /** Article (报道集锦) the report sits in. */
  article?: string;
  blocks: DraftParagraph[];
  /** Where its blocks are printed (PDF import): the source of its regions on the page. */
  rects?: PlacedRect[];
  /** The 版 it starts on, when the importer knows (PDF import); else the page imported. */
  printedOn?: string;
}

/** Articles and reports in reading order; reports and 编前语 follow their compilation. */
export type DraftPiece =
  | { type: 'article'; article: DraftArticle }
  | { type: 'report'; report: DraftCityReport }
  | { type: 'continuation'; text: string; page: string };

export interface DraftRound {
  id: string;
  name: string;
  date?: string;
  mainVenue?: string;
}

export interface DraftPage {
  year?: number;
  number?: number;
  masthead: { guidedBy?: string; postalCode?: string; email?: string; slogans: string[] };
  pieces: DraftPiece[];
  rounds: DraftRound[];
  /** Pages referred to by continuation notes. */
  referencedPages: string[];
  /** Notes for the editor about guesses the importer made. */
  review: string[];
}

export interface ParseOptions {
  /** The city a text that names only 我市 / 本市 is about (`--city`). */
  city?: CitySlug;
}

/** The title of text found before any headline. */
export const UNTITLED = '（无题）';
