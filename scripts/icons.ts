/**
 * `npm run icons`: the site's icons in public/, drawn from public/favicon.svg (the character 开 on
 * the paper's red) for browsers and devices that want bitmaps: favicon.ico (16, 32, 48 px),
 * apple-touch-icon.png (180 px, square: iOS rounds it), icon-192.png and icon-512.png for the web
 * app manifest, and icon-maskable-512.png with the character inside the safe zone. Run after
 * editing the SVG and commit the results.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const pub = join(import.meta.dirname, '..', 'public');
const svg = readFileSync(join(pub, 'favicon.svg'), 'utf8');

/** The icon as a full square (for iOS and maskable icons, which the device itself shapes). */
const square = svg.replace(' rx="12"', '');
/** Maskable: the character scaled to the central 80% that every mask keeps. */
const maskable = square.replace('<g ', '<g transform="translate(6.4 6.4) scale(0.8)" ');

const png = (source: string, size: number) =>
  sharp(Buffer.from(source), { density: (72 * size) / 64 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

/** An ICO file holding PNG images, the form every browser reads (a 6-byte header, a 16-byte entry each). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const sizes = [16, 32, 48];
const small = await Promise.all(sizes.map(async (size) => ({ size, data: await png(svg, size) })));
writeFileSync(join(pub, 'favicon.ico'), ico(small));
writeFileSync(join(pub, 'apple-touch-icon.png'), await png(square, 180));
writeFileSync(join(pub, 'icon-192.png'), await png(svg, 192));
writeFileSync(join(pub, 'icon-512.png'), await png(svg, 512));
writeFileSync(join(pub, 'icon-maskable-512.png'), await png(maskable, 512));
console.log('wrote public/favicon.ico, apple-touch-icon.png, icon-192.png, icon-512.png, icon-maskable-512.png');
