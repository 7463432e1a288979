import { crc32, deflateSync } from 'node:zlib';

/**
 * A real, small RGB PNG (solid colour with a diagonal band whose position follows `seed`), so frames
 * and thumbnails from the sandbox decode in any image viewer and differ from one timestamp to the next.
 */
export function renderPng(width: number, height: number, seed: number): Buffer {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  const band = Math.abs(Math.floor(seed)) % (width + height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const onBand = Math.abs(x + y - band) < 3;
      const o = y * row + 1 + x * 3;
      raw[o] = onBand ? 255 : (seed * 37) % 256;
      raw[o + 1] = onBand ? 255 : (x * 4) % 256;
      raw[o + 2] = onBand ? 255 : (y * 4) % 256;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit depth, truecolour, deflate, adaptive filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}
