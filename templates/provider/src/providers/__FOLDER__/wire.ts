import { z } from 'zod';

/** __LABEL__'s asset JSON, as its API answers it. */
export const __CAMEL__Asset = z.object({
  id: z.string(),
  title: z.string().nullish(),
  state: z.string(),
  created_at: z.string().nullish(),
  playback_url: z.string().nullish(),
  duration: z.number().nullish(),
});
export type __PASCAL__WireAsset = z.infer<typeof __CAMEL__Asset>;

/** GET /assets: one page, and how many there are. */
export const __CAMEL__AssetList = z.object({ data: z.array(__CAMEL__Asset), total: z.number().int() });
