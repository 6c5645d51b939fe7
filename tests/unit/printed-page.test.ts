/**
 * The printed page's pure parts: pages with and without scans in the schema, the order in which
 * a scan links to its articles, 上一版/下一版, the front-matter the regions editor writes (read
 * back by the schema), and `<Photo src>` listed as a photo for Astro's image pipeline.
 */
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { neighbourScans, placesOnScans, readingOrder, scanLinks } from '#lib/archive/page-scan.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import { PageSchema } from '#schemas/page.ts';
import type { Issue } from '#schemas/issue.ts';
import { pagesYaml } from '#components/editor/region-editor.ts';
import { renderIssueBody } from '../../src/markdown/issue-body.ts';
import { FIXTURE_ISSUE, FIXTURE_MDX } from '../fixtures/printed-page/generate.ts';
import { contentFolder, seedMdx } from '../support/content.ts';
import { SEED_MDX } from '../support/seed.ts';
import { SEED_ANCHORS } from '../support/seed-figures.ts';

/** The synthetic fixture issue as the schema reads it (its images need not exist for this). */
function fixtureIssue(): Issue {
  const dir = contentFolder({ [FIXTURE_ISSUE.file]: FIXTURE_MDX });
  const { loaded, problems } = loadIssueFile(join(dir, FIXTURE_ISSUE.file));
  expect(problems).toEqual([]);
  if (!loaded) throw new Error('the fixture issue does not load');
  return loaded.issue;
}

describe('pages in the front-matter', () => {
  test('a plain page id stays valid and reads as a page without scan or regions', () => {
    expect(PageSchema.parse('D1')).toEqual({ id: 'D1', regions: [] });
    const seed = loadIssueFile(SEED_MDX).loaded?.issue;
    expect(seed?.pages).toEqual([{ id: 'D1', regions: [] }]);
  });

  test('a page with its scan and regions', () => {
    const page = PageSchema.parse({
      id: 'D1',
      scan: './2024-18/D1.jpg',
      regions: [{ of: 'lead', x: 0, y: 0, w: 1, h: 0.5 }],
    });
    expect(page).toEqual({ id: 'D1', scan: './2024-18/D1.jpg', regions: [{ of: 'lead', x: 0, y: 0, w: 1, h: 0.5 }] });
  });

  test('a region of zero width or past the bottom edge is refused', () => {
    const problems = (r: object) =>
      PageSchema.safeParse({ id: 'D1', scan: './x.jpg', regions: [r] }).error?.issues.map((i) => i.message);
    expect(problems({ of: 'lead', x: 0.1, y: 0.1, w: 0, h: 0.2 })).toEqual(['w (the width) must be more than 0']);
    expect(problems({ of: 'lead', x: 0.1, y: 0.8, w: 0.2, h: 0.3 })).toEqual([
      "the region runs past the page's bottom edge (y + h = 1.1, at most 1)",
    ]);
  });
});

describe('the 版面 links', () => {
  test('reading order: each article, the articles set in it, then its city reports', () => {
    const seed = loadIssueFile(SEED_MDX).loaded?.issue;
    expect(seed && readingOrder(seed)).toEqual([...SEED_ANCHORS]);
  });

  test('one link per piece, in reading order whatever order the regions are listed in', () => {
    const issue = fixtureIssue();
    const d1 = issue.pages[0];
    if (!d1) throw new Error('no D1');
    const shuffled = { ...issue, pages: [{ ...d1, regions: [...d1.regions].reverse() }, ...issue.pages.slice(1)] };
    const links = scanLinks(shuffled, 'D1');
    expect(links.map((l) => `${l.anchor} ${l.regions.length} ${l.regionAnchor}`)).toEqual([
      'lead 2 page-d1-scan-lead',
      'compilation 1 page-d1-scan-compilation',
      'editors-note 1 page-d1-scan-editors-note',
      'taiyuan 1 page-d1-scan-taiyuan',
      'datong 1 page-d1-scan-datong',
    ]);
    expect(links[3]?.label).toBe('太原：签约项目12个 测试用报道');
    expect(placesOnScans(issue, 'feature')).toEqual([{ page: 'D2', regionAnchor: 'page-d2-scan-feature' }]);
  });

  test('上一版 and 下一版 step over pages without a scan', () => {
    const issue = fixtureIssue();
    const [d1, d2] = issue.pages;
    if (!d1 || !d2) throw new Error('no D1, D2');
    const three = { ...issue, pages: [d1, { id: 'D2', regions: [] }, { ...d2, id: 'D3' }] };
    expect(neighbourScans(three, 'D1')).toEqual({ next: 'D3' });
    expect(neighbourScans(three, 'D3')).toEqual({ previous: 'D1' });
    expect(neighbourScans(three, 'D2')).toEqual({});
  });
});

describe('the regions editor', () => {
  test('writes a pages: block that the schema reads back to the same regions', () => {
    const pages = [
      {
        id: 'D1',
        scan: './2023-30/D1.jpg',
        regions: [
          { of: 'lead', x: 0.04, y: 0.12, w: 0.6, h: 0.3 },
          { of: 'xinzhou', x: 0.1234567, y: 0.5, w: 0.2, h: 0.25 },
        ],
      },
      { id: 'D2', regions: [] },
    ];
    const text = pagesYaml(pages);
    expect(text).toContain('      - { of: xinzhou, x: 0.123, y: 0.5, w: 0.2, h: 0.25 }');
    expect(text).toContain('  - D2');
    const read = (parse(text) as { pages: unknown[] }).pages.map((p) => PageSchema.parse(p));
    expect(read).toEqual([
      { ...pages[0], regions: [pages[0]?.regions[0], { of: 'xinzhou', x: 0.123, y: 0.5, w: 0.2, h: 0.25 }] },
      { id: 'D2', regions: [] },
    ]);
  });
});

describe('<Photo src>', () => {
  test('a file beside the issue is listed once as a photo (for the image pipeline); the component keeps its src', async () => {
    const source = [
      '<Photo src="./2024-18/d1-photo-1.jpg" alt="图">\n\n说明\n\n</Photo>',
      '<Photo src="./2024-18/d1-photo-1.jpg" alt="再图">\n\n又一说明\n\n</Photo>',
      '<Photo src="../2024-18/d1-photo-2.jpg" alt="上一级">\n\n上一级\n\n</Photo>',
      '<Photo src="https://example.org/x.jpg" alt="外链">\n\n外链\n\n</Photo>',
      '<Photo>\n\n无图\n\n</Photo>',
    ].join('\n\n');
    const { nodes, photos } = await renderIssueBody(source, {}, 'photos.mdx');
    expect(photos).toEqual(['./2024-18/d1-photo-1.jpg', '../2024-18/d1-photo-2.jpg']);
    const shown = nodes.flatMap((n) => (n.type === 'component' && n.name === 'Photo' ? [n.props] : []));
    expect(shown).toEqual([
      { src: './2024-18/d1-photo-1.jpg', alt: '图' },
      { src: './2024-18/d1-photo-1.jpg', alt: '再图' },
      { src: '../2024-18/d1-photo-2.jpg', alt: '上一级' },
      // Not a file beside the issue, so not a photo the page can show (the check refuses it).
      { src: 'https://example.org/x.jpg', alt: '外链' },
      {},
    ]);
  });

  test('an issue without photo files lists none', async () => {
    const plain = seedMdx().split('\n---\n').slice(1).join('\n---\n');
    expect((await renderIssueBody(plain, {}, 'seed.mdx')).photos).toEqual([]);
  });
});
