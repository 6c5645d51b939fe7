/**
 * The issue loader keeps a rendered body while neither its file nor the code that renders it
 * changed, renders it again when either did, and forgets removed issues. Driven with a small
 * in-memory stand-in for Astro's content store (the real one is exercised by every build test).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { renderIssueBody } from '../../src/markdown/issue-body.ts';
import { issueLoader } from '../../src/markdown/issue-loader.ts';
import { bodyRenderer, threadsFor } from '../../src/markdown/render-pool.ts';
import { readRenderedBody } from '#lib/site/rendered-body-fs.ts';
import { contentFolder, seedMdx, seedWith } from '../support/content.ts';

interface Entry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

/** A project root with its own src/markdown (the loader digests it with the file) and an Astro-like context. */
function harness(dir: string) {
  const root = mkdtempSync(join(tmpdir(), 'kfjz-loader-root-'));
  mkdirSync(join(root, 'src/markdown'), { recursive: true });
  writeFileSync(join(root, 'src/markdown/plugin.ts'), 'export const version = 1;\n');
  const entries = new Map<string, Entry>();
  const rendered: string[] = [];
  const context = {
    collection: 'issues',
    config: { root: pathToFileURL(`${root}/`) },
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Entry) => {
        rendered.push(entry.id);
        entries.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => entries.delete(id),
      keys: () => [...entries.keys()],
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: string) => createHash('sha256').update(data).digest('hex'),
    logger: { info: () => {}, error: () => {} },
  } as unknown as LoaderContext;
  const load = async () => {
    rendered.length = 0;
    await issueLoader({ dir }).load(context);
    return [...rendered].sort();
  };
  return { root, entries, load, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

describe('the issue loader', () => {
  test('renders each issue once, again only when its file or the rendering code changes', async () => {
    const dir = contentFolder({ '2024-18.mdx': seedMdx(), '2024-19.mdx': seedWith('number: 18', 'number: 19') });
    const h = harness(dir);
    try {
      expect(await h.load()).toEqual(['2024-18', '2024-19']);
      const body = readRenderedBody(h.entries.get('2024-18') ?? { id: '2024-18' });
      expect(body.some((n) => n.type === 'component' && n.name === 'Page')).toBe(true);
      expect(h.entries.get('2024-18')?.data['photos']).toEqual([]);

      // Nothing changed: nothing is rendered again.
      expect(await h.load()).toEqual([]);

      // One issue edited: that one.
      writeFileSync(join(dir, '2024-19.mdx'), seedWith('number: 18', 'number: 19').replace('忻州', '忻州 '));
      expect(await h.load()).toEqual(['2024-19']);

      // The code that renders bodies changed: every issue, so no page keeps an old rendering.
      writeFileSync(join(h.root, 'src/markdown/plugin.ts'), 'export const version = 2;\n');
      expect(await h.load()).toEqual(['2024-18', '2024-19']);

      // An issue removed: its entry goes.
      rmSync(join(dir, '2024-19.mdx'));
      expect(await h.load()).toEqual([]);
      expect([...h.entries.keys()]).toEqual(['2024-18']);
    } finally {
      h.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('keeps rendered bodies in the build cache, not the store; a cleared cache renders them again', async () => {
    const dir = contentFolder({ '2024-18.mdx': seedMdx() });
    const h = harness(dir);
    const cache = mkdtempSync(join(tmpdir(), 'kfjz-loader-cache-'));
    const before = process.env['KFJZ_CACHE_DIR'];
    try {
      process.env['KFJZ_CACHE_DIR'] = cache;
      expect(await h.load()).toEqual(['2024-18']);
      const metadata = h.entries.get('2024-18')?.rendered?.metadata ?? {};
      expect(metadata['body']).toBeUndefined();
      expect(String(metadata['bodyFile'])).toMatch(new RegExp(`^${cache}/bodies/[0-9a-f]+\\.json$`));
      expect(readRenderedBody(h.entries.get('2024-18') ?? { id: '2024-18' }).length).toBeGreaterThan(0);
      expect(await h.load()).toEqual([]);
      // The cache went (a fresh clone, a cleaned folder) while Astro kept its store: rendered again.
      rmSync(join(cache, 'bodies'), { recursive: true, force: true });
      expect(await h.load()).toEqual(['2024-18']);
      expect(readRenderedBody(h.entries.get('2024-18') ?? { id: '2024-18' }).length).toBeGreaterThan(0);
      // No cache at all: the body stays in the store.
      process.env['KFJZ_CACHE_DIR'] = 'off';
      writeFileSync(join(dir, '2024-18.mdx'), seedMdx().replace('忻州', '忻州 '));
      expect(await h.load()).toEqual(['2024-18']);
      expect(Array.isArray(h.entries.get('2024-18')?.rendered?.metadata?.['body'])).toBe(true);
    } finally {
      if (before === undefined) delete process.env['KFJZ_CACHE_DIR'];
      else process.env['KFJZ_CACHE_DIR'] = before;
      h.cleanup();
      rmSync(cache, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a body that does not render stops the load, naming the file', async () => {
    const dir = contentFolder({ '2024-18.mdx': seedMdx().replace('</Article>', '') });
    const h = harness(dir);
    try {
      await expect(h.load()).rejects.toThrow(/2024-18\.mdx: the body does not render: .*Article/);
    } finally {
      h.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an entry the loader did not render is refused with its id, not shown empty', () => {
    expect(() => readRenderedBody({ id: '2024-18' })).toThrow(/issue 2024-18 has no rendered body/);
  });
});

describe('rendering bodies on every core', () => {
  test('threads only where two or more pay for their start, never more than the cores', () => {
    expect(threadsFor(200, 1)).toBe(0);
    expect(threadsFor(200, 2)).toBe(2);
    expect(threadsFor(199, 8)).toBe(0);
    expect(threadsFor(1000, 4)).toBe(4);
    expect(threadsFor(1000, 16)).toBe(10);
    expect(bodyRenderer(20).threads).toBe(0);
  });

  test('a body renders in a worker thread exactly as on the loader’s own thread, whatever the cores', async () => {
    const { frontmatter, content } = parseFrontmatter(seedMdx(), { frontmatter: 'empty-with-spaces' });
    const job = { body: content, frontmatter, path: '/content/issues/2024-18.mdx' };
    const inline = await renderIssueBody(job.body, job.frontmatter, job.path);
    // Two threads asked for outright, so even a one-core runner renders in worker threads.
    const renderer = bodyRenderer(2, 2);
    try {
      expect(renderer.threads).toBe(2);
      const [first, second] = await Promise.all([renderer.render(job), renderer.render(job)]);
      expect(first).toEqual(inline);
      expect(second).toEqual(inline);
      await expect(renderer.render({ ...job, body: job.body.replace('</Article>', '') })).rejects.toThrow(/Article/);
    } finally {
      await renderer.close();
    }
  });
});
