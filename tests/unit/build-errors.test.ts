import { describe, expect, test } from 'vitest';
import { describeError, hideStackFrames, stripStackFrames } from '../../scripts/lib/output.ts';

/** How Astro logged an error thrown while rendering an issue page (Astro 7.3, captured). */
const RENDER_ERROR = `01:42:18 [ERROR] Error: Expected component \`Chart\` to be defined: you likely forgot to import, pass, or provide it.
    at _missingMdxReference (file:///work/main/.astro/.prerender/chunks/2024-18_Di-XRazM.mjs:965:8)
    at _createMdxContent (file:///work/main/.astro/.prerender/chunks/2024-18_Di-XRazM.mjs:351:14)
    at async renderComponentToString (file:///work/main/.astro/.prerender/chunks/jsx-runtime_CgoVUPa1.mjs:2169:26)
01:42:18 [ERROR] [build] Caught error rendering /issues/2024/18/: Error: Expected component \`Chart\` to be defined`;

describe('what a failed build prints', () => {
  test('a rendering error keeps its message and the page it names, without stack frames', () => {
    expect(stripStackFrames(RENDER_ERROR))
      .toBe(`01:42:18 [ERROR] Error: Expected component \`Chart\` to be defined: you likely forgot to import, pass, or provide it.
01:42:18 [ERROR] [build] Caught error rendering /issues/2024/18/: Error: Expected component \`Chart\` to be defined`);
  });

  test('text that merely contains "at" is left alone', () => {
    const text = 'look at the page\n  at least one issue';
    expect(stripStackFrames(text)).toBe(text);
  });

  test('a stream wrapped by hideStackFrames never writes a frame', () => {
    const written: unknown[] = [];
    const stream = { write: (chunk: unknown) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
    hideStackFrames(stream);
    stream.write(RENDER_ERROR);
    stream.write(new Uint8Array([104, 105]));
    expect(written.join('\n')).not.toMatch(/^\s+at /m);
    expect(written[0]).toContain('Caught error rendering /issues/2024/18/');
    expect(written[1]).toEqual(new Uint8Array([104, 105]));
  });

  test('an Astro error gives its file, line and hint; an invalid config its fields', () => {
    const astro = Object.assign(new Error('Could not parse the MDX'), {
      loc: { file: 'content/issues/2024-18.mdx', line: 57 },
      hint: 'Check the tag',
    });
    expect(describeError(astro)).toBe('content/issues/2024-18.mdx:57: Could not parse the MDX\nhint: Check the tag');
    const config = Object.assign(new Error('[{"path":["site"]}]'), {
      issues: [{ path: ['site'], message: 'Invalid URL' }],
    });
    expect(describeError(config)).toBe('site: Invalid URL');
    expect(describeError(new Error('outer', { cause: new Error('inner') }))).toBe('outer\n(cause: inner)');
  });
});
