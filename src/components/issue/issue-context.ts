/**
 * The MDX components (`<Article id>`, `<CityReport city>`, `<Page id>`) find their metadata in the
 * issue's front-matter, and `<Page>` its scan. The issue page puts both into `Astro.locals`
 * before rendering the MDX.
 */
import type { AstroGlobal, ImageMetadata } from 'astro';
import type { FigureSource } from '#lib/figures/sources.ts';
import type { Issue } from '#schemas/issue.ts';

/** Page (版) → its scan as Astro's image pipeline read it; pages without a scan are absent. */
export type PageScans = Readonly<Record<string, ImageMetadata>>;

export function provideIssue(
  astro: AstroGlobal,
  issue: Issue,
  scans: PageScans = {},
  figureSources: readonly FigureSource[] = [],
): void {
  astro.locals.issue = issue;
  astro.locals.scans = scans;
  astro.locals.figureSources = figureSources;
}

/** The anchors of the figures a heading line of the report `anchor` states (line 0-based), outermost first. */
export function headlineFigureIds(astro: AstroGlobal, anchor: string, line: number): string[] {
  return (astro.locals.figureSources ?? []).filter((s) => s.in === anchor && s.headline === line).map((s) => s.id);
}

export function currentIssue(astro: AstroGlobal, component: string): Issue {
  const issue = astro.locals.issue;
  if (!issue) throw new Error(`<${component}> is only used inside an issue's MDX, rendered by the issue page`);
  return issue;
}

export function currentScans(astro: AstroGlobal): PageScans {
  return astro.locals.scans ?? {};
}
