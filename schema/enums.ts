import { PROVIDERS } from '../src/providers/index.js';
import { ASSET_STATUSES, CAPABILITIES, MEDIA_TYPES } from '../src/providers/types.js';
import { builder } from './builder.js';

export const ProviderEnum = builder.enumType('Provider', {
  description: 'A video-asset provider behind this API.',
  values: PROVIDERS,
});

export const AssetStatusEnum = builder.enumType('AssetStatus', {
  description: "An asset's lifecycle, normalised across providers; the provider's own value is in `providerStatus`. READY, FAILED and DELETED are terminal.",
  values: ASSET_STATUSES,
});

export const MediaTypeEnum = builder.enumType('MediaType', { values: MEDIA_TYPES });

export const ChangeActionEnum = builder.enumType('ChangeAction', { values: ['CREATED', 'UPDATED', 'DELETED'] as const });

export const CapabilityEnum = builder.enumType('ProviderCapability', {
  description: 'What a provider supports through this API; anything else answers UNSUPPORTED_BY_PROVIDER.',
  values: CAPABILITIES,
});
