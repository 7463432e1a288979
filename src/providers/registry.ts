import { notConfigured } from '../errors/domain.js';
import type { ProviderGuard, ProviderHealth } from './guard/guard.js';
import { createGuard, type ClientOptions } from './http/index.js';
import { moduleOf, PROVIDER_MODULES, PROVIDERS, type Asset, type AssetOf, type ClientOf, type ProviderConfigs, type ProviderName } from './index.js';
import type { Capability } from './types.js';
import type { AssetProvider, ProviderClient } from './port.js';
import { shareReads, type SharedReads } from './shared-reads.js';
import { forgetOnWrite } from './forget-on-write.js';

/** The enabled providers of this server, built once at start-up and shared by every request. */
type AnyClient = ProviderClient;

/**
 * Shared read calls in flight per provider before new keys queue for the next one. A few, not one: at
 * 64 requests in flight a key would otherwise wait for the call ahead of it to answer (bench case
 * concurrent: 500 distinct Uplynk ids, p50 60–70 → ~35–40 ms, 0.03 → 0.05–0.07 calls a request).
 * One while calls wait at the provider's rate limiter: a quota makes calls the scarce thing, so keys
 * gather into the next call instead of filling the limiter's queue with small ones (under
 * UPSTREAM_RATE_LIMIT=UPLYNK=20, 4 in flight regardless fell from ~620 to ~290 req/s).
 */
const READS_IN_FLIGHT = 4;

export class ProviderRegistry {
  private constructor(
    private readonly clients: Map<ProviderName, AnyClient>,
    private readonly guards: Map<ProviderName, ProviderGuard>,
    private readonly shared: Map<ProviderName, { reads: SharedReads<Asset>; direct: AssetProvider<Asset> }>,
    /** The clients talk to the built-in sandbox. */
    readonly sandbox: boolean,
  ) {}

  static create(configs: ProviderConfigs, options: ClientOptions): ProviderRegistry {
    const clients = new Map<ProviderName, AnyClient>();
    const guards = new Map<ProviderName, ProviderGuard>();
    const shared = new Map<ProviderName, { reads: SharedReads<Asset>; direct: AssetProvider<Asset> }>();
    // The registry keeps each provider's guard so it can report health without reaching into clients.
    const guarded = (provider: ProviderName): ClientOptions => {
      const guard = createGuard(provider, options);
      guards.set(provider, guard);
      return { ...options, guard };
    };
    for (const module of PROVIDER_MODULES) {
      const config = configs[module.name];
      // Each module's config and client belong together; the list's element type cannot say so.
      if (!config) continue;
      const client = (module.create as unknown as (c: unknown, o: ClientOptions) => AnyClient)(config, guarded(module.name));
      // Every reader of this provider (requests, the live engine, merged lists) goes through one set
      // of shared batchers, so concurrent reads share upstream calls.
      const guard = guards.get(module.name)!;
      const reads = shareReads(client.assets, client.externalIds, { maxInFlight: () => (guard.waiting > 0 ? 1 : READS_IN_FLIGHT) });
      shared.set(module.name, { reads, direct: client.assets });
      const sharedClient = { ...client, assets: reads.assets, ...(reads.externalIds ? { externalIds: reads.externalIds } : {}) };
      clients.set(
        module.name,
        forgetOnWrite(sharedClient, (id) => reads.forget(id)),
      );
    }
    return new ProviderRegistry(clients, guards, shared, options.sandbox);
  }

  /** The provider's client; PROVIDER_NOT_CONFIGURED when it has no credentials here. */
  get<P extends ProviderName>(name: P): ClientOf<P> {
    const client = this.clients.get(name);
    if (!client) throw notConfigured(name);
    return client as unknown as ClientOf<P>;
  }

  /** The provider's shared reads (per-key results for the loaders); PROVIDER_NOT_CONFIGURED when it is not enabled. */
  reads<P extends ProviderName>(name: P): SharedReads<AssetOf<P>> {
    const entry = this.shared.get(name);
    if (!entry) throw notConfigured(name);
    return entry.reads as unknown as SharedReads<AssetOf<P>>;
  }

  /** The provider's reads without the shared batchers: one call per ask (the bench's unbatched comparison). */
  direct<P extends ProviderName>(name: P): AssetProvider<AssetOf<P>> {
    const entry = this.shared.get(name);
    if (!entry) throw notConfigured(name);
    return entry.direct as unknown as AssetProvider<AssetOf<P>>;
  }

  /** After a write to an asset answered: later reads of it never join a call that started before. */
  forget(name: ProviderName, id: string): void {
    this.shared.get(name)?.reads.forget(id);
  }

  has(name: ProviderName): boolean {
    return this.clients.has(name);
  }

  /** What a provider can do (its module's list); nothing when it is not enabled here. */
  capabilities(name: ProviderName): readonly Capability[] {
    return this.clients.has(name) ? moduleOf(name).capabilities : [];
  }

  /** Enabled providers, in the schema's enum order. */
  enabled(): ProviderName[] {
    return PROVIDERS.filter((p) => this.clients.has(p));
  }

  /**
   * Each enabled provider's breaker state, Retry-After hold and queue, in enum order. An open breaker
   * means that provider's calls fail fast; the other providers still answer.
   */
  health(): Partial<Record<ProviderName, ProviderHealth>> {
    const health: Partial<Record<ProviderName, ProviderHealth>> = {};
    for (const provider of this.enabled()) health[provider] = this.guards.get(provider)?.health();
    return health;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.close()));
  }
}
