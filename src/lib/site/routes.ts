/** Site paths, without the base path (components add it through `href`). */
import type { Issue } from '#schemas/issue.ts';

export const issuePath = (i: Pick<Issue, 'year' | 'number'>) => `/issues/${i.year}/${i.number}/`;
export const issueAnchorPath = (i: Pick<Issue, 'year' | 'number'>, anchor: string) => `${issuePath(i)}#${anchor}`;
export const cityPath = (slug: string) => `/cities/${slug}/`;
export const roundPath = (id: string) => `/rounds/${id}/`;
export const pageAnchor = (page: string) => `page-${page.toLowerCase()}`;
export const issueYearPath = (year: number) => `/issues/${year}/`;
export const cityYearPath = (slug: string, year: number) => `/cities/${slug}/${year}/`;
export const cityFeedPath = (slug: string) => `/cities/${slug}/rss.xml`;
/** The page's scan (版面) on the issue page. */
export const pageScanAnchor = (page: string) => `${pageAnchor(page)}-scan`;
/** An article's or city report's place on its page's scan: the link from the scan to its text. */
export const regionAnchor = (page: string, piece: string) => `${pageScanAnchor(page)}-${piece}`;
/** Where the regions editor lives on the dev server (src/integrations/region-editor.ts injects it there). */
export const REGION_EDITOR_PATH = '/_editor/regions/';
