/**
 * GB/T 7714-2015 references for what the archive holds, built only from facts in the content.
 * Pure: no Astro imports.
 *
 *   张巨峰. 全省开发区2024年第二次“三个一批”活动暨全省重点工程项目调度会举行[N]. 科学导报, 2024(18): D1.
 *
 * GB/T 7714 cites a newspaper article as `作者. 题名[N]. 报纸名, 出版日期(版次).` When an issue's
 * date is known to the day we use exactly that; when it is not (the seed prints none) we cite the
 * issue by year and number, `报纸名, 年(期): 版次.`, rather than guess a date. An article without
 * a byline starts with its title, as the standard allows. Subtitles (副题) are left out, as in the
 * paper's own tables of contents; the part of a compilation (an 编前语) is cited as
 * `合集题名: 部分题名`, the standard's `题名: 其他题名信息`.
 */
import { cityName } from '#data/cities.ts';
import type { Article } from '#schemas/article.ts';
import type { CityReport } from '#schemas/city-report.ts';
import type { Issue } from '#schemas/issue.ts';

type CitedIssue = Pick<Issue, 'year' | 'number' | 'publication' | 'articles'> & { date?: string | undefined };

/** GB/T 7714 lists up to three authors, then `等`. */
function authorPart(names: readonly string[]): string {
  if (names.length === 0) return '';
  const listed = names.slice(0, 3).join(', ');
  return `${names.length > 3 ? `${listed}, 等` : listed}. `;
}

const hasFullDate = (issue: CitedIssue): issue is CitedIssue & { date: string } =>
  issue.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(issue.date);

/**
 * `科学导报, 2024(18): D1.` by year and number; `科学导报, 2024-05-10(D1).` when the day is known.
 * Without pages: `科学导报, 2024(18).`
 */
function sourcePart(issue: CitedIssue, pages: readonly string[]): string {
  const list = pages.join(', ');
  if (hasFullDate(issue)) return `${issue.publication}, ${issue.date}${list ? `(${list})` : ''}.`;
  return `${issue.publication}, ${issue.year}(${issue.number})${list ? `: ${list}` : ''}.`;
}

/** The reference for one article of an issue. */
export function articleCitation(issue: CitedIssue, article: Article): string {
  const parent = article.partOf ? issue.articles.find((a) => a.id === article.partOf) : undefined;
  const title = parent ? `${parent.title}: ${article.title}` : article.title;
  return `${authorPart(article.byline)}${title}[N]. ${sourcePart(issue, [article.page])}`;
}

/**
 * The reference for one city report: its reporter as author, its printed heading
 * (`忻州：项目总数61个 总投资148.17亿元`) as title, the page of the compilation it sits in,
 * plus the page it continues on when the front-matter says so.
 */
export function cityReportCitation(issue: CitedIssue, report: CityReport): string {
  const name = cityName(report.city);
  const title = `${name}：${report.headline.join(' ')}`;
  const page = report.article ? issue.articles.find((a) => a.id === report.article)?.page : undefined;
  const pages = [page, report.continuedOn].filter((p): p is string => p !== undefined && p !== '');
  return `${authorPart(report.reporter ? [report.reporter] : [])}${title}[N]. ${sourcePart(issue, [...new Set(pages)])}`;
}

/** The reference for a whole issue: `开发区建设专刊[N]. 科学导报, 2024(18).` */
export function issueCitation(issue: CitedIssue): string {
  return `开发区建设专刊[N]. ${sourcePart(issue, [])}`;
}
