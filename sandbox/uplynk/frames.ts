import { renderPng } from '../png.js';

/** A nominal 25 fps: getthumbs returns one image per frame of the range. */
export const FRAME_MS = 40;
// getframe reads the highest-bitrate variant, getthumbs the lowest: two sizes, both kept tiny.
const FRAME_SIZE = { width: 160, height: 90 };
const THUMB_SIZE = { width: 64, height: 36 };
/** Distinct images per size; frames repeat after this many, which bounds the cache. */
const VARIANTS = 997;

/**
 * PNG frames as base64, rendered once per (size, variant) and cached: the bench calls these endpoints
 * thousands of times a second, and rendering even a small PNG costs far more than a Map lookup.
 */
export class FrameRenderer {
  private readonly cache = new Map<string, string>();

  /** The frame of `assetId` at `ms`, from the highest-bitrate variant. */
  frame(assetId: string, ms: number): string {
    return this.render(FRAME_SIZE, variant(assetId, ms));
  }

  /** One lowest-bitrate image per frame in [startMs, stopMs). */
  thumbs(assetId: string, startMs: number, stopMs: number): string[] {
    const images: string[] = [];
    for (let ms = startMs; ms < stopMs; ms += FRAME_MS) images.push(this.render(THUMB_SIZE, variant(assetId, ms)));
    return images;
  }

  private render(size: { width: number; height: number }, seed: number): string {
    const key = `${size.width}x${size.height}:${seed}`;
    let image = this.cache.get(key);
    if (image === undefined) {
      image = renderPng(size.width, size.height, seed).toString('base64');
      this.cache.set(key, image);
    }
    return image;
  }
}

/** Frames of one asset differ from one frame to the next, and assets start at different images. */
function variant(assetId: string, ms: number): number {
  const offset = Number.parseInt(assetId.slice(0, 6), 16) || 0;
  return (offset + Math.floor(ms / FRAME_MS)) % VARIANTS;
}
