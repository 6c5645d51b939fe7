/**
 * Images an issue names: each page's `scan` in the front-matter and each `<Photo src>` in the
 * text must be a readable image file beside the issue, and a photo needs its `alt` text. Found
 * here, they are a line an editor can act on instead of an image-pipeline error mid-build.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { imageSize } from 'image-size';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { LoadedIssue } from '#lib/source/load.ts';
import { refusedFile } from './body-allowlist.ts';
import type { Problem } from './problem.ts';

/** Formats Astro's image pipeline (sharp) reads and turns into AVIF/WebP. */
export const IMAGE_FORMATS = ['jpg', 'png', 'webp', 'avif', 'tiff', 'gif'] as const;

/** Enough of a file for image-size to find the dimensions of any of these formats. */
const HEADER_BYTES = 512 * 1024;

/** The path as the editor wrote it must stay beside the issue: `./2024-18/D1.jpg`. */
const RELATIVE = /^\.\.?\//;

/** Why an image file cannot be used, or undefined when it can: missing, unreadable, not an image. */
export function imageFileProblem(path: string): string | undefined {
  let header: Buffer;
  try {
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(HEADER_BYTES);
      header = buffer.subarray(0, readSync(fd, buffer, 0, HEADER_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a folder, not an image file';
    return `cannot be read (${code ?? String(error)})`;
  }
  try {
    const { type, width, height } = imageSize(header);
    const format = type === 'jpeg' ? 'jpg' : type;
    if (!(IMAGE_FORMATS as readonly string[]).includes(format ?? '')) {
      return `is a ${type} image; expected one of ${IMAGE_FORMATS.join(', ')}`;
    }
    if (!width || !height) return 'is not a readable image (no width and height in it)';
  } catch {
    return `is not a readable image; expected one of ${IMAGE_FORMATS.join(', ')}`;
  }
  return undefined;
}

const attribute = (el: MdxJsxFlowElement, name: string) => {
  const a = el.attributes.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
  return a && typeof a.value === 'string' ? a.value : a ? null : undefined;
};

/** `path`: the issue file on disk; image paths are relative to its folder. */
export function checkImages({ file, issue, body, lineOf }: LoadedIssue, path: string): Problem[] {
  const problems: Problem[] = [];
  const folder = dirname(path);
  const at = (line: number | undefined, field: string | undefined, message: string) =>
    problems.push({
      severity: 'error',
      file,
      ...(line === undefined ? {} : { line }),
      ...(field === undefined ? {} : { field }),
      message,
    });

  issue.pages.forEach((page, i) => {
    if (page.scan === undefined) return;
    const line = lineOf(['pages', i, 'scan']);
    const field = `pages[${i}] ${page.id} scan`;
    if (!RELATIVE.test(page.scan)) {
      at(
        line,
        field,
        `"${page.scan}": a scan lives beside the issue; write its path from the issue file, e.g. ./${issueFolder(path)}/${page.id}.jpg`,
      );
      return;
    }
    const why = imageFileProblem(resolve(folder, page.scan));
    if (why) at(line, field, `${page.scan}: ${why}`);
  });

  visit(body.tree, 'mdxJsxFlowElement', (el: MdxJsxFlowElement) => {
    if (el.name !== 'Photo') return;
    const line = el.position?.start.line;
    const src = attribute(el, 'src');
    if (src === undefined) return; // a photo the archive does not hold: the page says so
    if (src === null || src === '') {
      at(
        line,
        undefined,
        `<Photo src>: write the image's path in quotes, e.g. <Photo src="./${issueFolder(path)}/d1-photo-1.jpg" alt="…">`,
      );
      return;
    }
    const alt = attribute(el, 'alt');
    if (typeof alt !== 'string' || alt.trim() === '') {
      at(
        line,
        undefined,
        `<Photo src="${src}"> needs alt="…": say in words what the photo shows, for readers who cannot see it`,
      );
    }
    if (refusedFile(src) !== undefined) return; // a URL: body.ts says so
    if (!RELATIVE.test(src)) {
      at(
        line,
        undefined,
        `<Photo src="${src}">: a photo lives beside the issue; write its path from the issue file, e.g. ./${issueFolder(path)}/${src.split('/').pop()}`,
      );
      return;
    }
    const why = imageFileProblem(resolve(folder, src));
    if (why) at(line, undefined, `<Photo src="${src}">: ${why}`);
  });
  return problems;
}

/** `2024-18` for content/issues/2024-18.mdx: the folder its images go in. */
const issueFolder = (path: string) => (path.split('/').pop() ?? '').replace(/\.mdx$/, '');
