/** html-validate over built pages with the project's rules (.htmlvalidate.json): one line per error. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { ROOT } from './root.ts';
import type { SitePage } from './site-crawl.ts';

export async function htmlErrors(pages: readonly Omit<SitePage, 'file'>[]): Promise<string[]> {
  const validator = new HtmlValidate(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')));
  const errors: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(page.html, page.url);
    for (const r of report.results)
      for (const m of r.messages) errors.push(`${page.url}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return errors;
}
