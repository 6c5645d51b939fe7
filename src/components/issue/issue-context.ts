/**
 * The MDX components (`<Article id>`, `<CityReport city>`) find their metadata in the issue's
 * front-matter. The issue page puts the issue into `Astro.locals` before rendering the MDX.
 */
import type { AstroGlobal } from 'astro';
import type { Issue } from '#schemas/issue.ts';

export function provideIssue(astro: AstroGlobal, issue: Issue): void {
  astro.locals.issue = issue;
}

export function currentIssue(astro: AstroGlobal, component: string): Issue {
  const issue = astro.locals.issue;
  if (!issue) throw new Error(`<${component}> is only used inside an issue's MDX, rendered by the issue page`);
  return issue;
}
