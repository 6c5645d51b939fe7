import { isPair, isScalar, isSeq, visit } from 'yaml';
import { PLACEHOLDER } from '#schemas/placeholder.ts';
import { valueNotText } from '#lib/source/characters.ts';
import type { YamlPositions } from '#lib/source/yaml-positions.ts';

/** Whether `YYYY-MM-DD` (the match's three groups) is a day in the calendar. */
function isDay(m: RegExpExecArray): boolean {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whether the text writes some `YYYY-MM-DD` that is no day, quoted or not. */
const impossibleDay = (text: string) => [...text.matchAll(/(\d{4})-(\d\d)-(\d\d)/g)].some((m) => !isDay(m));

/**
 * A YAML 1.1 timestamp with its time, as js-yaml (Astro's front-matter parser) reads it into a
 * Date: `2024-05-10 07:30:00 +08:00`, `2024-5-10T07:30:00Z` (js-yaml's YAML_TIMESTAMP_REGEXP).
 */
const TIMESTAMP =
  /^(\d{4})-(\d\d?)-(\d\d?)(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?$/;
/** Whether the text may hold such a timestamp (then the YAML is parsed for its source). */
const mayHoldTimestamp = (text: string) => /\d{4}-\d\d?-\d\d?(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d/.test(text);

export interface FlaggedValue {
  path: PropertyKey[];
  line: number;
  message: string;
}

/**
 * Values the schema cannot judge, read from the YAML source: a template placeholder left in
 * (`TODO`, src/schemas/placeholder.ts), an unquoted day that does not exist (`2024-02-30`),
 * which the YAML parser Astro uses silently turns into 2024-03-01, a date with a time
 * (`2024-05-10 07:30:00 +08:00`), which it reads as an instant whose UTC day may be another, and
 * a quoted value whose escapes write a character that is not text (`"\0"`, `"\e"`, `"\uD800"`).
 */
export function checkYamlValues(positions: YamlPositions): FlaggedValue[] {
  const { raw } = positions;
  // Most files hold none: then the YAML need not be parsed for its source at all.
  if (!raw.includes(PLACEHOLDER) && !impossibleDay(raw) && !mayHoldTimestamp(raw) && !raw.includes('\\')) return [];
  const { doc, lines } = positions;
  const out: FlaggedValue[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || !node.range) return;
      const keys: PropertyKey[] = [];
      for (const [i, p] of path.entries()) {
        if (isPair(p) && isScalar(p.key)) keys.push(p.key.value as PropertyKey);
        else if (isSeq(p)) keys.push(p.items.indexOf((path[i + 1] ?? node) as never));
      }
      const line = lines.linePos(node.range[0]).line;
      const text = String(node.value);
      if (text.includes(PLACEHOLDER)) {
        out.push({
          path: keys,
          line,
          message: `still holds the template's placeholder ${PLACEHOLDER}; write what the page prints, or remove the field if it does not say`,
        });
        return;
      }
      const notText = typeof node.value === 'string' ? valueNotText(node.value) : undefined;
      if (notText) {
        out.push({
          path: keys,
          line,
          message: `an escape in this value writes ${notText}, which is not text; remove the escape`,
        });
        return;
      }
      const time = node.type === 'PLAIN' && keys.at(-1) === 'date' ? TIMESTAMP.exec(text) : null;
      if (time) {
        const [, y = '', mo = '', d = ''] = time;
        out.push({
          path: keys,
          line,
          message: `${text} has a time of day; a date is a calendar day as printed: write ${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}, without a time (YAML reads a time as an instant, which the archive would print as its day in UTC)`,
        });
        return;
      }
      const m = node.type === 'PLAIN' ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(text) : null;
      if (!m || isDay(m)) return;
      out.push({
        path: keys,
        line,
        message: `${text} is not a day in the calendar (YAML would silently read it as the next month's day); write the date as printed`,
      });
    },
  });
  return out;
}
