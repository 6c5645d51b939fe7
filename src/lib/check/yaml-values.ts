import { isPair, isScalar, isSeq, visit } from 'yaml';
import { PLACEHOLDER } from '#lib/import/template.ts';
import type { YamlPositions } from '#lib/source/yaml-positions.ts';

/** Whether `YYYY-MM-DD` (the match's three groups) is a day in the calendar. */
function isDay(m: RegExpExecArray): boolean {
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whether the text writes some `YYYY-MM-DD` that is no day, quoted or not. */
const impossibleDay = (text: string) => [...text.matchAll(/(\d{4})-(\d\d)-(\d\d)/g)].some((m) => !isDay(m));

export interface FlaggedValue {
  path: PropertyKey[];
  line: number;
  message: string;
}

/**
 * Values the schema cannot judge, read from the YAML source: a template placeholder left in
 * (`TODO`, see src/lib/import/template.ts), and an unquoted day that does not exist
 * (`2024-02-30`), which the YAML parser Astro uses silently turns into 2024-03-01.
 */
export function checkYamlValues(positions: YamlPositions): FlaggedValue[] {
  // Most files hold neither: then the YAML need not be parsed for its source at all.
  if (!positions.raw.includes(PLACEHOLDER) && !impossibleDay(positions.raw)) return [];
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
