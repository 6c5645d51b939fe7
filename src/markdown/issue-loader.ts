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
 * The rendered body itself is kept beside the store, one JSON file per digest in the build cache
 * (node_modules/.cache/kfjz/bodies/, see src/integrations/cache-dir.ts), not in the store: Astro
 * bundles the whole store into the build, and at 1000 issues the bodies were 17 of its 21 MB
 * (Vite 2.0 → 0.8 s, writing the store about 1 s less). With the cache off they stay in the store.
 *
 * In `astro dev` the folder is watched: an edited, added or removed issue updates its entry.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion } from '#lib/source/code-version.ts';
import { cacheDirFor } from '../integrations/cache-dir.ts';
import { renderIssueBody, type RenderedBody } from './issue-body.ts';

/** The code a rendered body depends on (besides its file). */
const RENDER_CODE = ['src/markdown', 'src/lib', 'src/schemas', 'src/data'];

/** Rendered bodies no build has used for this long leave the cache (each build touches its own). */
const KEEP_UNUSED_MS = 14 * 24 * 3600 * 1000;

/** Where the rendered body of `digest` is kept, under the cache's `bodies` folder. */
const bodyFile = (bodies: string, digest: string) => join(bodies, `${digest}.json`);

/** Removes rendered bodies unused for KEEP_UNUSED_MS (other builds sharing the cache touch theirs). */
function pruneBodies(bodies: string): void {
  if (!existsSync(bodies)) return;
  const now = Date.now();
  for (const name of readdirSync(bodies)) {
    const path = join(bodies, name);
    try {
      if (now - statSync(path).mtimeMs > KEEP_UNUSED_MS) rmSync(path, { force: true });
    } catch {
      // Removed meanwhile by another build.
    }
  }
}

export function issueLoader(options: { dir: string }): Loader {
  return {
    name: 'kfjz-issue-loader',
    load: async (context) => {
      const { config, store, watcher } = context;
      const root = fileURLToPath(config.root);
      const dir = options.dir;
      const code = codeVersion(root, RENDER_CODE);
      const bodies = cacheDirFor(root, 'bodies');
      const idOf = (file: string) => basename(file, '.mdx');
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')) : [];
      const stale = new Set(store.keys());
      // One after another: rendering is CPU work on this one thread, nothing to overlap.
      for (const file of files) {
        stale.delete(idOf(file));
        await sync(context, join(dir, file), idOf(file), root, code, bodies);
      }
      for (const id of stale) store.delete(id);
      if (bodies) pruneBodies(bodies);

      if (!watcher) return;
      watcher.add(dir);
      const inDir = (path: string) => path.endsWith('.mdx') && relative(dir, path).split(sep).length === 1;
      const reload = async (path: string) => {
        if (!inDir(path)) return;
        try {
          await sync(context, path, idOf(path), root, code, bodies);
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

async function sync(
  context: LoaderContext,
  path: string,
  id: string,
  root: string,
  code: string,
  bodies: string | undefined,
): Promise<void> {
  const { store, parseData, generateDigest } = context;
  const contents = await readFile(path, 'utf8');
  const digest = generateDigest(`${code}\0${contents}`);
  const existing = store.get(id);
  const kept = bodies && bodyFile(bodies, digest);
  // Unchanged, and its body still at hand: the entry stays as it is (Astro lists its images'
  // imports from the kept entry). The body file is touched, so no other build prunes it.
  if (existing?.digest === digest) {
    if (!kept) return;
    try {
      const now = new Date();
      utimesSync(kept, now, now);
      return;
    } catch {
      // The cache was cleared: render it again.
    }
  }
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
  // The page reads the body back with issueBody() (src/lib/site/issue-body.ts): from its file, or
  // from the store when there is no cache. No `body` (the MDX source): nothing reads it back.
  let metadata: Record<string, unknown> = { body: nodes };
  if (kept && bodies) {
    mkdirSync(bodies, { recursive: true });
    // Written whole, then renamed: a build reading it never sees half a file.
    const tmp = `${kept}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(nodes));
    renameSync(tmp, kept);
    metadata = { bodyFile: kept };
  }
  store.set({ id, data, filePath: shown, digest, rendered: { html: '', metadata } });
}
