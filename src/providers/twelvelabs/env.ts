import { z } from 'zod';
import { httpUrl, optional, secret, withDefault } from '../../config/vars.js';

/** Twelve Labs' slice of the environment: an API key (sent as x-api-key). */
export const twelveLabsEnv = z
  .object({
    TWELVE_LABS_API_KEY: optional(secret),
    TWELVE_LABS_BASE_URL: withDefault(httpUrl, 'https://api.twelvelabs.io/v1.3'),
  })
  .transform((e) => (e.TWELVE_LABS_API_KEY ? { apiKey: e.TWELVE_LABS_API_KEY, baseUrl: e.TWELVE_LABS_BASE_URL } : undefined));

export type TwelveLabsConfig = NonNullable<z.output<typeof twelveLabsEnv>>;
