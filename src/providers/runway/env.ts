import { z } from 'zod';
import { httpUrl, optional, secret, withDefault } from '../../config/vars.js';

/** Runway's slice of the environment: a useapi.net token, and the Runway account's email when several are set up there. */
export const runwayEnv = z
  .object({
    USEAPI_TOKEN: optional(secret),
    USEAPI_BASE_URL: withDefault(httpUrl, 'https://api.useapi.net/v1/runwayml'),
    RUNWAY_EMAIL: optional(z.email({ message: 'must be an email address' })),
  })
  .transform((e) => (e.USEAPI_TOKEN ? { token: e.USEAPI_TOKEN, baseUrl: e.USEAPI_BASE_URL, email: e.RUNWAY_EMAIL } : undefined));

export type RunwayConfig = NonNullable<z.output<typeof runwayEnv>>;
