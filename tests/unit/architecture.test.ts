/**
 * The structural rules of the code, over the whole tree (README, "Architecture"):
 * - no circle of imports in src/, scripts/ and astro.config.mjs;
 * - src/lib/source/ (reading and parsing) imports nothing from src/lib/check/ (judging);
 * - every bare import in src/, scripts/, tests/ and astro.config.mjs names a package declared in
 *   package.json (`node:` built-ins and Astro's `astro:*` virtual modules aside);
 * - no file in src/integrations/ is over 100 lines: an integration hooks in, src/lib/ does the work;
 * - a module under src/lib/ that touches the file system, processes or worker threads has a name
 *   ending in `-fs.ts`, one that reads `astro:content` a name ending in `-collection.ts`; every
 *   other module under src/lib/ is pure.
 *
 * Imports are read with TypeScript's parser (static, `export … from`, dynamic `import()`, and
 * `import('…')` types), from `.astro` files their front-matter and `<script>`s. `#lib/*` and the
 * other `#` aliases resolve through package.json's "imports". A type-only import counts for
 * circles and for what lib/source may import: a circle of types still ties the modules' meaning
 * together, and the reader's types must not depend on the checker's. It does not count for
 * purity: types are erased, so importing an `-fs.ts` module's types runs none of its I/O.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/root.ts';

const CODE = /\.(?:ts|tsx|mts|mjs|js|astro)$/;
const SKIP = new Set(['node_modules', 'dist', '.astro', '.bench']);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (SKIP.has(name) || name.startsWith('.')) continue;
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (CODE.test(name)) out.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, dir));
  return out;
}

interface Import {
  specifier: string;
  /**
   * Erased when compiled: `import type`, `export type … from`, an `import('…')` type. Not
   * `import { type A }`: with verbatimModuleSyntax (and Node's type stripping) the module is still loaded.
   */
  typeOnly: boolean;
}

/** The script parts of a file: all of a module, an .astro file's front-matter and `<script>`s. */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return [front, ...scripts].join('\n');
}

function importsOf(file: string, text: string): Import[] {
  const source = ts.createSourceFile(file, scriptOf(file, text), ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const out: Import[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: !!node.importClause?.isTypeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      out.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      out.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  imports: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);

/** `#lib/check/problem.ts` → `src/lib/check/problem.ts`, through package.json's "imports". */
function alias(specifier: string): string | undefined {
  for (const [pattern, target] of Object.entries(pkg.imports)) {
    const [head, tail = ''] = pattern.split('*');
    if (pattern.includes('*') ? specifier.startsWith(head ?? '') && specifier.endsWith(tail) : specifier === pattern) {
      const rest = specifier.slice((head ?? '').length, specifier.length - tail.length);
      return relative(ROOT, resolve(ROOT, target.replace('*', rest)));
    }
  }
  return undefined;
}

/** The project file an import names (as a path from the root), or undefined for a package or a virtual module. */
function resolveLocal(from: string, specifier: string): string | undefined {
  const target = specifier.startsWith('#')
    ? alias(specifier)
    : specifier.startsWith('.')
      ? relative(ROOT, resolve(ROOT, dirname(from), specifier.replace(/[?#].*$/, '')))
      : undefined;
  if (target === undefined) return undefined;
  for (const candidate of [target, `${target}.ts`, join(target, 'index.ts')]) {
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return candidate;
  }
  return target;
}

/** The package a bare specifier names: `astro/zod` → `astro`, `@astrojs/mdx/server` → `@astrojs/mdx`. */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const isBare = (specifier: string) =>
  !specifier.startsWith('.') && !specifier.startsWith('#') && !specifier.startsWith('/');

interface Module {
  file: string;
  lines: number;
  imports: (Import & { local?: string })[];
}

const ALL = [...filesUnder('src'), ...filesUnder('scripts'), ...filesUnder('tests'), 'astro.config.mjs'];
const MODULES = new Map<string, Module>(
  ALL.map((file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const imports = importsOf(file, text).map((i) => {
      const local = resolveLocal(file, i.specifier);
      return local === undefined ? i : { ...i, local };
    });
    return [file, { file, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), imports }];
  }),
);

const within = (file: string, ...roots: string[]) =>
  roots.some((r) => (r.endsWith('/') ? file.startsWith(r) : file === r));

/** Every circle of imports among `files` (Tarjan's strongly connected components), each as its files. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).includes(v);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return found;
}

describe('the structure of the code', () => {
  test('reads the whole tree', () => {
    // A walk that found nothing, or a parser that found no imports, would pass every rule below.
    expect(MODULES.size).toBeGreaterThan(200);
    expect(MODULES.get('src/lib/check/content-check-fs.ts')?.imports.length).toBeGreaterThan(5);
    expect(MODULES.get('astro.config.mjs')?.imports.length).toBeGreaterThan(3);
  });

  test('no circle of imports in src/, scripts/ and astro.config.mjs', () => {
    const scope = (f: string) => within(f, 'src/', 'scripts/', 'astro.config.mjs');
    const graph = new Map<string, string[]>();
    for (const m of MODULES.values()) {
      if (!scope(m.file)) continue;
      graph.set(
        m.file,
        m.imports.flatMap((i) => (i.local !== undefined && scope(i.local) && MODULES.has(i.local) ? [i.local] : [])),
      );
    }
    expect(circles(graph).map((c) => c.join(' → '))).toEqual([]);
  });

  test('src/lib/source/ imports nothing from src/lib/check/', () => {
    const wrong = [...MODULES.values()]
      .filter((m) => m.file.startsWith('src/lib/source/'))
      .flatMap((m) =>
        m.imports.filter((i) => i.local?.startsWith('src/lib/check/')).map((i) => `${m.file}: ${i.specifier}`),
      );
    expect(wrong).toEqual([]);
  });

  test('every bare import names a package declared in package.json', () => {
    const undeclared = [...MODULES.values()].flatMap((m) =>
      m.imports
        .filter((i) => isBare(i.specifier) && !i.specifier.startsWith('node:') && !i.specifier.startsWith('astro:'))
        .filter((i) => {
          const name = packageOf(i.specifier);
          // A type-only import of `mdast` is served by `@types/mdast`.
          return !declared.has(name) && !(i.typeOnly && declared.has(`@types/${name.replace(/^@(.*)\//, '$1__')}`));
        })
        .map((i) => `${m.file}: ${i.specifier}${isBuiltin(i.specifier) ? ' (a built-in: write node:…)' : ''}`),
    );
    expect(undeclared).toEqual([]);
  });

  test('no file in src/integrations/ is over 100 lines', () => {
    const long = [...MODULES.values()]
      .filter((m) => m.file.startsWith('src/integrations/') && m.lines > 100)
      .map((m) => `${m.file}: ${m.lines} lines`);
    expect(long).toEqual([]);
  });

  test('a module of src/lib/ that does I/O or reads astro:content says so by its name', () => {
    const IO = new Set(['node:fs', 'node:fs/promises', 'node:child_process', 'node:worker_threads']);
    const lib = [...MODULES.values()].filter((m) => m.file.startsWith('src/lib/'));
    const fsName = (f: string) => /-fs\.ts$/.test(f);
    const collectionName = (f: string) => /-collection\.ts$/.test(f);
    const wrong = lib.flatMap((m) => {
      const run = m.imports.filter((i) => !i.typeOnly);
      const why: string[] = [];
      // Direct I/O, or through a module that does it (whose name says so): either way not pure.
      const io = run.filter((i) => IO.has(i.specifier) || (i.local !== undefined && fsName(i.local)));
      const collection = run.filter(
        (i) => i.specifier === 'astro:content' || (i.local !== undefined && collectionName(i.local)),
      );
      if (io.length > 0 && !fsName(m.file))
        why.push(`${m.file}: imports ${io.map((i) => i.specifier).join(', ')}; name it *-fs.ts`);
      if (collection.length > 0 && !collectionName(m.file))
        why.push(`${m.file}: imports ${collection.map((i) => i.specifier).join(', ')}; name it *-collection.ts`);
      return why;
    });
    expect(wrong).toEqual([]);
  });
});
