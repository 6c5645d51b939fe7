/**
 * Traditional characters read as simplified, one character at a time, from OpenCC's
 * traditional → simplified character table: 簽約 finds 签约, and 三峡 finds the page's 三峽.
 * Index and query fold alike (src/lib/search/tokens.ts), so a query in either script, or a
 * mix, finds the same pieces. Characters with two simplified readings take OpenCC's first
 * (乾 → 干), so 乾 also finds 干: a small loss of precision for a rare character.
 * The search page loads this module with its first query, as a separate file (~30 KB).
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';

export type Variants = ReadonlyMap<string, string>;

let table: Map<string, string> | undefined;

/** Traditional → simplified, built once from the table's `繁 简|…` entries. */
export function simplifiedVariants(): Variants {
  if (!table) {
    table = new Map();
    for (const entry of TSCharacters.split('|')) {
      const [from, to] = entry.split(' ');
      if (from && to && from !== to) table.set(from, to);
    }
  }
  return table;
}
