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
 * (node_modules/.cache/kfjz/bodies/, src/lib/build/body-cache-fs.ts), not in the store: Astro
 * bundles the whole store into the build, where bodies would be most of it and slow Vite and the
 * store's writing (figures in scripts/bench/BENCHMARKS.md). With the cache off they stay in the store.
 *
 * In `astro dev` the folder is watched: an edited, added or removed issue updates its entry.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeVersion } from '#lib/source/code-version-fs.ts';
import { cacheDirFor } from '#lib/build/cache-dir.ts';
import { keepBody, pruneBodies, touchBody } from '#lib/build/body-cache-fs.ts';
import type { RenderedBody } from './issue-body.ts';
import { bodyRenderer, type BodyJob } from './render-pool.ts';

/** The code a rendered body depends on (besides its file). */
const RENDER_CODE = ['src/markdown', 'src/lib', 'src/schemas', 'src/data'];

export function issueLoader(options: { dir: string }): Loader {
  return {
    name: 'kfjz-issue-loader',
    load: async (context) => {
      const { config, store, watcher } = context;
      const root = fileURLToPath(config.root);
      const dir = options.dir;
      const loading: Loading = {
        context,
        root,
        code: codeVersion(root, RENDER_CODE),
        bodies: cacheDirFor(root, 'bodies'),
      };
      const idOf = (file: string) => basename(file, '.mdx');
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.mdx')) : [];
      const stale = new Set(store.keys());
      // Which files changed (read and digested one after another, cheap), then their bodies
      // rendered on every core (render-pool.ts), then kept in file order.
      const changed: Changed[] = [];
      for (const file of files) {
        stale.delete(idOf(file));
        const c = await changedEntry(loading, join(dir, file), idOf(file));
        if (c) changed.push(c);
      }
      await renderAndKeep(loading, changed);
      for (const id of stale) store.delete(id);
      if (loading.bodies) pruneBodies(loading.bodies);

      if (!watcher) return;
      watcher.add(dir);
      const inDir = (path: string) => path.endsWith('.mdx') && relative(dir, path).split(sep).length === 1;
      const reload = async (path: string) => {
        if (!inDir(path)) return;
        try {
          // One file: renderAndKeep renders it on this thread.
          const c = await changedEntry(loading, path, idOf(path));
          if (c) await renderAndKeep(loading, [c]);
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

/** A file whose entry must be rendered (again), with what rendering it needs. */
interface Changed {
  id: string;
  path: string;
  shown: string;
  digest: string;
  frontmatter: Record<string, unknown>;
  job: BodyJob;
}

/** What every file's sync needs: Astro's context, the project root, the rendering code's version, the body cache. */
interface Loading {
  context: LoaderContext;
  root: string;
  code: string;
  bodies: string | undefined;
}

/** The file's entry to render, or nothing when the store's entry still holds (and its body is at hand). */
async function changedEntry(
  { context, root, code, bodies }: Loading,
  path: string,
  id: string,
): Promise<Changed | undefined> {
  const { store, generateDigest } = context;
  const contents = await readFile(path, 'utf8');
  const digest = generateDigest(`${code}\0${contents}`);
  const existing = store.get(id);
  // Unchanged, and its body still at hand: the entry stays as it is (Astro lists its images'
  // imports from the kept entry). The body file is touched, so no other build prunes it.
  if (existing?.digest === digest) {
    // Not at hand (the cache was cleared): render it again.
    if (!bodies || touchBody(bodies, digest)) return undefined;
  }
  const shown = relative(root, path).split(sep).join('/');
  const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
  return { id, path, shown, digest, frontmatter, job: { body: content, frontmatter, path } };
}

/** `npm run check` names the line and what to write instead; this only says where. */
const renderFailure = (c: Changed, reason: unknown) =>
  new Error(`${c.shown}: the body does not render: ${(reason as Error).message} (npm run check explains)`, {
    cause: reason,
  });

/** Stores the entry of a rendered file; its body goes to the build cache when there is one. */
async function keep({ context, bodies }: Loading, c: Changed, rendered: RenderedBody): Promise<void> {
  const { nodes, photos, figureSources } = rendered;
  const data = await context.parseData({
    id: c.id,
    data: { ...c.frontmatter, photos, figureSources },
    filePath: c.path,
  });
  // The page reads the body back with readRenderedBody() (src/lib/site/rendered-body-fs.ts): from its file, or
  // from the store when there is no cache. No `body` (the MDX source): nothing reads it back.
  let metadata: Record<string, unknown> = { body: nodes };
  if (bodies) {
    metadata = { bodyFile: keepBody(bodies, c.digest, JSON.stringify(nodes)) };
  }
  context.store.set({ id: c.id, data, filePath: c.shown, digest: c.digest, rendered: { html: '', metadata } });
}

/** Renders the changed files' bodies (on every core when there are many) and keeps their entries, in file order. */
async function renderAndKeep(loading: Loading, changed: readonly Changed[]): Promise<void> {
  const renderer = bodyRenderer(changed.length);
  try {
    const rendered = await Promise.allSettled(changed.map((c) => renderer.render(c.job)));
    for (const [i, c] of changed.entries()) {
      const r = rendered[i];
      if (r?.status === 'rejected') throw renderFailure(c, r.reason);
      if (r) await keep(loading, c, r.value);
    }
  } finally {
    await renderer.close();
  }
}
