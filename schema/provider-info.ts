import { PROVIDER_LABELS, type ProviderName } from '../src/providers/index.js';
import type { Capability } from '../src/providers/types.js';
import { builder } from './builder.js';
import { CapabilityEnum, ProviderEnum } from './enums.js';

/** What `providers` says of each provider this API knows. */
export interface ProviderInfo {
  provider: ProviderName;
  enabled: boolean;
  sandbox: boolean;
  capabilities: readonly Capability[];
}

export const ProviderInfoRef = builder.objectRef<ProviderInfo>('ProviderInfo').implement({
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (p) => p.provider }),
    name: t.string({ resolve: (p) => PROVIDER_LABELS[p.provider] }),
    enabled: t.exposeBoolean('enabled', { description: 'Configured with credentials on this server.' }),
    sandbox: t.exposeBoolean('sandbox', { description: 'Served by the built-in sandbox, not the real API.' }),
    capabilities: t.field({ type: [CapabilityEnum], resolve: (p) => p.capabilities }),
  }),
});
