/**
 * Images an issue names: each page's `scan` in the front-matter and each `<Photo src>` in the
 * text (a block of its own or inside a paragraph) must be an image file in the issue's own
 * folder (content/issues/2024-18/ for content/issues/2024-18.mdx) that decodes in full within
 * the pixel limit, and a photo needs its `alt` text. Found here, they are a line an editor can
 * act on instead of an image-pipeline error mid-build, or a broken file published.
 *
 * A path is followed as the build would read it, links included: one that leads out of the
 * issue's folder (`../`, an absolute path, a symbolic link to elsewhere) is refused before the
 * file is opened, so nothing outside the folder is ever published.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { hasJsxAttribute, jsxAttribute } from '#lib/source/jsx-attributes.ts';
import { visit } from 'unist-util-visit';
import type { LoadedIssue } from '#lib/source/loaded-issue.ts';
import { refusedFile } from './body-allowlist.ts';
import { IMAGE_EXTENSIONS } from './image-rules.ts';
import type { Problem } from './problem.ts';

/** The path as the editor wrote it starts from the issue file: `./2024-18/D1.jpg`. */
const RELATIVE = /^\.\.?\//;

/** An image an issue names, where it names it, and the file it leads to. */
export interface NamedImage {
  line: number | undefined;
  /** The front-matter field (`pages[0] D1 scan`); none for a photo, whose line says it. */
  field: string | undefined;
  /** How a message about it starts: the scan's path, or `<Photo src="…">`. */
  label: string;
  /** Whole messages on what needs no decoding: a missing alt, a path out of the folder, no such file. */
  problems: string[];
  /** The path on disk as written (links not followed), when it stays in the folder: the check's cache stamps it. */
  path?: string;
  /** The file it leads to, links followed, when that is a file inside the issue's folder: to decode. */
  file?: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** `2024-18` for content/issues/2024-18.mdx: the folder its images go in. */
const issueFolder = (path: string) => basename(path).replace(/\.mdx$/, '');

/** Whether `path` lies inside `folder` (not the folder itself). */
const inside = (folder: string, path: string) => {
  const r = relative(folder, path);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r);
};

/**
 * Where `written` leads from the issue file at `issuePath`, or why it may not be read. Every
 * `..` and every link is followed: the file must lie inside the issue's folder as the disk has
 * it (a folder that is itself a link to elsewhere leads out too).
 */
function follow(
  issuePath: string,
  written: string,
  what: string,
): Pick<NamedImage, 'path' | 'file'> & { why?: string } {
  const name = issueFolder(issuePath);
  const folder = join(dirname(issuePath), name);
  const path = resolve(dirname(issuePath), written);
  const instead = `./${name}/${basename(written)}`;
  if (!inside(folder, path)) {
    return {
      why: `leads out of the issue's folder ${name}/; ${what} goes in that folder, named from the issue file: ${instead}`,
    };
  }
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { path, why: 'no such file' };
    if (code === 'ELOOP') return { path, why: 'is a link that leads round in a circle' };
    return { path, why: `cannot be read (${code ?? String(error)})` };
  }
  let realFolder: string;
  try {
    realFolder = join(realpathSync(dirname(issuePath)), name);
  } catch {
    realFolder = folder;
  }
  if (!inside(realFolder, real)) {
    return {
      path,
      why: `leads by a symbolic link to ${real}, outside the issue's folder ${name}/; put the file itself in that folder`,
    };
  }
  if (statSync(real).isDirectory()) return { path, why: 'is a folder, not an image file' };
  const ext = extname(written).slice(1).toLowerCase(); // Astro imports by the name as written
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext)) {
    return {
      path,
      why: `the build takes files named .${IMAGE_EXTENSIONS.join(', .')}; save it as one of them, named for its format`,
    };
  }
  return { path, file: real };
}

/** Every scan and `<Photo src>` of an issue (at `issuePath` on disk), with what is wrong short of decoding it. */
export function namedImages({ issue, body, lineOf }: LoadedIssue, issuePath: string): NamedImage[] {
  const named: NamedImage[] = [];
  const folder = issueFolder(issuePath);

  issue.pages.forEach((page, i) => {
    if (page.scan === undefined) return;
    const image: NamedImage = {
      line: lineOf(['pages', i, 'scan']),
      field: `pages[${i}] ${page.id} scan`,
      label: page.scan,
      problems: [],
    };
    named.push(image);
    if (!RELATIVE.test(page.scan)) {
      image.problems.push(
        `"${page.scan}": a scan lives beside the issue; write its path from the issue file, e.g. ./${folder}/${page.id}.jpg`,
      );
      return;
    }
    const { why, ...to } = follow(issuePath, page.scan, 'a scan');
    Object.assign(image, to);
    if (why) image.problems.push(`${page.scan}: ${why}`);
  });

  // Block photos and photos inside a paragraph alike: both reach the page.
  const photo = (el: JsxElement) => {
    if (el.name !== 'Photo') return;
    // null: written, but not as a string (`src={x}`, a bare `src`).
    const src = jsxAttribute(el, 'src') ?? (hasJsxAttribute(el, 'src') ? null : undefined);
    if (src === undefined) return; // a photo the archive does not hold: the page says so
    const label = `<Photo src="${src ?? ''}">`;
    const image: NamedImage = { line: el.position?.start.line, field: undefined, label, problems: [] };
    named.push(image);
    if (src === null || src === '') {
      image.problems.push(
        `<Photo src>: write the image's path in quotes, e.g. <Photo src="./${folder}/d1-photo-1.jpg" alt="…">`,
      );
      return;
    }
    const alt = jsxAttribute(el, 'alt');
    if (typeof alt !== 'string' || alt.trim() === '') {
      image.problems.push(`${label} needs alt="…": say in words what the photo shows, for readers who cannot see it`);
    }
    if (refusedFile(src) !== undefined) return; // a URL: body.ts says so
    if (!RELATIVE.test(src)) {
      image.problems.push(
        `${label}: a photo lives beside the issue; write its path from the issue file, e.g. ./${folder}/${src.split('/').pop()}`,
      );
      return;
    }
    const { why, ...to } = follow(issuePath, src, 'a photo');
    Object.assign(image, to);
    if (why) image.problems.push(`${label}: ${why}`);
  };
  visit(body.tree, (node) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') photo(node as JsxElement);
  });
  return named;
}

const DECODER = fileURLToPath(new URL('./image-decode-fs.ts', import.meta.url));

/**
 * What is wrong with each file once decoded in full (null: nothing), each file decoded once.
 * In a process of its own (image-decode-fs.ts), so the check stays synchronous; none is started
 * when there is nothing to decode.
 */
export function decodeImages(files: Iterable<string>): Map<string, string | null> {
  const list = [...new Set(files)];
  if (list.length === 0) return new Map();
  let out: string;
  try {
    // The Node options, less `--input-type`: Node refuses it for a file such as the decoder.
    const options = (process.env['NODE_OPTIONS'] ?? '').split(/\s+/).filter((o) => o && !o.startsWith('--input-type'));
    out = execFileSync(process.execPath, [DECODER], {
      env: { ...process.env, NODE_OPTIONS: options.join(' ') },
      input: JSON.stringify(list),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new Error(`the image check could not decode the images: ${stderr || (error as Error).message}`, {
      cause: error,
    });
  }
  return new Map(Object.entries(JSON.parse(out) as Record<string, string | null>));
}

/**
 * The image problems of each issue (`path`: its file on disk), every image file among them all
 * decoded once. `beforeDecoding` gets, for each issue, the paths it names on disk (the check's
 * cache stamps them then: a file changed while it is decoded is seen next time).
 */
export function checkImages(
  issues: readonly { loaded: LoadedIssue; path: string }[],
  beforeDecoding?: (paths: string[][]) => void,
): Problem[][] {
  const named = issues.map(({ loaded, path }) => namedImages(loaded, path));
  beforeDecoding?.(named.map((images) => images.flatMap((n) => (n.path === undefined ? [] : [n.path]))));
  const decoded = decodeImages(named.flat().flatMap((n) => (n.file === undefined ? [] : [n.file])));
  return issues.map(({ loaded }, i) =>
    (named[i] ?? []).flatMap((n) => {
      const why = n.file === undefined ? undefined : decoded.get(n.file);
      return [...n.problems, ...(why ? [`${n.label}: ${why}`] : [])].map((message): Problem => ({
        severity: 'error',
        file: loaded.file,
        ...(n.line === undefined ? {} : { line: n.line }),
        ...(n.field === undefined ? {} : { field: n.field }),
        message,
      }));
    }),
  );
}
