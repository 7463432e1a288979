import type { ProviderConfigs } from '../config.js';
import type { ProviderName } from '../providers/types.js';
import { SANDBOX_CREDENTIALS } from './credentials.js';
import { SandboxServer } from './server.js';
import { createRunwaySandbox } from './runway/index.js';
import { createTwelveLabsSandbox } from './twelvelabs/index.js';
import { createUplynkSandbox } from './uplynk/index.js';
import { createVideoJungleSandbox } from './videojungle/index.js';

export interface SandboxOptions {
  /** Latency added to every upstream call, in ms (default 0). */
  latencyMs?: number;
  /** Fixed ports per provider; 0 (the default) picks free ones. */
  ports?: Partial<Record<ProviderName, number>>;
  host?: string;
}

export interface Sandbox {
  servers: Record<ProviderName, SandboxServer>;
  /** Each sandbox's data, for tests that pick ids or shorten its delays. */
  stores: {
    videoJungle: ReturnType<typeof createVideoJungleSandbox>['store'];
    uplynk: ReturnType<typeof createUplynkSandbox>['store'];
    twelveLabs: ReturnType<typeof createTwelveLabsSandbox>['store'];
    runway: ReturnType<typeof createRunwaySandbox>['store'];
  };
  /** Provider configuration pointing at the running sandbox servers. */
  providers: Required<ProviderConfigs>;
  resetCounters(): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

/** Starts the four sandbox providers on local ports. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const definitions = {
    videoJungle: createVideoJungleSandbox(),
    uplynk: createUplynkSandbox(),
    twelveLabs: createTwelveLabsSandbox(),
    runway: createRunwaySandbox(),
  };
  const servers: Record<ProviderName, SandboxServer> = {
    VIDEO_JUNGLE: new SandboxServer(definitions.videoJungle),
    UPLYNK: new SandboxServer(definitions.uplynk),
    TWELVE_LABS: new SandboxServer(definitions.twelveLabs),
    RUNWAY: new SandboxServer(definitions.runway),
  };
  const all = Object.entries(servers) as [ProviderName, SandboxServer][];
  for (const [name, server] of all) {
    server.latencyMs = options.latencyMs ?? 0;
    await server.start(options.ports?.[name] ?? 0, options.host);
  }
  const c = SANDBOX_CREDENTIALS;
  return {
    servers,
    stores: {
      videoJungle: definitions.videoJungle.store,
      uplynk: definitions.uplynk.store,
      twelveLabs: definitions.twelveLabs.store,
      runway: definitions.runway.store,
    },
    providers: {
      videoJungle: { apiKey: c.videoJungle.apiKey, baseUrl: servers.VIDEO_JUNGLE.url },
      uplynk: { ownerId: c.uplynk.ownerId, apiKey: c.uplynk.apiKey, baseUrl: servers.UPLYNK.url },
      twelveLabs: { apiKey: c.twelveLabs.apiKey, baseUrl: servers.TWELVE_LABS.url },
      runway: { token: c.runway.token, baseUrl: servers.RUNWAY.url, email: c.runway.email },
    },
    resetCounters: () => all.forEach(([, s]) => s.resetCounters()),
    clearFaults: () => all.forEach(([, s]) => s.faults.clear()),
    stop: async () => {
      await Promise.all(all.map(([, s]) => s.stop()));
    },
  };
}
