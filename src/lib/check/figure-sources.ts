/**
 * Each figure's place: the issue page marks, and every table links to, the one clause that
 * states a figure (src/lib/figures/sources.ts). A figure the text does not state at all is the
 * figures ↔ text check's error; here, a figure the text states in two places, neither of them a
 * heading line, until the front-matter's `sources` names the clause meant.
 */
import { cityName } from '#data/cities.ts';
import { provinceFigureSources, reportFigureSources, type UnplacedFigure } from '#lib/figures/sources.ts';
import type { LoadedIssue } from '#lib/source/loaded-issue.ts';
import { formatFigure } from '#schemas/figures.ts';
import type { Problem } from './problem.ts';

const ambiguity = (u: UnplacedFigure, example: string) =>
  `${formatFigure(u.key, u.value)} is stated in ${u.quotes.length} places (${u.quotes.map((q) => `“${q}”`).join(', ')}), so no table can link to one; name the clause meant under sources, e.g. ${example}`;

export function checkFigureSources({ file, issue, body, lineOf }: LoadedIssue): Problem[] {
  const problems: Problem[] = [];
  const at = (path: PropertyKey[], field: string, message: string) => {
    const line = lineOf(path) ?? lineOf(path.slice(0, 2));
    problems.push({ severity: 'error', file, ...(line === undefined ? {} : { line }), field, message });
  };
  issue.cityReports.forEach((report, i) => {
    const anchor = report.id ?? report.city;
    const section = body.sections.find((s) => s.component === 'CityReport' && s.anchor === anchor);
    if (!section) return; // the body ↔ front-matter check says so
    const name = cityName(report.city);
    for (const u of reportFigureSources({ ...report, anchor }, section.text).unplaced) {
      if (u.why !== 'ambiguous') continue;
      const example = `sources: { ${u.part}.${u.key}: ${u.quotes[0]} }`;
      at(['cityReports', i, u.part, u.key], `cityReports[${i}] ${name} ${u.part}.${u.key}`, ambiguity(u, example));
    }
  });
  const articles = body.sections.filter((s) => s.component === 'Article');
  issue.rounds.forEach((round, r) => {
    for (const u of provinceFigureSources(round, articles).unplaced) {
      if (u.why !== 'ambiguous') continue;
      const example = `sources: { ${u.part}.${u.key}: ${u.quotes[0]} }`;
      at(['rounds', r, 'province', u.part, u.key], `rounds[${r}] province ${u.part}.${u.key}`, ambiguity(u, example));
    }
  });
  return problems;
}
