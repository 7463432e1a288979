import { z } from 'zod';

/**
 * Uplynk Integration API v2 JSON. Only the single-asset `get` reply is documented in full, so every
 * asset field except `id` is optional, and a field of an unexpected type reads as null: one odd field
 * must not fail a whole list page. The envelope (`error`, `msg`) is read by the client, not here.
 */

const opt = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

/** Integers that the docs type as "String" on input (autoexpire) may come back either way. */
const numberish = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);
/** DRM flags are 0/1 in every sample; a boolean is accepted too. */
const flag = z.union([z.number(), z.boolean()]);

export const uplynkBreakOffsetSchema = z.object({
  break_type: z.string(),
  duration: opt(z.number()),
  offset: z.number(),
  name: opt(z.string()),
});

export const uplynkTestPlayerSchema = z.object({
  id: z.string(),
  desc: opt(z.string()),
  url: z.string(),
});

export const uplynkAssetSchema = z.object({
  id: z.string(),
  external_id: opt(z.string()),
  desc: opt(z.string()),
  orig_filename: opt(z.string()),
  state: opt(z.string()),
  duration: opt(z.number()),
  created: opt(numberish),
  lastmod: opt(numberish),
  deleted: opt(numberish),
  autoexpire: opt(numberish),
  job_type: opt(z.string()),
  require_drm: opt(flag),
  require_studio_drm: opt(flag),
  slices: opt(z.number()),
  // Every sample sends a count of rays (`"rays": 8`); a list of ray names is accepted too.
  rays: opt(z.union([z.number(), z.array(z.string())])),
  break_offsets: opt(z.array(uplynkBreakOffsetSchema)),
  thumb_url: opt(z.string()),
  poster_url: opt(z.string()),
  mp4_url: opt(z.string()),
  ttml_url: opt(z.string()),
  test_player_url: opt(z.string()),
  embed_player_url: opt(z.string()),
  test_players: opt(z.array(uplynkTestPlayerSchema)),
  // A dict in replies; the update sample sends it as a JSON string, so a string is read too.
  meta: opt(z.union([z.record(z.string(), z.unknown()), z.string()])),
  libraries: opt(z.array(z.unknown())),
});

/** Fields every v2 reply may carry: `error` 0 is success, anything else comes with `msg`. */
const envelope = {
  error: z.number().optional(),
  msg: z.string().optional(),
};

/** `/asset/get`: `asset` for a single id (documented), `assets` for lists [I]; both are read. */
export const uplynkGetSchema = z.object({
  ...envelope,
  asset: uplynkAssetSchema.optional(),
  assets: z.array(uplynkAssetSchema).optional(),
});

export const uplynkListSchema = z.object({
  ...envelope,
  assets: z.array(uplynkAssetSchema).optional(),
  shared_assets: z.array(uplynkAssetSchema).optional(),
});

/** One change: [timestamp ms, action, asset id]; extra trailing members are ignored. */
export const uplynkChangeSchema = z.tuple([z.number(), z.string(), z.string()]).rest(z.unknown());

export const uplynkChangesSchema = z.object({
  ...envelope,
  changes: z.array(uplynkChangeSchema).optional(),
  assets: z.record(z.string(), uplynkAssetSchema).optional(),
  start: z.number().optional(),
  end: z.number().optional(),
});

/** `/asset/update` answers as a single-id get does: the asset as it now stands. */
export const uplynkUpdateSchema = z.object({ ...envelope, asset: uplynkAssetSchema.optional() });

/** `/asset/delete`: what was deleted, each with its id and external id (null when it has none [I]). */
export const uplynkDeleteSchema = z.object({
  ...envelope,
  deleted: z.array(z.object({ id: z.string(), external_id: opt(z.string()) })).optional(),
});

export const uplynkFrameSchema = z.object({ ...envelope, img: z.string().optional() });
export const uplynkThumbsSchema = z.object({ ...envelope, imgs: z.array(z.string()).optional() });

/** The failure envelope, also read from non-2xx bodies. */
export const uplynkErrorSchema = z.object({ error: z.unknown().optional(), msg: z.unknown().optional() });

export type UplynkWireAsset = z.infer<typeof uplynkAssetSchema>;
export type UplynkWireChange = z.infer<typeof uplynkChangeSchema>;
export type UplynkEnvelope = { error?: number | undefined; msg?: string | undefined };
