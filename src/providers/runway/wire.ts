import { z } from 'zod';

/**
 * useapi.net's Runway JSON. Its docs say "all fields are optional" on the asset model, so every field
 * is optional and nullable here, and a field of an unexpected type reads as null: one odd field must
 * not fail a whole list page. A body that is not an object (or array of objects) still fails.
 */

const opt = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

/**
 * Video metadata comes in two revisions: `{frameRate, duration, dimensions: [w, h], size: {width,
 * height}}` (asset pages) and `{frameRate, duration, width, height, hasAlphaChannel, hasAudio}` (list
 * page of 2025-08-04). One lenient object accepts both; images send `null`.
 */
export const runwayMetadataSchema = z.object({
  frameRate: opt(z.number()),
  duration: opt(z.number()),
  dimensions: opt(z.array(z.number())),
  size: opt(z.object({ width: opt(z.number()), height: opt(z.number()) })),
  width: opt(z.number()),
  height: opt(z.number()),
  hasAlphaChannel: opt(z.boolean()),
  hasAudio: opt(z.boolean()),
});

export const runwayAssetSchema = z.object({
  /** Composite `user:<user_id>-runwayml:<account_email>-asset:<uuid>`. */
  assetId: opt(z.string()),
  id: opt(z.string()),
  name: opt(z.string()),
  createdAt: opt(z.string()),
  updatedAt: opt(z.string()),
  url: opt(z.string()),
  previewUrls: opt(z.array(z.string())),
  mediaType: opt(z.string()),
  mediaSubtype: opt(z.string()),
  fileCount: opt(z.number()),
  fileSize: opt(z.number()),
  fileExtStandardized: opt(z.string()),
  isUserUpload: opt(z.boolean()),
  metadata: opt(runwayMetadataSchema),
  username: opt(z.string()),
  private: opt(z.boolean()),
  parentAssetGroupId: opt(z.string()),
  taskId: opt(z.string()),
  favorite: opt(z.boolean()),
});

/** GET /assets/ answers a bare JSON array. */
export const runwayAssetListSchema = z.array(runwayAssetSchema);

/** `{"error": "<message>", "code": <http status>}` on every failure. */
export const runwayErrorSchema = z.object({
  error: z.string(),
  code: z.number().optional(),
});

export type RunwayWireAsset = z.infer<typeof runwayAssetSchema>;
export type RunwayWireMetadata = z.infer<typeof runwayMetadataSchema>;

/** The composite assetId `user:<user_id>-runwayml:<account_email>-asset:<uuid>`; nothing else names an asset. */
export const RUNWAY_ASSET_ID = /^user:[^:\s]+-runwayml:[^:\s]+@[^:\s]+-asset:[^:\s]+$/;

/**
 * POST /assets/ answers a different model from the reads (UA-DOCS post-runwayml-assets): the media type
 * in `type: {name, type, isDirectory}`, the byte count in `size`, the owner in `user`/`createdBy` objects,
 * and no mediaType/fileSize/fileExtStandardized. The read fields stay accepted in case it converges.
 */
export const runwayUploadReplySchema = runwayAssetSchema.extend({
  type: opt(z.object({ name: opt(z.string()), type: opt(z.string()) })),
  size: opt(z.number()),
  user: opt(z.object({ username: opt(z.string()) })),
});

/**
 * DELETE /assets/{assetId}: the docs give the model `{success?, error?, code?}`; [I] `{"success": true}`
 * on success. An empty 2xx body is read as success too ([I]: nothing in it says otherwise).
 */
export const runwayDeleteReplySchema = z.object({ success: opt(z.boolean()), error: opt(z.string()), code: opt(z.number()) }).optional();

export type RunwayWireUploadReply = z.infer<typeof runwayUploadReplySchema>;
