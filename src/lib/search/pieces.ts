/**
 * The pieces of an issue as search shows them. The index holds one Pagefind page per issue
 * (src/lib/search/issue-document.ts): Pagefind finds the issues whose text holds the query and
 * whose articles carry the filters' values, and the issue's fragment lists its articles and
 * city reports (`pieces`). The search page then keeps the pieces that hold the whole query and
 * match every filter themselves, so a result is still one article or city report, linked to
 * its anchor, while Pagefind's work and metadata grow with the issues, not the pieces.
 * No dependencies beyond tokens.ts: the search page bundles this module as it is.
 */
import type { FilterKey, PagefindFragment } from './query.ts';
import { searchRuns, textMatches } from './tokens.ts';
import type { Variants } from './variants.ts';

/** One article or city report, as the issue's fragment carries it (JSON in the `pieces` meta). */
export interface Piece {
  /** The element's id on the issue page: `xinzhou`, `lead`. */
  anchor: string;
  /** Result title: the headline, or `忻州：项目总数61个 总投资148.17亿元`. */
  title: string;
  /** The printed heading lines, searched with the body. */
  heading: string[];
  /** 要闻 / 报道集锦 / 编前语 / 城市报道 / …, the value of the kind filter. */
  kind: string;
  /** City slugs (the city filter's values) and their names as shown, `忻州、晋城`. */
  cities: string[];
  city?: string;
  /** Round ids (`2024-2`), the values of the round filter. */
  rounds: string[];
  /** The 版 (`D1`), when known. */
  page?: string;
  /** The text a reader sees, paragraphs separated by newlines; excerpts are cut from it. */
  text: string;
  /**
   * The traditional characters heading and text hold, with their simplified forms: what the
   * piece needs of the table (variants.ts) to be matched and highlighted, so the page fetches
   * the whole table only for a query in traditional characters.
   */
  variants?: Record<string, string>;
}

/** A piece found: where it is and what its result shows. */
export interface PieceResult extends Piece {
  /** `/issues/2024/18/#xinzhou`. */
  url: string;
  /** `2024年第18期`. */
  issueLabel: string;
  /** Publication date, when the issue states it. */
  date?: string;
}

/** An issue's fragment, as far as search reads it. */
type IssueFragment = Pick<PagefindFragment, 'url' | 'meta'>;

/** The filters a piece answers for itself; year and issue are the issue's and Pagefind applies them. */
const PIECE_FILTERS = { city: 'cities', kind: 'kind', round: 'rounds' } as const satisfies Partial<
  Record<FilterKey, keyof Piece>
>;

/** Whether the issue-level hit may hold no piece that matches alone: the query has several words, or a piece's filter is set. */
export function pieceLevelNarrowing(runs: number, filters: Partial<Record<FilterKey, string>>): boolean {
  return runs > 1 || Object.keys(PIECE_FILTERS).some((k) => filters[k as keyof typeof PIECE_FILTERS] !== undefined);
}

/**
 * How a piece's text is read: with the whole table when the page has it (a query in traditional
 * characters), else with the piece's own traditional characters, if any.
 */
export function pieceVariants(piece: Pick<Piece, 'variants'>, table?: Variants): Variants | undefined {
  return table ?? (piece.variants ? new Map(Object.entries(piece.variants)) : undefined);
}

/**
 * The pieces of an issue's fragment that hold every word of `q` and match every filter, in page
 * order. `table`: the traditional → simplified table, needed when `q` holds traditional characters.
 */
export function matchingPieces(
  fragment: IssueFragment,
  q: string,
  filters: Partial<Record<FilterKey, string>>,
  table?: Variants,
): PieceResult[] {
  const pieces = JSON.parse(fragment.meta['pieces'] ?? '[]') as Piece[];
  const base = fragment.url.replace(/#.*$/, '');
  const issueLabel = fragment.meta['issue'] ?? '';
  const date = fragment.meta['date'];
  const searching = searchRuns(q, table).length > 0;
  return pieces
    .filter((p) =>
      Object.entries(PIECE_FILTERS).every(([key, field]) => {
        const wanted = filters[key as keyof typeof PIECE_FILTERS];
        if (wanted === undefined) return true;
        const value = p[field];
        return Array.isArray(value) ? value.includes(wanted) : value === wanted;
      }),
    )
    .filter((p) => !searching || textMatches(pieceText(p), q, pieceVariants(p, table)))
    .map((p) => ({ ...p, url: `${base}#${p.anchor}`, issueLabel, ...(date === undefined ? {} : { date }) }));
}

/** All the text a piece is searched by: heading lines, then body (extractedPieceText reads an extracted piece the same way). */
export const pieceText = (p: Pick<Piece, 'heading' | 'text'>) => [...p.heading, p.text].join('\n');

/** Every matching piece of `issues` (Pagefind's issue results), best issue first: what tests and tools compare. */
export async function allMatchingPieces(
  issues: readonly { data(): Promise<IssueFragment> }[],
  q: string,
  filters: Partial<Record<FilterKey, string>>,
  table?: Variants,
): Promise<PieceResult[]> {
  const fragments = await Promise.all(issues.map((i) => i.data()));
  return fragments.flatMap((f) => matchingPieces(f, q, filters, table));
}
