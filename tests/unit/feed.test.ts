/**
 * The feeds hold the latest items only, newest first: the main feed its issues, articles and
 * city reports, a city's feed that city's reports. The archive is the seed plus test-only
 * copies of it, marked synthetic.
 */
import { describe, expect, test } from 'vitest';
import { FEED_LIMIT, cityFeedItems, feedItems } from '#lib/publish/feed.ts';
import { newestFirst } from '#lib/archive/order.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import type { Issue } from '#schemas/issue.ts';
import { SEED_MDX } from '../support/seed.ts';

const { loaded } = loadIssueFile(SEED_MDX);
if (!loaded) throw new Error('the seed does not load');
const seed: Issue = loaded.issue;

/** The seed and 19 synthetic copies numbered 1–19 of 2025, newest first: 20 × 9 = 180 items. */
const issues = newestFirst([
  seed,
  ...Array.from({ length: 19 }, (_, i): Issue => ({ ...seed, year: 2025, number: i + 1, synthetic: true })),
]);

describe('the main feed', () => {
  test('the seed alone: the issue, its two articles and six city reports', () => {
    expect(feedItems([seed]).map((i) => i.path)).toEqual([
      '/issues/2024/18/',
      '/issues/2024/18/#lead',
      '/issues/2024/18/#compilation',
      '/issues/2024/18/#taiyuan',
      '/issues/2024/18/#xinzhou',
      '/issues/2024/18/#yangquan',
      '/issues/2024/18/#shuozhou',
      '/issues/2024/18/#jinzhong',
      '/issues/2024/18/#lvliang',
    ]);
  });

  test(`holds the latest ${FEED_LIMIT} items, starting with the newest issue`, () => {
    const items = feedItems(issues);
    expect(items).toHaveLength(FEED_LIMIT);
    expect(items[0]?.title).toBe('《开发区建设》专刊 2025年第19期');
    expect(items.some((i) => i.path.startsWith('/issues/2024/'))).toBe(false);
    // Five whole issues (19–15, nine items each), then the first five items of 第14期.
    expect(items.at(-1)?.path).toBe('/issues/2025/14/#xinzhou');
  });
});

describe('a city feed', () => {
  test(`holds only that city's reports, newest first, at most ${FEED_LIMIT}`, () => {
    const few = cityFeedItems(issues, 'xinzhou', 5);
    expect(few.map((i) => i.path)).toEqual([19, 18, 17, 16, 15].map((n) => `/issues/2025/${n}/#xinzhou`));
    expect(few[0]).toMatchObject({ title: '忻州：项目总数61个 总投资148.17亿元', creators: ['畅雪'] });
    const all = cityFeedItems(issues, 'xinzhou');
    expect(all).toHaveLength(20);
    expect(all.at(-1)?.path).toBe('/issues/2024/18/#xinzhou');
    expect(cityFeedItems(issues, 'datong')).toEqual([]);
  });
});
