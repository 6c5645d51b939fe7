/**
 * The content-layer loader of the issues collection: one entry per `*.mdx` under the content
 * folder, its front-matter as data and its body rendered here (issue-body.ts) rather than
 * compiled by Vite as a module per issue.
 *
 * An entry is kept in Astro's content store under a digest of the file and of the code that
 * renders it (src/markdown, src/lib, src/schemas, src/data, the lockfile): a rebuild renders only
 * the files that changed, and changed code renders everything again, so no stale body is ever
 * published. The body's photos (`<Photo src>`) join the data as `photos`, where the collection
 * schema hands them to Astro's image pipeline like the page scans.
 *
 * In `astro dev` the folder is watched: an edited, added or removed issue updates its entry.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion } from '#lib/source/code-version.ts';
import { renderIssueBody, type RenderedBody } from './issue-body.ts';

/** The code a rendered body depends on (besides its file). */
const RENDER_CODE = ['src/markdown', 'src/lib', 'src/schemas', 'src/data'];

export function issueLoader(options: { dir: string }): Loader {
  return {
    name: 'kfjz-issue-loader',
    load: async (context) => {
      const { config, store, watcher } = context;
      const root = fileURLToPath(config.root);
      const dir = options.dir;
      const code = codeVersion(root, RENDER_CODE);
      const idOf = (file: string) => basename(file, '.mdx');
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')) : [];
      const stale = new Set(store.keys());
      // One after another: rendering is CPU work on this one thread, nothing to overlap.
      for (const file of files) {
        stale.delete(idOf(file));
        await sync(context, join(dir, file), idOf(file), root, code);
      }
      for (const id of stale) store.delete(id);

      if (!watcher) return;
      watcher.add(dir);
      const inDir = (path: string) => path.endsWith('.mdx') && relative(dir, path).split(sep).length === 1;
      const reload = async (path: string) => {
        if (!inDir(path)) return;
        try {
          await sync(context, path, idOf(path), root, code);
          context.logger.info(`reloaded ${relative(root, path)}`);
        } catch (error) {
          context.logger.error(`could not reload ${relative(root, path)}: ${(error as Error).message}`);
        }
      };
      watcher.on('change', reload);
      watcher.on('add', reload);
      watcher.on('unlink', (path) => {
        if (inDir(path)) store.delete(idOf(path));
      });
    },
  };
}

async function sync(context: LoaderContext, path: string, id: string, root: string, code: string): Promise<void> {
  const { store, parseData, generateDigest } = context;
  const contents = await readFile(path, 'utf8');
  const digest = generateDigest(`${code}\0${contents}`);
  const existing = store.get(id);
  // Unchanged: the entry stays as it is (Astro lists its images' imports from the kept entry).
  if (existing?.digest === digest) return;
  const shown = relative(root, path).split(sep).join('/');
  const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
  let rendered: RenderedBody;
  try {
    rendered = await renderIssueBody(content, frontmatter, path);
  } catch (error) {
    // `npm run check` names the line and what to write instead; this only says where.
    throw new Error(`${shown}: the body does not render: ${(error as Error).message} (npm run check explains)`, {
      cause: error,
    });
  }
  const { nodes, photos } = rendered;
  const data = await parseData({ id, data: { ...frontmatter, photos }, filePath: path });
  // The page reads `body` back with issueBody() (src/lib/site/issue-body.ts).
  const metadata: { body: RenderedBody['nodes'] } = { body: nodes };
  // No `body`: nothing reads the MDX source back, and the store is bundled into the build as one
  // module (its size is most of what Vite's bundling costs at 1000 issues).
  store.set({ id, data, filePath: shown, digest, rendered: { html: '', metadata } });
}
