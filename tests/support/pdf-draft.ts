/**
 * What the tests of the PDF importer compare between two drafts of one page (the text import of
 * the seed and the import of a PDF of it): the draft's outline, piece by piece, without the
 * review notes (the PDF import joins column breaks from geometry and has no guesses to mark).
 * Also the PDFs the importer must refuse, made at test time.
 */
import { parse } from 'yaml';
import * as mupdf from 'mupdf';
import type { DraftPage } from '#lib/import/page-text.ts';
import type { Region } from './region-score.ts';

/** Articles, city reports, paragraphs and photos of a draft, in reading order. */
export function draftOutline(page: DraftPage) {
  const articles = page.pieces.flatMap((p) => (p.type === 'article' ? [p.article] : []));
  const reports = page.pieces.flatMap((p) => (p.type === 'report' ? [p.report] : []));
  return {
    issue: { year: page.year, number: page.number, masthead: page.masthead, rounds: page.rounds },
    articles: articles.map((a) => ({
      id: a.id,
      kind: a.kind,
      kicker: a.kicker,
      title: a.title,
      subtitle: a.subtitle,
      dateline: a.dateline,
      byline: a.byline,
      partOf: a.partOf,
    })),
    reports: reports.map((r) => ({
      city: r.city?.slug,
      place: r.place?.name,
      headline: r.headline,
      reporter: r.reporter,
      venue: r.venue,
      article: r.article,
    })),
    /** Each piece's paragraph texts, in order (the photo's place among them is not compared). */
    paragraphs: [
      ...articles.map((a) => ({
        of: a.id,
        texts: a.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])),
      })),
      ...reports.map((r) => ({ of: r.city?.slug ?? 'TODO', texts: r.blocks.map((b) => b.text) })),
    ],
    photos: articles.flatMap((a) =>
      a.blocks.flatMap((b) => (b.kind === 'photo' ? [{ of: a.id, caption: b.caption, credit: b.credit }] : [])),
    ),
    continuations: page.pieces.flatMap((p) => (p.type === 'continuation' ? [p.text] : [])),
  };
}

interface FrontMatterPage {
  id: string;
  scan?: string;
  regions?: Region[];
}

/** The `pages:` the draft's front-matter writes (what the 版面 view reads). */
export function draftPages(mdx: string): FrontMatterPage[] {
  const yaml = /^---\n([\s\S]*?)\n---\n/.exec(mdx)?.[1];
  if (yaml === undefined) throw new Error('the draft has no front-matter');
  const pages = (parse(yaml) as { pages?: (string | FrontMatterPage)[] }).pages ?? [];
  return pages.map((p) => (typeof p === 'string' ? { id: p } : p));
}

/** `pdf` saved again with AES-256 encryption and a user password, as a protected PDF reaches an editor. */
export function encryptedPdf(pdf: Uint8Array): Uint8Array {
  const doc = mupdf.PDFDocument.openDocument(pdf, 'application/pdf') as mupdf.PDFDocument;
  try {
    return doc.saveToBuffer('encrypt=aes-256,user-password=kfjz-test,owner-password=kfjz-test-owner').asUint8Array();
  } finally {
    doc.destroy();
  }
}

/** The first half of the file: a download cut short. */
export const truncatedPdf = (pdf: Uint8Array): Uint8Array => pdf.slice(0, Math.floor(pdf.length / 2));
