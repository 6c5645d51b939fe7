/**
 * Images beside an issue: what decoding finds that a header does not (a file cut short, damaged
 * data, more pixels than the limit, refused from the header before anything decodes it), paths
 * followed through `..` and links and kept to the issue's folder, and the build's image service,
 * which fails where Astro's own would publish an image unoptimised, named at the issue's line.
 * In the build project because the check decodes images in a Node process of its own
 * (src/lib/check/image-decode.ts), and the unit project runs no process.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pngFile } from '../support/png.ts';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { decodedImageProblem } from '#lib/check/image-decode-fs.ts';
import { imageFailureProblems } from '#lib/check/image-failure-fs.ts';
import { IMAGE_DIGEST_PROPERTY, MAX_IMAGE_PIXELS } from '#lib/check/image-rules.ts';
import { checkImages, decodeImages } from '#lib/check/images-fs.ts';
import { formatProblem } from '#lib/check/problem.ts';
import { loadIssueFile } from '#lib/check/content-check-fs.ts';
import imageService from '../../src/integrations/image-service.ts';
import { seedEdited } from '../fixtures/bad-inputs/cases.ts';
import { contentFolder, type ContentFile } from '../support/content.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((d) => rmSync(d, { recursive: true, force: true })));
const folder = (files: Record<string, ContentFile>) => {
  const dir = contentFolder(files);
  folders.push(dir);
  return dir;
};

/**
 * A 300 × 200 image of noise, the same every run (a fixed pseudo-random sequence): how a damaged
 * file decodes depends on its bytes, so the test's files must not change between runs.
 */
const NOISE = (() => {
  const pixels = Buffer.alloc(300 * 200 * 3);
  let x = 12345;
  for (let i = 0; i < pixels.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    pixels[i] = x >>> 24;
  }
  return sharp(pixels, { raw: { width: 300, height: 200, channels: 3 } });
})();
const jpeg = await NOISE.clone().jpeg().toBuffer();
const png = await NOISE.clone().png().toBuffer();

/** A PNG whose header claims `width` × `height` and whose image data is empty (no pixel in it). */
function pngClaiming(width: number, height: number): Buffer {
  return pngFile(width, height, 8, 2, Buffer.alloc(0));
}

describe('decoding an image in full', () => {
  const dir = folder({});
  const file = (name: string, bytes: Buffer) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };

  test('a whole JPEG and PNG pass', async () => {
    expect(await decodedImageProblem(file('ok.jpg', jpeg))).toBeNull();
    expect(await decodedImageProblem(file('ok.png', png))).toBeNull();
  });

  test('a JPEG cut short, and one with damaged data inside, are refused', async () => {
    expect(await decodedImageProblem(file('cut.jpg', jpeg.subarray(0, jpeg.length >> 1)))).toBe(
      'is damaged or cut short (VipsJpeg: premature end of JPEG image); export it again from the original',
    );
    const damaged = Buffer.from(jpeg);
    for (let i = damaged.length >> 1; i < (damaged.length >> 1) + 64; i++) damaged[i] = (damaged[i] ?? 0) ^ 0xff;
    expect(await decodedImageProblem(file('damaged.jpg', damaged))).toMatch(/^is damaged or cut short \(VipsJpeg: /);
  });

  test('an image over the pixel limit is refused from its header, before any decoding', async () => {
    // No image data at all: decoding would fail as damaged; the size is what is named.
    expect(await decodedImageProblem(file('huge.png', pngClaiming(30000, 30000)))).toBe(
      'is 30000 × 30000 pixels (900 megapixels); an image may have at most 50 megapixels (a broadsheet page scanned at 300 dpi has about 30): save it smaller',
    );
    expect(MAX_IMAGE_PIXELS).toBe(50_000_000);
    expect(await decodedImageProblem(file('edge.png', pngClaiming(5000, 10001)))).toMatch(/^is 5000 × 10001 pixels/);
  });

  test('the pages of a TIFF (or frames of an animation) count together', async () => {
    const create = { width: 2000, height: 2000 * 13, channels: 3, background: '#fff', pageHeight: 2000 } as const;
    const pages = await sharp({ create }).tiff({ compression: 'deflate' }).toBuffer();
    expect(await decodedImageProblem(file('pages.tiff', pages))).toMatch(
      /^is 2000 × 2000 pixels in 13 frames or pages \(52 megapixels\); an image may have at most 50 megapixels/,
    );
  });

  test('what is not an image, or not one the build takes', async () => {
    const expected = 'expected one of jpg, png, webp, avif, tiff, gif';
    expect(await decodedImageProblem(file('text.png', Buffer.from('not a picture')))).toBe(
      `is not a readable image; ${expected}`,
    );
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(await decodedImageProblem(file('vector.png', svg))).toBe(`is a svg image; ${expected}`);
  });

  test('each file is decoded once, however often it is named', () => {
    const ok = file('once.png', png);
    expect([...decodeImages([ok, ok, ok])]).toEqual([[ok, null]]);
    expect(decodeImages([]).size).toBe(0);
  });
});

describe('paths confined to the issue folder', () => {
  const check = (files: Record<string, ContentFile>) => {
    const dir = folder(files);
    const { loaded } = loadIssueFile(join(dir, '2024-18.mdx'), '2024-18.mdx');
    if (!loaded) throw new Error('the issue does not load');
    return (checkImages([{ loaded, path: join(dir, '2024-18.mdx') }])[0] ?? []).map(formatProblem);
  };
  const scan = (path: string) => seedEdited(['pages: [D1]', `pages:\n  - id: D1\n    scan: ${path}`]);

  test('`..` and links that stay inside it are fine', () => {
    expect(check({ '2024-18.mdx': scan('./2024-18/../2024-18/D1.png'), '2024-18/D1.png': png })).toEqual([]);
    expect(
      check({
        '2024-18.mdx': scan('./2024-18/D1.png'),
        '2024-18/sub/a.png': png,
        '2024-18/D1.png': { link: 'sub/a.png' },
      }),
    ).toEqual([]);
  });

  test('another issue’s folder is outside too', () => {
    expect(check({ '2024-18.mdx': scan('./2024-17/D1.png'), '2024-17/D1.png': png })).toEqual([
      "2024-18.mdx:15: pages[0] D1 scan: ./2024-17/D1.png: leads out of the issue's folder 2024-18/; a scan goes in that folder, named from the issue file: ./2024-18/D1.png",
    ]);
  });

  test('a link that leads round in a circle, a folder, a name the build does not import', () => {
    const dir = folder({ '2024-18.mdx': scan('./2024-18/D1.png') });
    mkdirSync(join(dir, '2024-18'));
    symlinkSync('D1.png', join(dir, '2024-18', 'D1.png'));
    const { loaded } = loadIssueFile(join(dir, '2024-18.mdx'), '2024-18.mdx');
    expect(checkImages([{ loaded: loaded!, path: join(dir, '2024-18.mdx') }])[0]?.map((p) => p.message)).toEqual([
      './2024-18/D1.png: is a link that leads round in a circle',
    ]);
    expect(
      check({ '2024-18.mdx': scan('./2024-18/D1'), '2024-18/D1/x.png': png }).map((l) => l.split(': ').pop()),
    ).toEqual(['is a folder, not an image file']);
    expect(check({ '2024-18.mdx': scan('./2024-18/D1.bmp'), '2024-18/D1.bmp': png })).toEqual([
      '2024-18.mdx:15: pages[0] D1 scan: ./2024-18/D1.bmp: the build takes files named .jpg, .jpeg, .png, .webp, .avif, .tiff, .gif; save it as one of them, named for its format',
    ]);
  });

  test('a photo inside a paragraph is checked as a block one is', () => {
    const text = seedEdited([
      '在各市同步举行。',
      '在各市同步举行<Photo src="./2024-18/d1.png" />，<Photo src="../x.png" alt="图" />。',
    ]);
    expect(check({ '2024-18.mdx': text, 'x.png': png, '2024-18/d1.png': png })).toEqual([
      expect.stringMatching(/^2024-18\.mdx:\d+: <Photo src="\.\/2024-18\/d1\.png"> needs alt="…"/),
      expect.stringMatching(/^2024-18\.mdx:\d+: <Photo src="\.\.\/x\.png">: leads out of the issue's folder 2024-18\//),
    ]);
  });
});

describe("the build's image service", () => {
  const config = { service: { entrypoint: '', config: { limitInputPixels: MAX_IMAGE_PIXELS } } } as never;
  const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as never;

  test('makes what a page asks for from a good image', async () => {
    const out = await imageService.transform(png, { src: '/_astro/p.png', width: 150, format: 'webp' }, config, logger);
    expect(out.format).toBe('webp');
  });

  test('fails, naming the image by its digest, where Astro would publish the original with a warning', async () => {
    const tall = await sharp({ create: { width: 1000, height: 20000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const failure = imageService.transform(
      tall,
      { src: '/_astro/tall.png', width: 1000, format: 'webp' },
      config,
      logger,
    );
    await expect(failure).rejects.toThrow(
      'the build could not make a WebP 1000 px wide of it (Processed image is too large for the WebP format)',
    );
    const error = (await failure.catch((e: unknown) => e)) as Record<string, unknown>;
    expect(error[IMAGE_DIGEST_PROPERTY]).toMatch(/^[0-9a-f]{64}$/);

    // As Astro throws it: wrapped as a cause, several failures in one AggregateError.
    const dir = folder({
      '2024-18.mdx': seedEdited(['<Photo>', '<Photo src="./2024-18/tall.png" alt="一条横幅">']),
      '2024-18/tall.png': tall,
    });
    const astro = new AggregateError([new Error('Could not transform image', { cause: error })], '1 error');
    expect(imageFailureProblems(dir, astro, dir).map(formatProblem)).toEqual([
      expect.stringMatching(
        /^2024-18\.mdx:\d+: <Photo src="\.\/2024-18\/tall\.png">: the build could not make a WebP 1000 px wide of it \(Processed image is too large for the WebP format\); save it again smaller, or in parts, and build again$/,
      ),
    ]);
    expect(imageFailureProblems(dir, new Error('something else'), dir)).toEqual([]);
  });
});
