/**
 * The `<link rel="preload">` of each search bundle's metadata, put into the built search page's
 * head (src/lib/build/search-preload-fs.ts says why).
 */

/** A bundle's path under the base (`pagefind/closed/`) and its `pagefind-entry.json` as written. */
export interface BundleEntry {
  path: string;
  entry: string;
}

/** `html` with a preload of every language's metadata of every bundle, just before `</head>`. */
export function searchMetaPreloads(html: string, base: string, bundles: readonly BundleEntry[]): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const links = bundles.flatMap(({ path, entry }) => {
    const { languages } = JSON.parse(entry) as { languages: Record<string, { hash: string }> };
    return Object.values(languages).map(
      ({ hash }) =>
        `<link rel="preload" href="${root}${path}pagefind.${hash}.pf_meta" as="fetch" crossorigin="anonymous">`,
    );
  });
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('the search page has no </head> to put its metadata preloads in');
  return html.slice(0, at) + links.join('') + html.slice(at);
}
