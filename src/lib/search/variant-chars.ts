/**
 * Which characters the traditional → simplified table (variants.ts, 29 KB) maps, as a 3.4 KB
 * bitset over U+3400–U+9FFF that the search page carries: the page loads the table only when
 * a query or a result's text holds such a character, so most searches never fetch it.
 * Characters beyond that range (rare CJK extensions) always count as needing the table.
 */
import type { Variants } from './variants.ts';

const FIRST = 0x3400;
const LAST = 0x9fff;

/** The bitset of the table's traditional characters, base64. */
export function encodeVariantChars(variants: Variants): string {
  const bits = new Uint8Array(Math.ceil((LAST - FIRST + 1) / 8));
  for (const ch of variants.keys()) {
    const n = ch.codePointAt(0) ?? 0;
    if (n >= FIRST && n <= LAST) bits[(n - FIRST) >> 3] = (bits[(n - FIRST) >> 3] ?? 0) | (1 << ((n - FIRST) & 7));
  }
  let binary = '';
  for (const b of bits) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function decodeVariantChars(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/** Whether `text` holds a character the table may map (a bit set, or a CJK character beyond U+9FFF). */
export function needsVariants(text: string, bits: Uint8Array): boolean {
  for (const ch of text) {
    const n = ch.codePointAt(0) ?? 0;
    if (n < FIRST) continue;
    if (n > LAST) {
      if (n >= 0xf900 && n <= 0xfaff) return true;
      if (n >= 0x20000) return true;
      continue;
    }
    if (((bits[(n - FIRST) >> 3] ?? 0) >> ((n - FIRST) & 7)) & 1) return true;
  }
  return false;
}
