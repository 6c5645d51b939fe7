/**
 * Continuation notes: a paragraph that is exactly `(下转D3版)` or `（上接D1版）` says the story
 * goes on (or comes from) another printed page. The printed text stays verbatim; the paragraph
 * gets `class="continuation"`, and
 * - if that page is archived in this issue, its text becomes a link to its `<Page>` section (`#page-d3`);
 * - if it is not, a separate `<span class="continuation__note">D3版未收录</span>` follows, so the
 *   reader knows the archive lacks it (kept out of search with `data-pagefind-ignore`);
 * - if nothing says which pages are archived, the note is only marked up.
 */
import type {} from '@astrojs/markdown-remark'; // types `file.data.astro`
import type { Paragraph, PhrasingContent, Root, Text } from 'mdast';
import type {} from 'mdast-util-to-hast'; // types `data.hName` / `data.hProperties`
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { pageAnchor } from '#lib/site/routes.ts';

export interface Options {
  /**
   * Pages archived in this issue, e.g. `['D1']`.
   * Default: the `pages` array of the file's front-matter (`file.data.astro.frontmatter.pages`).
   */
  archivedPages?: readonly string[] | undefined;
}

/** `(下转D3版)`; matched after NFKC, so full-width `（）` and `Ｄ３` count too. */
const CONTINUATION = /^\(\s*(?:下转|上接)\s*([A-Z]\d{1,2})\s*版\s*\)$/i;

export function remarkContinuationNote(options: Readonly<Options> = {}) {
  return function transformer(tree: Root, file: VFile): undefined {
    const archived = archivedPageSet(options.archivedPages ?? frontmatterPages(file));

    visit(tree, 'paragraph', (paragraph: Paragraph) => {
      // Printed notes are plain text; anything else (a link, emphasis) is not one.
      if (!paragraph.children.every((child) => child.type === 'text')) return;
      const page = CONTINUATION.exec(toString(paragraph).trim().normalize('NFKC'))?.[1]?.toUpperCase();
      if (page === undefined) return;

      const missing = archived !== undefined && !archived.has(page);
      const className = missing ? ['continuation', 'continuation--missing'] : ['continuation'];
      paragraph.data = { ...paragraph.data, hProperties: { className } };
      if (missing) paragraph.children = [...paragraph.children, missingNote(page)];
      else if (archived !== undefined) {
        paragraph.children = [{ type: 'link', url: `#${pageAnchor(page)}`, children: paragraph.children }];
      }
    });
  };
}

function missingNote(page: string): PhrasingContent {
  const note: Text = {
    type: 'text',
    value: `${page}版未收录`,
    data: { hName: 'span', hProperties: { className: ['continuation__note'], dataPagefindIgnore: '' } },
  };
  return note;
}

function archivedPageSet(pages: readonly string[] | undefined): ReadonlySet<string> | undefined {
  return pages === undefined ? undefined : new Set(pages.map((page) => page.toUpperCase()));
}

function frontmatterPages(file: VFile): readonly string[] | undefined {
  const pages: unknown = file.data.astro?.frontmatter?.['pages'];
  if (!Array.isArray(pages)) return undefined;
  // `D1`, or `{ id: D1, scan: … }` for a page with its scan.
  const ids = pages.map((page: unknown) =>
    typeof page === 'object' && page !== null && 'id' in page ? (page as { id: unknown }).id : page,
  );
  return ids.every((id) => typeof id === 'string') ? ids : undefined;
}
