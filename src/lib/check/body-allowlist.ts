/**
 * What an issue body may carry: the elements, the attributes each may have, and the links they
 * may hold. The content check refuses anything else at its line (src/lib/check/body.ts); the
 * build's sanitizer (src/markdown/rehype-sanitize-body.ts) removes it as well, so no page
 * carries script even if the check is bypassed.
 */
import { parseEntities } from 'parse-entities';

/** The components an issue may use: those src/components/mdx/IssueBody.astro renders. */
export const MDX_COMPONENTS = ['Page', 'Article', 'CityReport', 'Photo'] as const;

/** Plain HTML an editor may use inside the text: phrasing elements that render as they are. */
export const HTML_ELEMENTS = [
  'a',
  'b',
  'br',
  'em',
  'i',
  'mark',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'u',
] as const;

/** Every attribute an element written in the body may have. */
export const BODY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  Page: ['id'],
  Article: ['id'],
  CityReport: ['city', 'id'],
  Photo: ['src', 'alt'],
  a: ['href', 'title', 'id', 'translate'],
  // translate="no" keeps a code or name from the CJK spacing (src/markdown/rehype-cjk-spacing.ts).
  ...Object.fromEntries(HTML_ELEMENTS.filter((e) => e !== 'a').map((e) => [e, ['id', 'title', 'translate']])),
};

/** Attributes naming a file that stands beside the issue (`<Photo src="./2024-18/d1-photo-1.jpg">`). */
export const FILE_ATTRIBUTES = ['src'] as const;

/** Why a file reference is refused: it must be a path beside the issue, never a URL of any scheme. */
export function refusedFile(value: string): string | undefined {
  const path = decodeReferences(value).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')
    ? `"${short(value)}" is a URL; a file is named by its path beside the issue, e.g. ./2024-18/d1-photo-1.jpg`
    : undefined;
}

/** Attributes holding a link a reader can follow. */
export const LINK_ATTRIBUTES = ['href'] as const;

/** The schemes a link may use; anything else (javascript:, data:, vbscript:, file:, …) is refused. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/** The value with the character references a browser decodes in an attribute before reading the scheme (`&#106;avascript:`). */
const decodeReferences = (value: string) => parseEntities(value, { attribute: true });

/**
 * Why a link is refused, or undefined when it is one a reader may follow: http:, https: or
 * mailto: (in any letter case), a path from the site root (`/issues/2024/18/`) or an anchor
 * (`#xinzhou`). Entities, control characters and whitespace that browsers ignore inside a
 * scheme are read as a browser reads them.
 */
export function refusedLink(value: string): string | undefined {
  const url = decodeReferences(value).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined) {
    return (LINK_PROTOCOLS as readonly string[]).includes(scheme)
      ? undefined
      : `the link "${short(value)}" uses ${scheme}:, which can run script or hide content; a link must be http:, https:, mailto:, a path from the site root (/…) or an anchor (#…)`;
  }
  if (url.startsWith('#') || (url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\'))) return undefined;
  return `the link "${short(value)}" is neither http:, https:, mailto:, a path from the site root (/…) nor an anchor (#…)`;
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

/** Why an attribute written on `element` is refused, or undefined when it is allowed. */
export function refusedAttribute(element: string, name: string): string | undefined {
  const allowed = BODY_ATTRIBUTES[element] ?? [];
  if (allowed.includes(name)) return undefined;
  const expected = allowed.length > 0 ? `; <${element}> may have ${allowed.join(', ')}` : '';
  if (/^on/i.test(name)) return `<${element} ${name}>: event handlers run script, and an issue carries none${expected}`;
  if (name === 'style')
    return `<${element} style>: an issue carries no styles of its own (the archive's CSS lays it out)${expected}`;
  return `<${element} ${name}>: the attribute ${name} is not allowed${expected || `; <${element}> takes no attributes`}`;
}
