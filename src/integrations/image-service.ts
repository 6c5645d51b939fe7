/**
 * Astro's sharp image service, made strict. Where Astro's own logs a warning and publishes the
 * original file as it is (sharp could not make a size or format a page asks for: an image over
 * the pixel limit, a WebP or AVIF over 16383 pixels a side), this one fails the build. Its error
 * carries the image's SHA-256, by which `npm run build` names the issue file and line that name
 * the image (src/lib/check/image-failure.ts). The pixel limit is the content check's
 * (astro.config.mjs passes it as the service's limitInputPixels).
 */
import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { IMAGE_DIGEST_PROPERTY } from '../lib/check/image-rules.ts';

type Transform = Parameters<LocalImageService['transform']>[1];

/** What the page asked for: `a WebP 1000 px wide`. */
const asked = (t: Transform) =>
  `${t.format ? `a ${t.format === 'jpg' ? 'JPEG' : t.format === 'webp' ? 'WebP' : t.format.toUpperCase()}` : 'a copy'}${t.width ? ` ${t.width} px wide` : ''}`;

/** sharp's own words for what Astro's service reported only as a warning: the same steps, tried again. */
async function sharpReason(input: Uint8Array, t: Transform, limitInputPixels: unknown): Promise<string | undefined> {
  try {
    const image = sharp(input, {
      failOn: 'none',
      pages: -1,
      limitInputPixels: typeof limitInputPixels === 'number' ? limitInputPixels : true,
    }).rotate();
    if (t.width || t.height)
      image.resize({ ...(t.width ? { width: t.width } : {}), ...(t.height ? { height: t.height } : {}) });
    if (t.format && t.format !== 'svg') image.toFormat(t.format === 'jpg' ? 'jpeg' : t.format);
    await image.toBuffer();
    return undefined;
  } catch (error) {
    return (error as Error).message.split('\n')[0];
  }
}

const service: LocalImageService = {
  ...sharpService,
  async transform(input, transform, config, logger) {
    let warning: string | undefined;
    const failOnWarning = {
      ...logger,
      warn: (message: string) => {
        warning = message;
        throw new Error(message);
      },
    };
    try {
      return await sharpService.transform(input, transform, config, failOnWarning);
    } catch (error) {
      const reason = warning
        ? ((await sharpReason(input, transform, config.service.config['limitInputPixels'])) ?? warning)
        : (error as Error).message;
      throw Object.assign(
        new Error(`the build could not make ${asked(transform)} of it (${reason})`, { cause: error }),
        {
          [IMAGE_DIGEST_PROPERTY]: createHash('sha256').update(input).digest('hex'),
        },
      );
    }
  },
};

export default service;
