/**
 * Browser tests drive Debian's Chromium (never a downloaded one). `visit` opens a page the way a
 * reader does and records what a standards check needs: requests that leave the site (blocked),
 * CSP violations, console errors and failed responses.
 */
import { existsSync } from 'node:fs';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveStatic, type StaticServer } from './static-server.ts';

const CHROMIUM = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`browser tests need Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\``);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface Visit {
  page: Page;
  /** Status of the page's own document. */
  status: number | undefined;
  /** Requests to any other origin than the site's; they are aborted. */
  offsite: string[];
  /** `securitypolicyviolation` events: `directive blocked-uri source:line`. */
  csp: () => Promise<string[]>;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Responses with status ≥ 400 other than the document itself. */
  failed: string[];
  /** Every URL the page requested on the site. */
  requested: string[];
  close: () => Promise<void>;
}

/**
 * Opens `url` in a fresh context (so emulation such as dark mode applies from the first paint).
 * `prepare` runs on the page before it loads (e.g. to slow some responses down).
 */
export async function visit(
  browser: Browser,
  url: string,
  options: BrowserContextOptions = {},
  prepare?: (page: Page) => Promise<void>,
): Promise<Visit> {
  const origin = new URL(url).origin;
  const context = await browser.newContext(options);
  const offsite: string[] = [];
  const requested: string[] = [];
  const errors: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (new URL(target).origin !== origin) {
      offsite.push(target);
      return route.abort('blockedbyclient');
    }
    requested.push(target);
    return route.continue();
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url() !== page.url() && r.url() !== url) failed.push(`${r.status()} ${r.url()}`);
  });
  await prepare?.(page);
  const response = await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    status: response?.status(),
    offsite,
    requested,
    errors,
    failed,
    csp: () => page.evaluate(() => [...(window as unknown as { __csp: string[] }).__csp]),
    close: () => context.close(),
  };
}

/** axe-core's moderate, serious and critical violations on the page, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations
    .filter((v) => v.impact === 'moderate' || v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}

/** What a reader's browser met on a page: its status, axe violations and the {@link Visit} lists. */
export interface PageAudit {
  status: number | undefined;
  axe: string[];
  offsite: string[];
  csp: string[];
  errors: string[];
  failed: string[];
}

/** A page that passes: served, no axe violation, nothing off-site, blocked, logged or failed. */
export const CLEAN_PAGE: PageAudit = { status: 200, axe: [], offsite: [], csp: [], errors: [], failed: [] };

/**
 * Opens a page, lets `before` act on it (scroll, focus), audits it and closes it: the one axe
 * loop of the browser tests.
 */
export async function auditPage(
  open: () => Promise<Visit>,
  before?: (page: Page) => Promise<void>,
): Promise<PageAudit> {
  const v = await open();
  try {
    await before?.(v.page);
    return {
      status: v.status,
      axe: await axeViolations(v.page),
      offsite: v.offsite,
      csp: await v.csp(),
      errors: v.errors,
      failed: v.failed,
    };
  } finally {
    await v.close();
  }
}

/**
 * The site icons and manifest the page's <head> links, each fetched: `status type path` per link,
 * and for the manifest each icon it lists and its start URL, resolved against the manifest's URL.
 * Fetched from Node: Chromium makes these requests outside the page's load, and a page's own
 * fetch of favicon.ico fails under Playwright's request routing.
 */
export async function servedHeadLinks(page: Page): Promise<Record<string, string[]>> {
  const rels = ['icon', 'apple-touch-icon', 'manifest'];
  const links = await page.evaluate(
    (wanted) =>
      wanted.map((rel) => [
        rel,
        [...document.querySelectorAll<HTMLLinkElement>(`head link[rel="${rel}"]`)].map((l) => l.href),
      ]),
    rels,
  );
  const get = async (url: string) => {
    const res = await fetch(url);
    return { res, line: `${res.status} ${res.headers.get('content-type')?.split(';')[0]} ${new URL(url).pathname}` };
  };
  const out: Record<string, string[]> = {};
  for (const [rel, hrefs] of links as [string, string[]][]) {
    const lines: string[] = [];
    for (const href of hrefs) {
      const { res, line } = await get(href);
      lines.push(line);
      if (rel !== 'manifest') continue;
      const manifest = (await res.json()) as { icons: { src: string }[]; start_url: string };
      for (const icon of manifest.icons) lines.push(`icon ${(await get(new URL(icon.src, href).href)).line}`);
      lines.push(`start ${new URL(manifest.start_url, href).pathname}`);
    }
    out[rel] = lines;
  }
  return out;
}

/** What `servedHeadLinks` finds on every page of a site served under `base`. */
export function expectedHeadLinks(base: string): Record<string, string[]> {
  return {
    icon: [`200 image/x-icon ${base}favicon.ico`, `200 image/svg+xml ${base}favicon.svg`],
    'apple-touch-icon': [`200 image/png ${base}apple-touch-icon.png`],
    manifest: [
      `200 application/manifest+json ${base}manifest.webmanifest`,
      `icon 200 image/png ${base}icon-192.png`,
      `icon 200 image/png ${base}icon-512.png`,
      `icon 200 image/png ${base}icon-maskable-512.png`,
      `icon 200 image/svg+xml ${base}favicon.svg`,
      `start ${base}`,
    ],
  };
}

/**
 * A built site served on 127.0.0.1 with Chromium open on it for one test file:
 * `site.open('/search/?q=康佳')` visits a path (without the base path). `dist` may be a function
 * for a site that an earlier `beforeAll` builds.
 */
export function servedSite(dist: string | (() => string)) {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(typeof dist === 'function' ? dist() : dist);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open(path: string, options: BrowserContextOptions = {}, prepare?: (page: Page) => Promise<void>): Promise<Visit> {
      if (!browser || !server) throw new Error('servedSite: open() is for tests, after beforeAll');
      return visit(browser, new URL(path.replace(/^\//, ''), server.url).href, options, prepare);
    },
  };
}
