import { PROVIDER_LABELS, PROVIDERS, type ProviderName } from '../../src/providers/index.js';
import type { Capability } from '../../src/providers/types.js';
import { builder } from '../../schema/builder.js';
import { CapabilityEnum, ProviderEnum } from '../../schema/enums.js';

interface ProviderInfo {
  provider: ProviderName;
  enabled: boolean;
  sandbox: boolean;
  capabilities: readonly Capability[];
}

const ProviderInfoRef = builder.objectRef<ProviderInfo>('ProviderInfo').implement({
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (p) => p.provider }),
    name: t.string({ resolve: (p) => PROVIDER_LABELS[p.provider] }),
    enabled: t.exposeBoolean('enabled', { description: 'Configured with credentials on this server.' }),
    sandbox: t.exposeBoolean('sandbox', { description: 'Served by the built-in sandbox, not the real API.' }),
    capabilities: t.field({ type: [CapabilityEnum], resolve: (p) => p.capabilities }),
  }),
});

builder.queryField('providers', (t) =>
  t.field({
    type: [ProviderInfoRef],
    description: 'Every provider this API knows, whether it is enabled here, and what it supports.',
    resolve: (_root, _args, ctx) =>
      PROVIDERS.map((provider) => {
        const enabled = ctx.providers.has(provider);
        return { provider, enabled, sandbox: enabled && ctx.providers.sandbox, capabilities: ctx.providers.capabilities(provider) };
      }),
  }),
);
