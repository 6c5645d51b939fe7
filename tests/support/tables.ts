/** Reading built HTML tables as a reader does: rows of cell texts, and which cells are derived. */
import { htmlToText } from './html.ts';

export interface Cell {
  /** The cell's text, whitespace folded. */
  text: string;
  html: string;
  header: boolean;
}

/** The table with the given id, or the first table whose caption contains `caption`. */
export function tableHtml(html: string, which: { id: string } | { caption: string }): string {
  for (const m of html.matchAll(/<table\b[\s\S]*?<\/table>/g)) {
    const t = m[0];
    if (
      'id' in which
        ? new RegExp(`^<table[^>]*\\sid="${which.id}"`).test(t)
        : htmlToText(/<caption[\s\S]*?<\/caption>/.exec(t)?.[0] ?? '').includes(which.caption)
    )
      return t;
  }
  throw new Error(`no table ${JSON.stringify(which)} on the page`);
}

/** Rows of a table (thead, tbody and tfoot), each as its cells. */
export function rowsOf(table: string): Cell[][] {
  return [...table.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<(th|td)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((c) => ({
      // A line break inside a cell separates two figures: read it as a space.
      text: htmlToText((c[2] ?? '').replace(/<br\s*\/?>/g, ' '))
        .replace(/\s+/g, ' ')
        .trim(),
      html: c[2] ?? '',
      header: c[1] === 'th',
    })),
  );
}

/** The texts of every `class="derived"` span in a piece of HTML. */
export function derivedTexts(html: string): string[] {
  return [...html.matchAll(/<span class="derived"[^>]*>([\s\S]*?)<\/span>/g)].map((m) => htmlToText(m[1] ?? '').trim());
}
