/**
 * Decodes image files in full, to find what their header does not tell: a file cut short, data
 * damaged inside it, more pixels than the archive takes. sharp decodes asynchronously and the
 * content check is synchronous, so images-fs.ts runs this file as a process of its own
 * (`node image-decode-fs.ts`), hands it the files as a JSON list on stdin and reads, as JSON on
 * stdout, what is wrong with each (null when nothing is).
 */
import { accessSync, constants } from 'node:fs';
import { availableParallelism } from 'node:os';
import sharp, { type Metadata } from 'sharp';
import { DECODE_FAIL_ON, IMAGE_FORMATS, MAX_IMAGE_PIXELS } from './image-rules.ts';

// libvips keeps decoded files by name: a file edited between two checks in one process must be read again.
sharp.cache(false);

const EXPECTED = `expected one of ${IMAGE_FORMATS.join(', ')}`;

const megapixels = (pixels: number) => `${Math.round(pixels / 100_000) / 10} megapixels`;

/** sharp's format name as editors name it: `jpg`, `avif` (an AV1 HEIF), `heic` (any other HEIF). */
function formatOf(metadata: Metadata): string {
  if (metadata.format === 'jpeg') return 'jpg';
  if (metadata.format === 'heif') return metadata.compression === 'av1' ? 'avif' : 'heic';
  return metadata.format;
}

/** Why the image file cannot be published, or null when it decodes in full within the limit. */
export async function decodedImageProblem(file: string): Promise<string | null> {
  try {
    accessSync(file, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(error)})`;
  }
  let metadata: Metadata;
  try {
    // The header only: no limit yet, so an image over it is named with its size below.
    metadata = await sharp(file, { limitInputPixels: false }).metadata();
  } catch {
    return `is not a readable image; ${EXPECTED}`;
  }
  const format = formatOf(metadata);
  if (!(IMAGE_FORMATS as readonly string[]).includes(format)) return `is a ${format} image; ${EXPECTED}`;
  const { width, height } = metadata;
  if (!width || !height) return 'is not a readable image (no width and height in it)';
  // Astro decodes every frame of an animation and page of a TIFF (sharp's pages: -1): they count together.
  const frames = metadata.pages ?? 1;
  const pixels = width * height * frames;
  if (pixels > MAX_IMAGE_PIXELS) {
    const size = `${width} × ${height} pixels${frames > 1 ? ` in ${frames} frames or pages` : ''}`;
    return `is ${size} (${megapixels(pixels)}); an image may have at most ${megapixels(MAX_IMAGE_PIXELS)} (a broadsheet page scanned at 300 dpi has about 30): save it smaller`;
  }
  try {
    await sharp(file, {
      failOn: DECODE_FAIL_ON,
      limitInputPixels: MAX_IMAGE_PIXELS,
      pages: -1,
      sequentialRead: true,
    }).stats();
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]?.trim() || String(error);
    return `is damaged or cut short (${reason}); export it again from the original`;
  }
  return null;
}

/** Each file's problem, `workers` files at a time. */
export async function decodedImageProblems(files: readonly string[]): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i] as string;
      out[file] = await decodedImageProblem(file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(files.length, availableParallelism()) }, worker));
  return out;
}

if (import.meta.main) {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += chunk as string;
  process.stdout.write(JSON.stringify(await decodedImageProblems(JSON.parse(input) as string[])));
}
