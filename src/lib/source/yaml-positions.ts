/** Where a front-matter field stands in the file, so every message can name its line. */
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';

export interface YamlPositions {
  /** The front-matter as written. */
  raw: string;
  /** The parsed document (parsed on first use: most files never need it, and it is the check's largest cost). */
  readonly doc: ReturnType<typeof parseDocument>;
  readonly lines: LineCounter;
  /** Line of the value at a path (or of its nearest parent that has one). */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
  /** Line of `key` itself in the map at `path`: a block value starts on the line after its key. */
  keyLineOf: (path: readonly PropertyKey[], key: string) => number | undefined;
}

export function yamlPositions(rawFrontmatter: string): YamlPositions {
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  const parse = () => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(rawFrontmatter, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    return parsed;
  };
  const lineOf = (p: readonly PropertyKey[]) => {
    const { doc, lines } = parse();
    for (let n = p.length; n > 0; n--) {
      const node = doc.getIn(p.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const keyLineOf = (p: readonly PropertyKey[], key: string) => {
    const { doc, lines } = parse();
    const map = p.length === 0 ? doc.contents : doc.getIn(p as unknown[], true);
    const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? lines.linePos(range[0]).line : lineOf([...p, key]);
  };
  return {
    raw: rawFrontmatter,
    get doc() {
      return parse().doc;
    },
    get lines() {
      return parse().lines;
    },
    lineOf,
    keyLineOf,
  };
}
