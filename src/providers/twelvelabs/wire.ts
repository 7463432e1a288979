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
  data: z
    .array(wireAssetDetail)
    .nullish()
    .transform((d) => d ?? []),
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

// --- Write side -------------------------------------------------------------------------------------

/** DELETE /assets/{id} and the user-metadata calls answer with an empty body (the SDKs return void). */
export const wireEmpty = z.unknown();

/** One part's presigned URL (PresignedUrlChunk; chunks are numbered from 1). */
export const wirePresignedUrl = z.object({
  chunk_index: z.number().int().positive(),
  url: z.string().min(1),
  expires_at: z.string().nullish(),
});
export type WirePresignedUrl = z.infer<typeof wirePresignedUrl>;

/**
 * POST /assets/multipart-uploads (CreateAssetUploadResponse). The SDK declares every field optional;
 * without upload_id and chunk_size the session is unusable, so those two are required here.
 */
export const wireUploadSession = z.object({
  upload_id: z.string().min(1),
  asset_id: z.string().nullish(),
  upload_urls: z
    .array(wirePresignedUrl)
    .nullish()
    .transform((u) => u ?? []),
  upload_headers: z.record(z.string(), z.string()).nullish(),
  chunk_size: z.number().int().positive(),
  total_chunks: z.number().int().positive().nullish(),
  /** The session's end (24 h); each URL has its own, shorter expiry. */
  expires_at: z.string().nullish(),
});
export type WireUploadSession = z.infer<typeof wireUploadSession>;

/** POST /assets/multipart-uploads/{upload_id}/presigned-urls (RequestAdditionalPresignedUrLsResponse). */
export const wirePresignedUrls = z.object({
  upload_id: z.string().nullish(),
  start_index: z.number().int().nullish(),
  count: z.number().int().nullish(),
  upload_urls: z
    .array(wirePresignedUrl)
    .nullish()
    .transform((u) => u ?? []),
  generated_at: z.string().nullish(),
  expires_at: z.string().nullish(),
});

/** POST /assets/multipart-uploads/{upload_id} (ReportChunkBatchResponse). */
export const wireReportedChunks = z.object({
  url: z.string().nullish(),
  asset_id: z.string().nullish(),
  processed_chunks: z.number().int().nullish(),
  duplicate_chunks: z.number().int().nullish(),
  total_completed: z.number().int().nullish(),
});
export type WireReportedChunks = z.infer<typeof wireReportedChunks>;
