/**
 * What stands in for a value in the template `npm run new-issue` writes (src/lib/import/template.ts);
 * the check refuses any front-matter value holding it (src/lib/check/yaml-values.ts), so a
 * template is never published as an issue.
 */
export const PLACEHOLDER = 'TODO';
