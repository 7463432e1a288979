import { z } from 'zod';
import { httpUrl, optional, secret, withDefault } from '../../config/vars.js';

/** Video Jungle's slice of the environment: an API key (sent as X-API-Key). */
export const videoJungleEnv = z
  .object({
    VIDEO_JUNGLE_API_KEY: optional(secret),
    VIDEO_JUNGLE_BASE_URL: withDefault(httpUrl, 'https://api.video-jungle.com'),
  })
  .transform((e) => (e.VIDEO_JUNGLE_API_KEY ? { apiKey: e.VIDEO_JUNGLE_API_KEY, baseUrl: e.VIDEO_JUNGLE_BASE_URL } : undefined));

export type VideoJungleConfig = NonNullable<z.output<typeof videoJungleEnv>>;
