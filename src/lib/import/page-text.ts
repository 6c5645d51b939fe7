/**
 * Reads the plain-text extraction of a printed page (like the seed) into a draft issue:
 * roles guessed from its lines (text-roles.ts), then the structure step both importers share
 * (build-page.ts), which joins the column breaks a human would join and says so in review
 * notes wherever the join is a guess. Pure: no file system, no Astro.
 */
import { buildPage } from './build-page.ts';
import type { DraftPage, ParseOptions } from './draft.ts';
import { textRoleBlocks } from './text-roles.ts';

export type {
  DraftArticle,
  DraftBlock,
  DraftCityReport,
  DraftPage,
  DraftParagraph,
  DraftPhoto,
  DraftPiece,
  DraftRound,
  ParseOptions,
} from './draft.ts';

export function parsePage(raw: string, options: ParseOptions = {}): DraftPage {
  return buildPage(textRoleBlocks(raw), { ...options, source: raw, joins: 'guess' });
}
