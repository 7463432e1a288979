import { z } from 'zod';
import { httpUrl, optional, secret, withDefault } from '../../config/vars.js';

/** __LABEL__'s slice of the environment: an API token, sent as a bearer token. */
export const __CAMEL__Env = z
  .object({
    __ENV___API_TOKEN: optional(secret),
    __ENV___BASE_URL: withDefault(httpUrl, 'https://api.__FOLDER__.example/v1'),
  })
  .transform((e) => (e.__ENV___API_TOKEN ? { token: e.__ENV___API_TOKEN, baseUrl: e.__ENV___BASE_URL } : undefined));

export type __PASCAL__Config = NonNullable<z.output<typeof __CAMEL__Env>>;
