/**
 * The RSS items: each issue, then each of its articles and city reports, linking to their
 * anchors on the issue page. No pubDate unless the issue states its date (the seed does not);
 * RSS 2.0 makes pubDate optional, and a made-up date would mislead readers and aggregators.
 * A feed holds the latest FEED_LIMIT items: readers poll it whole, so it must not grow with
 * the archive.
 */
import { cityName } from '#data/cities.ts';
import type { CityReport } from '#schemas/city-report.ts';
import type { Issue } from '#schemas/issue.ts';
import { issueLabel } from '#schemas/issue.ts';
import { issueAnchorPath, issuePath } from '#lib/site/routes.ts';

export interface FeedItem {
  title: string;
  /** Site path (without base) of the item, anchors included. */
  path: string;
  description: string;
  /** Reporters, for `<dc:creator>`. */
  creators: string[];
  /** The issue's date when the content states one (`2024`, `2024-05` or `2024-05-10`). */
  date?: string;
}

/** How many items a feed holds: the latest ones. */
export const FEED_LIMIT = 50;

const dateOf = (issue: Issue) => (issue.date ? { date: issue.date } : {});

function reportItem(issue: Issue, r: CityReport): FeedItem {
  return {
    title: `${cityName(r.city)}：${r.headline.join(' ')}`,
    path: issueAnchorPath(issue, r.id ?? r.city),
    description: [r.venue ? `分会场：${r.venue}` : undefined, issueLabel(issue)].filter((x) => x).join(' · '),
    creators: r.reporter ? [r.reporter] : [],
    ...dateOf(issue),
  };
}

/**
 * The main feed, for issues given newest first: each issue, then its articles and city reports
 * in reading order; the latest `limit` items.
 */
export function feedItems(issues: readonly Issue[], limit = FEED_LIMIT): FeedItem[] {
  const items: FeedItem[] = [];
  for (const issue of issues) {
    if (items.length >= limit) break;
    items.push(...issueItems(issue));
  }
  return items.slice(0, limit);
}

/** A city's feed, for issues given newest first: its city reports, the latest `limit`. */
export function cityFeedItems(issues: readonly Issue[], city: string, limit = FEED_LIMIT): FeedItem[] {
  const items: FeedItem[] = [];
  for (const issue of issues) {
    if (items.length >= limit) break;
    for (const r of issue.cityReports) if (r.city === city) items.push(reportItem(issue, r));
  }
  return items.slice(0, limit);
}

/** An issue's items: the issue, its articles (not those inside a compilation), its city reports. */
function issueItems(issue: Issue): FeedItem[] {
  const label = issueLabel(issue);
  const dated = dateOf(issue);
  const top = issue.articles.filter((a) => !a.partOf);
  const issueItem: FeedItem = {
    title: `《开发区建设》专刊 ${label}`,
    path: issuePath(issue),
    description: `${label}，${issue.pages.map((p) => p.id).join('、')}版：${top.map((a) => a.title).join('；')}`,
    creators: [],
    ...dated,
  };
  const articles = top.map((a): FeedItem => ({
    title: a.title,
    path: issueAnchorPath(issue, a.id),
    description: [a.kicker, a.subtitle, `${label} ${a.page}版`].filter((x) => x).join(' · '),
    creators: a.byline,
    ...dated,
  }));
  const reports = issue.cityReports.map((r) => reportItem(issue, r));
  return [issueItem, ...articles, ...reports];
}

/** A partial date as RSS needs it: only a full day is a date we can state. */
export function feedDate(date: string | undefined): Date | undefined {
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00+08:00`) : undefined;
}
