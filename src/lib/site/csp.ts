/**
 * The archive's Content-Security-Policy: everything from our own origin, nothing inline.
 * Base.astro emits it as a <meta> tag so it holds on any static host; hosts that can set
 * headers should send `contentSecurityPolicy('header')` too (README, "Deploy"), which adds
 * what a <meta> policy cannot carry.
 */
const DIRECTIVES: readonly (readonly [name: string, sources: string, headerOnly?: boolean])[] = [
  ['default-src', "'self'"],
  // Pagefind compiles its WebAssembly search engine in the browser.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // Stylesheets are files (build.inlineStylesheets: 'never'), so no 'unsafe-inline'.
  ['style-src', "'self'"],
  // data: for the icons Pagefind's UI stylesheet embeds as data:image/svg+xml (images cannot run code).
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  // Browsers ignore (and warn about) frame-ancestors in a <meta> policy: header only.
  ['frame-ancestors', "'none'", true],
];

/** The policy as a `<meta http-equiv>` carries it, or as the `Content-Security-Policy` header. */
export function contentSecurityPolicy(delivery: 'meta' | 'header'): string {
  return DIRECTIVES.filter(([, , headerOnly]) => delivery === 'header' || !headerOnly)
    .map(([name, sources]) => `${name} ${sources}`)
    .join('; ');
}
