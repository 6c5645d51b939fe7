import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '#lib/site/csp.ts';

describe('the Content-Security-Policy', () => {
  const meta = contentSecurityPolicy('meta');
  const header = contentSecurityPolicy('header');

  test('allows nothing inline and no eval but WebAssembly compilation (Pagefind)', () => {
    for (const p of [meta, header]) {
      expect(p).not.toContain("'unsafe-inline'");
      expect(p).not.toContain("'unsafe-eval'");
      expect(p).toMatch(/(^|; )script-src 'self' 'wasm-unsafe-eval'(;|$)/);
      expect(p).toMatch(/(^|; )default-src 'self'(;|$)/);
    }
  });

  test('leaves frame-ancestors out of the <meta> form, where browsers ignore it, and keeps it in the header', () => {
    expect(meta).not.toContain('frame-ancestors');
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
  });
});
