import { z } from 'zod';
import { httpUrl, missing, optional, secret, withDefault } from '../../config/vars.js';

/** Uplynk's slice of the environment: the account GUID and the integration key, both or neither. */
export const uplynkEnv = z
  .object({
    UPLYNK_OWNER_ID: optional(z.string().regex(/^[0-9a-f]{32}$/i, 'must be the 32-hex-character account GUID')),
    UPLYNK_API_KEY: optional(secret),
    UPLYNK_BASE_URL: withDefault(httpUrl, 'https://services.uplynk.com'),
  })
  .transform((e, ctx) => {
    if (!e.UPLYNK_OWNER_ID && !e.UPLYNK_API_KEY) return undefined;
    if (!e.UPLYNK_OWNER_ID) missing(ctx, 'UPLYNK_OWNER_ID', 'is required when UPLYNK_API_KEY is set');
    if (!e.UPLYNK_API_KEY) missing(ctx, 'UPLYNK_API_KEY', 'is required when UPLYNK_OWNER_ID is set');
    if (!e.UPLYNK_OWNER_ID || !e.UPLYNK_API_KEY) return z.NEVER;
    return { ownerId: e.UPLYNK_OWNER_ID, apiKey: e.UPLYNK_API_KEY, baseUrl: e.UPLYNK_BASE_URL };
  });

export type UplynkConfig = NonNullable<z.output<typeof uplynkEnv>>;
