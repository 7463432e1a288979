import type { ProviderConfigs } from '../config.js';
import { notConfigured } from '../errors.js';
import type { ClientOptions } from './http.js';
import { createRunwayClient } from './runway/client.js';
import { createTwelveLabsClient } from './twelvelabs/client.js';
import { PROVIDERS, type ProviderClient, type ProviderName } from './types.js';
import { createUplynkClient } from './uplynk/client.js';
import { createVideoJungleClient } from './videojungle/client.js';

/** The enabled providers of this server, built once at start-up and shared by every request. */
type AnyClient = { [P in ProviderName]: ProviderClient<P> }[ProviderName];

export class ProviderRegistry {
  private constructor(private readonly clients: Map<ProviderName, AnyClient>) {}

  static create(configs: ProviderConfigs, options: ClientOptions): ProviderRegistry {
    const clients = new Map<ProviderName, AnyClient>();
    if (configs.videoJungle) clients.set('VIDEO_JUNGLE', createVideoJungleClient(configs.videoJungle, options));
    if (configs.uplynk) clients.set('UPLYNK', createUplynkClient(configs.uplynk, options));
    if (configs.twelveLabs) clients.set('TWELVE_LABS', createTwelveLabsClient(configs.twelveLabs, options));
    if (configs.runway) clients.set('RUNWAY', createRunwayClient(configs.runway, options));
    return new ProviderRegistry(clients);
  }

  /** The provider's client; PROVIDER_NOT_CONFIGURED when it has no credentials here. */
  get<P extends ProviderName>(name: P): ProviderClient<P> {
    const client = this.clients.get(name);
    if (!client) throw notConfigured(name);
    return client as unknown as ProviderClient<P>;
  }

  has(name: ProviderName): boolean {
    return this.clients.has(name);
  }

  /** Enabled providers, in the schema's enum order. */
  enabled(): ProviderName[] {
    return PROVIDERS.filter((p) => this.clients.has(p));
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => c.close()));
  }
}
