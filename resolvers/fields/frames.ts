import { AssetRef } from '../../schema/asset.js';
import { builder } from '../../schema/builder.js';
import { FrameRef } from '../../schema/frame.js';
import type { Context } from '../../src/context.js';
import { unsupported } from '../../src/errors/domain.js';
import { fixedCost } from '../../src/cost/rule.js';
import type { Asset, Frame } from '../../src/providers/types.js';

export function assetFrame(asset: Asset, atMs: number, ctx: Context): Promise<Frame> {
  const frames = ctx.providers.get(asset.provider).frames;
  if (!frames) throw unsupported(asset.provider, 'frames (getframe)');
  return frames.getFrame(asset.providerId, atMs);
}

export function assetThumbnails(asset: Asset, startMs: number, stopMs: number | undefined, ctx: Context): Promise<Frame[]> {
  const frames = ctx.providers.get(asset.provider).frames;
  if (!frames) throw unsupported(asset.provider, 'thumbnails (getthumbs)');
  return frames.getThumbnails(asset.providerId, startMs, stopMs, asset.durationSeconds);
}

builder.interfaceFields(AssetRef, (t) => ({
  frame: t.field({
    type: FrameRef,
    nullable: true,
    description: 'A still image at `at` (Uplynk getframe, highest-bitrate variant). Other providers: UNSUPPORTED_BY_PROVIDER.',
    args: { at: t.arg({ type: 'Timecode', required: true }) },
    // One getframe per asset (a provider without frames refuses it before any call: priced as one anyway).
    extensions: fixedCost(1),
    resolve: (asset, { at }, ctx) => assetFrame(asset, at, ctx),
  }),
  thumbnails: t.field({
    type: [FrameRef],
    nullable: true,
    description:
      'Thumbnails from `start` to `stop` (default start + 1 s; the range may not exceed one second). Uplynk getthumbs; other providers: UNSUPPORTED_BY_PROVIDER.',
    args: {
      start: t.arg({ type: 'Timecode', required: true }),
      stop: t.arg({ type: 'Timecode' }),
    },
    extensions: fixedCost(1),
    resolve: (asset, { start, stop }, ctx) => assetThumbnails(asset, start, stop ?? undefined, ctx),
  }),
}));
