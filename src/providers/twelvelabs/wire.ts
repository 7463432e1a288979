import { z } from 'zod';

/**
 * Twelve Labs Assets API v1.3 JSON (snake_case on the wire). Every field but `_id` is optional and
 * nullable: the SDKs declare them all optional, older API revisions sent different ones, and a field we
 * do not need must never make a whole page unreadable.
 */

/** hls / thumbnail: `{manifest_url | representative_url, status: pending|processing|ready|error}`. */
export const wireHls = z.object({
  manifest_url: z.string().nullish(),
  status: z.string().nullish(),
});

export const wireThumbnail = z.object({
  representative_url: z.string().nullish(),
  status: z.string().nullish(),
});

/** container, streams, codecs, fps, video_width/height, image_width/height, durations … (open-ended). */
export const wireTechnicalMetadata = z.record(z.string(), z.unknown());

export const wireAssetDetail = z.object({
  // The wire key is `_id`, not `id` (TL-JS serializer, TL-PY alias).
  _id: z.string().min(1),
  method: z.string().nullish(),
  /** processing | ready | failed; legacy revisions also sent `waiting`. */
  status: z.string().nullish(),
  filename: z.string().nullish(),
  file_type: z.string().nullish(),
  created_at: z.string().nullish(),
  user_metadata: z.record(z.string(), z.unknown()).nullish(),
  /** Bytes; finalized at `ready`. */
  size: z.number().nullish(),
  /** Seconds, video/audio only; finalized at `ready`. */
  duration: z.number().nullish(),
  hls: wireHls.nullish(),
  thumbnail: wireThumbnail.nullish(),
  /** Omitted while `processing`. */
  technical_metadata: wireTechnicalMetadata.nullish(),
  /** Only when `failed`; the text is "not part of the contract". */
  error: z.object({ message: z.string().nullish() }).nullish(),
  /** Legacy (pre-2025-12 revisions): a signed preview/download URL and its expiry. */
  url: z.string().nullish(),
  url_expires_at: z.string().nullish(),
});
export type WireAssetDetail = z.infer<typeof wireAssetDetail>;

export const wirePageInfo = z.object({
  limit_per_page: z.number().int().nullish(),
  page: z.number().int().nullish(),
  total_page: z.number().int().nullish(),
  total_results: z.number().int().nullish(),
});
export type WirePageInfo = z.infer<typeof wirePageInfo>;

/** GET /assets */
export const wireAssetList = z.object({
  data: z.array(wireAssetDetail).nullish().transform((d) => d ?? []),
  page_info: wirePageInfo.nullish(),
});
export type WireAssetList = z.infer<typeof wireAssetList>;

/**
 * Error bodies come in two shapes: the assets endpoints' `{code, message, docs_url?}` and the spec's
 * generic wrapper `{error: {code, message, details?}}`. Both are read; anything else is left to the status.
 */
const errorFields = z.object({
  code: z.string().nullish(),
  message: z.string().nullish(),
});

export const wireError = z.union([
  z.object({ error: errorFields.extend({ details: z.unknown().optional() }) }),
  errorFields.extend({ docs_url: z.string().nullish() }),
]);
export type WireError = z.infer<typeof wireError>;
