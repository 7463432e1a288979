import { assetNotFound } from '../errors/domain.js';
import type { ProviderRegistry } from '../providers/registry.js';
import type { Asset, ProviderName } from '../providers/types.js';
import type { LiveBus } from './bus.js';
import { Channel } from './channel.js';
import { asDeleted, isTerminal, supersedes } from './diff.js';
import type { InitialReader } from './initial-read.js';
import type { Interest } from './interest.js';
import type { EntryListener } from './registry.js';
import type { AssetKey, LiveEntry } from './types.js';

/** What watch and changes iterators share with the engine. */
export interface SubscriptionContext {
  providers: ProviderRegistry;
  interest: Interest;
  reader: InitialReader;
  bus: LiveBus;
  /** Open iterators, for stats() and for close() to end them. */
  open: Set<{ end(): void }>;
}

const keyOf = (provider: ProviderName, id: string) => `${provider}|${id}`;

function distinct(keys: readonly AssetKey[]): AssetKey[] {
  const seen = new Map<string, AssetKey>();
  for (const key of keys) seen.set(keyOf(key.provider, key.id), { provider: key.provider, id: key.id });
  return [...seen.values()];
}

/**
 * A channel that receives the entries of `keys` until it closes, counted in ctx.open. `keys` runs
 * first and throws (PROVIDER_NOT_CONFIGURED) before anything is registered for a provider nobody
 * polls; the channel then fails at once.
 */
export function listen<T>(ctx: SubscriptionContext, keys: () => readonly AssetKey[], listener: EntryListener, signal?: AbortSignal): Channel<T> {
  let listening: readonly AssetKey[] = [];
  const channel = new Channel<T>(() => {
    for (const key of listening) ctx.interest.remove(key.provider, key.id, listener);
    ctx.open.delete(channel);
  });
  ctx.open.add(channel);
  try {
    listening = keys();
  } catch (error) {
    channel.fail(error);
    return channel;
  }
  for (const key of listening) ctx.interest.add(key.provider, key.id, listener);
  channel.bindSignal(signal);
  return channel;
}

/** The current state of every wanted asset, one read per provider; ASSET_NOT_FOUND for a missing one. */
async function readAll(reader: InitialReader, wanted: readonly AssetKey[]): Promise<Asset[]> {
  const byProvider = new Map<ProviderName, string[]>();
  for (const { provider, id } of wanted) byProvider.set(provider, [...(byProvider.get(provider) ?? []), id]);
  const reads = await Promise.all([...byProvider].map(async ([provider, ids]) => [provider, await reader.read(provider, ids)] as const));
  const found = new Map(reads);
  return wanted.map(({ provider, id }) => {
    const asset = found.get(provider)?.get(id);
    if (!asset) throw assetNotFound(provider, id);
    return asset;
  });
}

const toEnd: Channel<Asset>[] = [];

/**
 * Ends `channel` once the entries at hand are handed out, not in the middle of them: a poll's fan-out
 * then writes every watcher's last frame first and does the clean-ups (listeners, graphql-ws'
 * completions) after it (10,000 watchers: 150-190 ms to the last frame written, from 170-265). One
 * microtask for all of them: with async hooks on (the cost meter), each queueMicrotask makes an
 * async resource, ~2 µs apiece.
 */
function endSoon(channel: Channel<Asset>): void {
  if (toEnd.push(channel) === 1) queueMicrotask(endAll);
}

function endAll(): void {
  for (const channel of toEnd.splice(0)) channel.end();
}

/** `keys`, once each of their providers is known to be configured (PROVIDER_NOT_CONFIGURED otherwise). */
function configured(ctx: SubscriptionContext, keys: readonly AssetKey[]): readonly AssetKey[] {
  for (const provider of new Set(keys.map((k) => k.provider))) ctx.providers.get(provider);
  return keys;
}

/**
 * One watch: listens first (buffering), then reads the current state, yields it, and replays what
 * arrived meanwhile through the same diff, so a change between the read and the first poll is never
 * lost and never shown twice. Ends once every asset is terminal.
 */
export function openWatch(ctx: SubscriptionContext, keys: readonly AssetKey[], signal?: AbortSignal): Channel<Asset> {
  const wanted = distinct(keys);
  const last = new Map<string, Asset>();
  let working = 0;
  let early: [ProviderName, LiveEntry][] | null = [];
  let ending = false;

  const listener: EntryListener = (provider, entry) => {
    if (early) early.push([provider, entry]);
    else apply(provider, entry);
  };
  const channel = listen<Asset>(ctx, () => configured(ctx, wanted), listener, signal);
  if (!channel.closed) void start();
  return channel;

  async function start(): Promise<void> {
    try {
      await ctx.bus.ready();
      for (const asset of await readAll(ctx.reader, wanted)) {
        last.set(keyOf(asset.provider, asset.providerId), asset);
        if (!isTerminal(asset.status)) working++;
        channel.push(asset);
      }
      const buffered = early ?? [];
      early = null;
      for (const [provider, entry] of buffered) apply(provider, entry);
      if (working === 0) channel.end();
    } catch (error) {
      channel.fail(error);
    }
  }

  function apply(provider: ProviderName, entry: LiveEntry): void {
    const key = keyOf(provider, entry.id);
    const prev = last.get(key);
    if (!prev || ending || channel.closed) return;
    const next = entry.deleted ? asDeleted(entry.asset ?? prev) : entry.asset;
    if (!next || !supersedes(prev, next)) return;
    last.set(key, next);
    working += (isTerminal(next.status) ? 0 : 1) - (isTerminal(prev.status) ? 0 : 1);
    channel.push(next);
    if (working > 0) return;
    ending = true;
    endSoon(channel);
  }
}
