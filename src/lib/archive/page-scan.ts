/**
 * The 版面 view: which articles and city reports a page scan links to, in reading order, and
 * where on the scans each piece of text is printed (for its link back to the page).
 */
import { cityName } from '#data/cities.ts';
import type { Issue } from '#schemas/issue.ts';
import type { Region } from '#schemas/page.ts';
import { regionAnchor } from '#lib/site/routes.ts';

/** An article or city report as the scan links to it. */
export interface ScanLink {
  /** Its anchor on the issue page (`lead`, `xinzhou`). */
  anchor: string;
  /** The id of its place on the scan, which its text links back to. */
  regionAnchor: string;
  /** What a screen reader announces: the headline as printed. */
  label: string;
  /** Its rectangles on the page, as the front-matter lists them. */
  regions: Region[];
}

/**
 * Anchors in the order a reader meets them in the text: each top-level article, then the
 * articles set inside it (an 编前语) and its city reports; reports outside any article last.
 */
export function readingOrder(issue: Pick<Issue, 'articles' | 'cityReports'>): string[] {
  const order: string[] = [];
  const reportsOf = (article: string | undefined) =>
    issue.cityReports.filter((r) => r.article === article).map((r) => r.id ?? r.city);
  for (const a of issue.articles.filter((x) => x.partOf === undefined)) {
    order.push(a.id, ...issue.articles.filter((x) => x.partOf === a.id).map((x) => x.id), ...reportsOf(a.id));
  }
  order.push(...reportsOf(undefined));
  return order;
}

/** The headline of an article, or `忻州：项目总数61个 总投资148.17亿元` for a city report. */
export function pieceLabel(issue: Pick<Issue, 'articles' | 'cityReports'>, anchor: string): string {
  const article = issue.articles.find((a) => a.id === anchor);
  if (article) return article.title;
  const report = issue.cityReports.find((r) => (r.id ?? r.city) === anchor);
  return report ? `${cityName(report.city)}：${report.headline.join(' ')}` : anchor;
}

/** One link per article or city report with regions on the page, in reading order. */
export function scanLinks(issue: Issue, pageId: string): ScanLink[] {
  const page = issue.pages.find((p) => p.id === pageId);
  if (!page || page.scan === undefined) return [];
  const order = readingOrder(issue);
  const anchors = [...new Set(page.regions.map((r) => r.of))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return anchors.map((anchor) => ({
    anchor,
    regionAnchor: regionAnchor(page.id, anchor),
    label: pieceLabel(issue, anchor),
    regions: page.regions.filter((r) => r.of === anchor),
  }));
}

/** Where a piece of text is printed: the id of its place on each scan that shows it. */
export function placesOnScans(issue: Issue, anchor: string): { page: string; regionAnchor: string }[] {
  return issue.pages
    .filter((p) => p.scan !== undefined && p.regions.some((r) => r.of === anchor))
    .map((p) => ({ page: p.id, regionAnchor: regionAnchor(p.id, anchor) }));
}

/** The pages before and after `pageId` that have a scan: 上一版 / 下一版. */
export function neighbourScans(issue: Issue, pageId: string): { previous?: string; next?: string } {
  const scanned = issue.pages.filter((p) => p.scan !== undefined).map((p) => p.id);
  const i = scanned.indexOf(pageId);
  const previous = i > 0 ? scanned[i - 1] : undefined;
  const next = i >= 0 ? scanned[i + 1] : undefined;
  return { ...(previous ? { previous } : {}), ...(next ? { next } : {}) };
}
