import { cityName } from '#data/cities.ts';
import type { LoadedIssue } from '#lib/source/loaded-issue.ts';
import type { Problem } from './problem.ts';

/** Every article and city report in the front-matter has its element in the body, and back. */
export function checkBodyMatchesFrontmatter({ file, issue, body, lineOf }: LoadedIssue): Problem[] {
  const problems: Problem[] = [];
  const declared = new Map<string, string>();
  issue.articles.forEach((a, i) => declared.set(`Article#${a.id}`, `articles[${i}]`));
  issue.cityReports.forEach((r, i) =>
    declared.set(`CityReport#${r.id ?? r.city}`, `cityReports[${i}] ${cityName(r.city)}`),
  );
  const seen = new Set<string>();
  for (const s of body.sections) {
    const key = `${s.component}#${s.anchor}`;
    if (seen.has(key)) {
      problems.push({
        severity: 'error',
        file,
        line: s.line,
        message: `<${s.component}> "${s.anchor}" appears twice in the text; each article and city report appears once`,
      });
    }
    seen.add(key);
    if (!declared.has(key)) {
      const hint = s.component === 'Article' ? `articles (id: ${s.anchor})` : `cityReports (city: ${s.anchor})`;
      problems.push({
        severity: 'error',
        file,
        line: s.line,
        message: `<${s.component}> "${s.anchor || '(no id)'}" in the text has no entry under ${hint} in the front-matter`,
      });
    }
  }
  const pagesInText = new Set(body.pages.map((p) => p.id));
  const pageIds = issue.pages.map((p) => p.id);
  for (const p of body.pages) {
    if (!pageIds.includes(p.id)) {
      problems.push({
        severity: 'error',
        file,
        line: p.line,
        message: `<Page id="${p.id}"> is not listed under pages (${pageIds.join(', ')}) in the front-matter`,
      });
    }
  }
  pageIds.forEach((page, i) => {
    if (!pagesInText.has(page)) {
      const line = lineOf(['pages', i]);
      problems.push({
        severity: 'error',
        file,
        ...(line === undefined ? {} : { line }),
        field: `pages[${i}]`,
        message: `page ${page} is listed but the text has no <Page id="${page}"> holding it`,
      });
    }
  });
  for (const [key, field] of declared) {
    if (!seen.has(key)) {
      const [component, anchor] = key.split('#');
      const line = lineOf([
        field.startsWith('articles') ? 'articles' : 'cityReports',
        Number(/\[(\d+)\]/.exec(field)?.[1]),
      ]);
      problems.push({
        severity: 'error',
        file,
        ...(line === undefined ? {} : { line }),
        field,
        message: `declared in the front-matter but the text has no <${component} ${component === 'Article' ? 'id' : 'city'}="${anchor}"> holding its text`,
      });
    }
  }
  return problems;
}
