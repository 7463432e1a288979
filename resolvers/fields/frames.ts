import type { Context } from '../../src/context.js';
import { unsupported } from '../../src/errors/domain.js';
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
