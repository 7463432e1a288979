import type { ProviderModule } from '../src/providers/module.js';
import { PROVIDER_MODULES, providerSecrets, type ModuleOf, type ProviderConfigs, type ProviderName } from '../src/providers/index.js';
import { SandboxServer, type SandboxDefinition } from './server.js';

export interface SandboxOptions {
  /** Latency added to every upstream call, in ms (default 0). */
  latencyMs?: number;
  /** Fixed ports per provider; 0 (the default) picks free ones. */
  ports?: Partial<Record<ProviderName, number>>;
  host?: string;
}

/** What a provider's stand-in holds, as its module's sandbox part makes it. */
type DefinitionOf<P extends ProviderName> = ModuleOf<P> extends ProviderModule<infer _N, infer _C, infer _K, infer S> ? S : never;

export interface Sandbox {
  servers: Record<ProviderName, SandboxServer>;
  /** Each stand-in's data, for tests that pick ids or shorten its delays. */
  stores: { [P in ProviderName]: DefinitionOf<P> extends { store: infer S } ? S : never };
  /** Provider configuration pointing at the running stand-ins. */
  providers: Required<ProviderConfigs>;
  /** Each provider's variables pointing at its stand-in (for a server started with SANDBOX=false). */
  env: Record<ProviderName, Record<string, string>>;
  resetCounters(): void;
  clearFaults(): void;
  stop(): Promise<void>;
}

/** Starts every provider's stand-in on a local port, as the module list names them. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const started = await Promise.all(
    PROVIDER_MODULES.map(async (module) => {
      const part = await module.sandbox();
      const definition: SandboxDefinition & { store?: unknown } = part.create();
      const server = new SandboxServer(definition);
      server.latencyMs = options.latencyMs ?? 0;
      await server.start(options.ports?.[module.name] ?? 0, options.host);
      const env = part.env(server.url);
      // Through the module's own parser, as a deployment's variables would be.
      return { name: module.name, server, store: definition.store, env, config: module.env.parse(env) };
    }),
  );
  const byName = <T>(pick: (s: (typeof started)[number]) => T) => Object.fromEntries(started.map((s) => [s.name, pick(s)])) as Record<ProviderName, T>;
  const servers = byName((s) => s.server);
  return {
    servers,
    stores: byName((s) => s.store) as Sandbox['stores'],
    providers: byName((s) => s.config) as Required<ProviderConfigs>,
    env: byName((s) => s.env),
    resetCounters: () => {
      for (const s of started) s.server.resetCounters();
    },
    clearFaults: () => {
      for (const s of started) s.server.faults.clear();
    },
    stop: async () => {
      await Promise.all(started.map((s) => s.server.stop()));
    },
  };
}

/** Every secret the stand-ins accept, as their modules name them: what a test scans responses and logs for. */
export async function sandboxSecrets(): Promise<string[]> {
  const configs = await Promise.all(PROVIDER_MODULES.map(async (m) => [m.name, m.env.parse((await m.sandbox()).env('http://sandbox.invalid'))] as const));
  return providerSecrets(Object.fromEntries(configs) as ProviderConfigs);
}
