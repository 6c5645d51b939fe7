/**
 * What an image beside an issue must be, shared by the content check (images-fs.ts, which decodes
 * each file in image-decode-fs.ts) and the build's image service (src/integrations/image-service.ts),
 * so both refuse the same files. No imports: the Astro config and the service load it too.
 */

/** Formats Astro's image pipeline (sharp) reads and turns into AVIF/WebP, as editors name them. */
export const IMAGE_FORMATS = ['jpg', 'png', 'webp', 'avif', 'tiff', 'gif'] as const;

/** File name endings Astro imports as an image (its VALID_INPUT_FORMATS, without SVG). */
export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'tiff', 'gif'] as const;

/**
 * The most pixels an image may have (all frames of an animation together): 50 megapixels, more
 * than a broadsheet page scanned at 300 dpi (about 30). A file of a few hundred KB can claim far
 * more (a 30000 × 30000 PNG of one colour is 110 KB, 900 megapixels decoded); it is refused from
 * its header, before anything decodes it, and sharp is told the same limit when it does.
 */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * How strictly sharp decodes: `warning`, its most sensitive level (and its advice for files from
 * outside), refuses a truncated file and damaged data inside one, which decoders would otherwise
 * fill with grey or garbled blocks and publish.
 */
export const DECODE_FAIL_ON = 'warning' as const;

/** The property of an image service error that holds the SHA-256 of the image it failed on. */
export const IMAGE_DIGEST_PROPERTY = 'kfjzImageDigest';
