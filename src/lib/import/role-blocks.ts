/**
 * The one shape both importers hand to the structure step (build-page.ts): the page's blocks in
 * reading order, each with its role on the page. The text importer guesses roles from plain
 * lines (text-roles.ts); the PDF importer reads them from type size, weight and position
 * (pdf/roles.ts).
 */
import type { Rect } from './rect.ts';

export type BlockRole =
  /** Masthead lines: 指导单位, slogans, the issue line `2024年第18期 邮发代号…`. */
  | 'masthead'
  /** 引题, the line above a headline. */
  | 'kicker'
  /** 主题, the headline. */
  | 'title'
  /** 副题, the line below a headline. */
  | 'subtitle'
  /** `城市：` and its headline lines, heading a city report. */
  | 'cityHeading'
  /** The label `编前语` of an editor's note. */
  | 'noteLabel'
  /** A paragraph of text (the dateline is read from the start of the first). */
  | 'body'
  /** The reporter's name at the end of a story. */
  | 'byline'
  /** A photo's caption. */
  | 'caption'
  /** A photo's credit, `■ 阮洋摄`. */
  | 'credit'
  /** `(下转D3版)`. */
  | 'continuation'
  /** A photo: no text, its box on the page. */
  | 'photo';

export interface RoleBlock {
  role: BlockRole;
  /** The block's text, lines run together; a heading's lines keep their breaks in `lines`. */
  text: string;
  lines: string[];
  /** Where the block is printed, one rectangle per column it runs in (PDF only). */
  rects?: Rect[];
  /** The 版 it is printed on (PDF only). */
  page?: string;
  /**
   * How a paragraph cut at a column's foot was joined with its rest: by the PDF's geometry, or
   * left for the structure step to guess from the text (the text importer).
   */
  joined?: 'geometry';
}
