import { PROVIDERS } from '../../src/providers/index.js';
import { builder } from '../../schema/builder.js';
import { ProviderInfoRef } from '../../schema/provider-info.js';

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
