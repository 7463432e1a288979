import type { ProviderModule } from './module.js';
import type { ProviderClient } from './port.js';
import { runway } from './runway/index.js';
import { twelveLabs } from './twelvelabs/index.js';
import { uplynk } from './uplynk/index.js';
import { videoJungle } from './videojungle/index.js';

/**
 * The providers this API serves, in the order of the Provider enum. Everything that depends on which
 * providers exist (the enum, configuration, secrets in logs, global IDs, the registry, the sandbox,
 * the test harness) is derived from this list: adding a provider is its folder and one line here.
 */
export const PROVIDER_MODULES = [videoJungle, uplynk, twelveLabs, runway] as const;

type Modules = (typeof PROVIDER_MODULES)[number];
export type ProviderName = Modules['name'];
export type ModuleOf<P extends ProviderName> = Extract<Modules, { name: P }>;
/** A provider's configuration, as its `env` parses it. */
export type ConfigOf<P extends ProviderName> = ModuleOf<P> extends ProviderModule<infer _N, infer C, infer _K, infer _S> ? C : never;
/** A provider's client type: the port's capabilities it implements, and its own. */
export type ClientOf<P extends ProviderName> = ModuleOf<P> extends ProviderModule<infer _N, infer _C, infer K, infer _S> ? K : never;
/** Every provider's asset type, as its client reads them: the Asset union of the domain. */
export type Asset = { [P in ProviderName]: ClientOf<P> extends ProviderClient<infer A> ? A : never }[ProviderName];
export type AssetOf<P extends ProviderName> = Extract<Asset, { provider: P }>;
/** The configured providers: those whose variables are set. */
export type ProviderConfigs = { [P in ProviderName]?: ConfigOf<P> };

export const PROVIDERS: readonly ProviderName[] = PROVIDER_MODULES.map((m) => m.name);

export const PROVIDER_LABELS = Object.fromEntries(PROVIDER_MODULES.map((m) => [m.name, m.label])) as Record<ProviderName, string>;

const byName = new Map<string, Modules>(PROVIDER_MODULES.map((m) => [m.name, m]));

export function moduleOf<P extends ProviderName>(name: P): ModuleOf<P> {
  return byName.get(name) as ModuleOf<P>;
}

/** The provider whose enum value is `name`, if any (case as written). */
export const providerNamed = (name: string): ProviderName | undefined => (byName.has(name) ? (name as ProviderName) : undefined);

/** The secret values of the configured providers, as each module names them: scrubbed from every log line. */
export function providerSecrets(configs: ProviderConfigs): string[] {
  return PROVIDER_MODULES.flatMap((m) => {
    const config = configs[m.name];
    return config ? (m.secrets as (c: unknown) => readonly string[])(config).filter((s) => s.length > 0) : [];
  });
}
