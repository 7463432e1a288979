import { badInput, ProviderError } from '../../errors/domain.js';
import { timecodeToMs } from '../timecode.js';
import type { Frame, Timecode } from '../types.js';
import type { FrameSource } from '../port.js';
import type { UplynkCall } from './call.js';
import { mapUplynkFrame } from './map.js';
import { uplynkFrameSchema, uplynkThumbsSchema } from './wire.js';

/** `/asset/getthumbs` refuses a range longer than this. */
export const UPLYNK_MAX_THUMB_RANGE_MS = 1000;

/** Frames (`getframe`, highest-bitrate variant) and thumbnails (`getthumbs`, lowest-bitrate variant). */
export function createUplynkFrames(call: UplynkCall): FrameSource {
  return {
    async getFrame(assetId, at) {
      const ts = toMs(at, 'at');
      const reply = await call({
        action: 'getframe',
        params: { id: assetId, ts },
        schema: uplynkFrameSchema,
        expect: ['img'],
        singleAsset: true,
      });
      if (reply.img === undefined) throw badReply('getframe', 'img');
      return mapUplynkFrame(assetId, ts, reply.img);
    },
    async getThumbnails(assetId, start, stop, durationSeconds) {
      const range = thumbRange(start, stop);
      const reply = await call({
        action: 'getthumbs',
        params: { id: assetId, start: range.start, stop: range.stop },
        schema: uplynkThumbsSchema,
        expect: ['imgs'],
        singleAsset: true,
      });
      if (reply.imgs === undefined) throw badReply('getthumbs', 'imgs');
      const times = thumbTimes(range, reply.imgs.length, durationSeconds);
      return reply.imgs.map((img, i): Frame => mapUplynkFrame(assetId, times[i]!, img));
    },
  };
}

/**
 * When each of `count` thumbnails is, in ms. The reply lists images only, spread over the range (one
 * per frame of the lowest-bitrate variant); it names no instant. So the i-th is taken at start + i ×
 * (range ÷ count), the range ending at the asset's end when that comes first: exact when the range
 * holds a whole number of frames (25 images for a second at 25 fps: 0, 40, 80 … ms), within one frame
 * otherwise [I: the docs do not say how the images are spaced].
 */
export function thumbTimes(range: { start: number; stop: number }, count: number, durationSeconds?: number | null): number[] {
  const end = durationSeconds ? Math.min(range.stop, Math.ceil(durationSeconds * 1000)) : range.stop;
  const step = Math.max(0, end - range.start) / Math.max(1, count);
  return Array.from({ length: count }, (_, i) => range.start + Math.floor(i * step));
}

/** Start and stop in ms, checked as Uplynk checks them: stop after start, at most one second apart. */
export function thumbRange(start: Timecode, stop: Timecode | undefined): { start: number; stop: number } {
  const from = toMs(start, 'start');
  const to = stop === undefined ? from + UPLYNK_MAX_THUMB_RANGE_MS : toMs(stop, 'stop');
  if (to <= from) throw badInput(`stop (${to} ms) must be after start (${from} ms)`);
  if (to - from > UPLYNK_MAX_THUMB_RANGE_MS) {
    throw badInput(`Uplynk thumbnails cover at most 1 second; ${to - from} ms were asked for`);
  }
  return { start: from, stop: to };
}

function toMs(value: Timecode, name: string): number {
  const ms = timecodeToMs(value);
  if (ms === undefined) {
    const got = JSON.stringify(value);
    throw badInput(`${name} must be milliseconds (a non-negative integer) or "hh:mm:ss.mmm"; got ${got}`);
  }
  return ms;
}

// The envelope check already let through a success without the key only when `error` was 0.
function badReply(action: string, key: string): Error {
  return new ProviderError('BAD_RESPONSE', 'UPLYNK', `POST /api2/asset/${action}`, `reply has no "${key}"`, {
    status: 200,
  });
}
