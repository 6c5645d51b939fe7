/**
 * The regions editor as an editor uses it: `astro dev` on the SYNTHETIC printed-page fixture,
 * /_editor/regions/ lists the issues, the issue's page shows its scans with the regions drawn,
 * dragging on a scan adds a region for the chosen article, and the `pages:` block it offers is
 * front-matter the schema accepts. (That the built site has no editor: tests/build/standards.test.ts.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PageSchema } from '#schemas/page.ts';
import { launchChromium } from '../support/browser.ts';
import { parentEnv } from '../support/build-site.ts';
import { ROOT } from '../support/root.ts';
import { FIXTURE_ISSUE, REGIONS, writePrintedPageArchive } from '../fixtures/printed-page/generate.ts';

let content: string;
let dev: ChildProcess | undefined;
let origin = '';
let browser: Browser;
/** What the dev server printed, shown when a test fails. */
let devLog = () => '';

beforeAll(async () => {
  content = mkdtempSync(join(tmpdir(), 'kfjz-region-editor-'));
  await writePrintedPageArchive(content);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  dev = spawn(join(ROOT, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env: {
      ...parentEnv(),
      KFJZ_CONTENT_DIR: content,
      // Plain lines to read the address from: Astro colours its output whenever CI is set.
      NO_COLOR: '1',
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH']}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  origin = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      log += stripVTControlCharacters(chunk.toString());
      // Ready once it watches the files: the content store is synced by then.
      const url = /Local\s+(http:\/\/localhost:\d+)\//.exec(log)?.[1];
      if (url && log.includes('watching for file changes')) resolve(url);
    };
    dev?.stdout?.on('data', read);
    dev?.stderr?.on('data', read);
    dev?.on('exit', (code) => reject(new Error(`astro dev exited (${code}):\n${log}`)));
  });
  browser = await launchChromium();
  devLog = () => log;
});

afterAll(async () => {
  await browser?.close();
  // The dev server and the processes it started, by its process group.
  if (dev?.pid) process.kill(-dev.pid, 'SIGTERM');
  rmSync(content, { recursive: true, force: true });
});

describe('the regions editor under astro dev', () => {
  test('lists the issues, saying which have scans', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/_editor/regions/`);
      const items = await page.locator('li').allTextContents();
      if (items.length === 0) console.log(await page.content(), devLog());
      expect(items.map((t) => t.replace(/\s+/g, ''))).toEqual([
        '2024年第18期（尚无扫描：先在pages中给出scan）',
        '2023年第30期（扫描：D1、D2版）',
      ]);
    } finally {
      await page.close();
    }
  });

  test("draws the issue's regions, adds one by dragging, and offers front-matter the schema accepts", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await page.goto(`${origin}/_editor/regions/${FIXTURE_ISSUE.folder}/`);
      const svg = page.locator('[data-page="D1"] svg');
      await expect.poll(() => svg.locator('rect.region').count()).toBe(REGIONS.D1.length);
      await page.selectOption('#piece', 'feature');
      const box = await svg.boundingBox();
      if (!box) throw new Error('the D1 scan is not shown');
      // From 10% to 50% across, 40 to 130 px down: inside the part of the scan on screen.
      await page.mouse.move(box.x + box.width * 0.1, box.y + 40);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.5, box.y + 130, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => svg.locator('rect.region').count()).toBe(REGIONS.D1.length + 1);

      const yaml = await page.inputValue('#yaml');
      const pages = (parse(yaml) as { pages: unknown[] }).pages.map((p) => PageSchema.parse(p));
      expect(pages.map((p) => [p.id, p.scan, p.regions.length])).toEqual([
        ['D1', `./${FIXTURE_ISSUE.folder}/D1.jpg`, REGIONS.D1.length + 1],
        ['D2', `./${FIXTURE_ISSUE.folder}/D2.jpg`, REGIONS.D2.length],
      ]);
      const added = pages[0]?.regions.at(-1);
      expect(added?.of).toBe('feature');
      expect(added?.x).toBeCloseTo(0.1, 2);
      expect(added?.w).toBeCloseTo(0.4, 2);
      expect(added?.h).toBeCloseTo(90 / box.height, 2);
    } finally {
      await page.close();
    }
  });
});
