/**
 * The PDF importer in one call: a page's PDF → glyph lines (read-pdf) → blocks in reading order
 * (layout) → blocks with roles (roles) → the same draft, figures and MDX as the text importer.
 */
import { importPage } from '../import-page.ts';
import type { RoleBlock } from '../role-blocks.ts';
import { PdfImportError } from './errors.ts';
import { layoutPage } from './layout.ts';
import { loadPage, openPdf, readPage } from './read-pdf.ts';
import { assignRoles } from './roles.ts';
import type { ImportedPdf, PdfImportOptions, PdfPageLayout } from './types.ts';

export { PdfImportError } from './errors.ts';

/** Role blocks as the text importer reads plain text: `# ` marks a headline, blank lines part blocks. */
function asText(blocks: RoleBlock[]): string {
  return blocks
    .filter((b) => b.role !== 'photo')
    .map((b) =>
      b.role === 'title'
        ? `# ${b.text}`
        : b.role === 'cityHeading' || b.role === 'masthead'
          ? b.lines.join('\n')
          : b.text,
    )
    .join('\n\n');
}

export async function importPdf(pdf: Uint8Array, options: PdfImportOptions = {}): Promise<ImportedPdf> {
  const doc = openPdf(pdf);
  const count = doc.countPages();
  const ids = options.pages ?? [options.page ?? 'D1'];
  if (ids.length !== count) {
    throw new PdfImportError(
      `the PDF has ${count} page${count === 1 ? '' : 's'} but ${ids.length} ${ids.length === 1 ? 'page (版) is' : 'pages (版) are'} named: give --pages with one 版 per PDF page`,
      'pages',
    );
  }
  const layouts: PdfPageLayout[] = [];
  const texts: string[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const content = readPage(loadPage(doc, index));
    if (content.lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0) < 20) {
      throw new PdfImportError(
        `page ${index + 1} of the PDF has no text layer, only an image (a scan): reading scans is not supported yet; import the typesetting system's PDF, or the page's text`,
        'no-text',
      );
    }
    const blocks = assignRoles(layoutPage(content));
    const id = ids[index] as string;
    layouts.push({
      id,
      width: content.width,
      height: content.height,
      blocks: blocks.map((b) => ({ role: b.role, text: b.text, rects: b.rects ?? [] })),
      regions: [],
    });
    texts.push(asText(blocks));
    options.onPage?.({ id, index, of: count, ms: performance.now() - started });
  }
  const { page, rendered } = importPage(texts.join('\n\n'), options);
  return { page, rendered, files: [], layouts };
}
