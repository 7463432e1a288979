import type { Context } from '../../src/context.js';
import type { Asset, ProviderName } from '../../src/providers/types.js';

/**
 * A write's effect goes to subscribers at once rather than at the next poll. The engine logs and
 * swallows its own pub/sub failures: the write itself already succeeded at the provider.
 */
export async function announce(ctx: Context, assets: readonly Asset[]): Promise<void> {
  await Promise.all(assets.map((asset) => ctx.live.publish(asset).catch(() => undefined)));
}

export async function announceDeleted(ctx: Context, provider: ProviderName, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => ctx.live.publishDeleted(provider, id).catch(() => undefined)));
}
