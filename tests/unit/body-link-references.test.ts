/**
 * A link in an issue body is judged as a browser reads it: character references decoded first
 * (parse-entities, as in an HTML attribute), so no reference hides a script scheme, and none
 * makes the check itself fail.
 */
import { describe, expect, test } from 'vitest';
import { refusedLink } from '#lib/check/body-allowlist.ts';

describe('links written with character references', () => {
  test.each([
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#106avascript:alert(1)',
    'javascript&colon;alert(1)',
    'java&Tab;script:alert(1)',
    'java&NewLine;script:alert(1)',
  ])('%s is a javascript: link', (value) => {
    expect(refusedLink(value)).toMatch(/uses javascript:/);
  });

  test('a reference in an allowed link keeps it allowed', () => {
    expect(refusedLink('https://example.org/?a=1&amp;b=2')).toBeUndefined();
    expect(refusedLink('/issues/2024/18/#lead')).toBeUndefined();
  });

  test('a reference to no character is refused, not an error', () => {
    expect(() => refusedLink('&#x110000;')).not.toThrow();
    expect(refusedLink('&#x110000;')).toMatch(/is neither http:/);
  });
});
