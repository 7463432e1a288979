import type { UploadTarget } from '../types.js';
import type { VideoJungleAsset } from './types.js';
import type { VjDirectUpload, VjVideoFileCreated } from './wire.js';

export interface DirectUpload {
  videoFileId: string;
  url: string;
  fields: Record<string, string>;
}

/**
 * The presigned POST and the new video file's id from POST /video-file (direct), in either shape the
 * API answers with (`{upload_url, video: {id}}`, or both under `video`); null when neither is there.
 */
export function directUploadOf(reply: VjDirectUpload): DirectUpload | null {
  const presigned = reply.upload_url ?? reply.video?.upload_url;
  const videoFileId = videoFileIdOf(reply);
  if (!presigned || !videoFileId) return null;
  return { videoFileId, url: presigned.url, fields: presigned.fields };
}

/** The new video file's id from POST /video-file: under `video` (the direct example) or at the top (file-no-chunk). */
export function videoFileIdOf(reply: VjVideoFileCreated): string | null {
  return reply.video?.id ?? reply.id ?? null;
}

/**
 * When the presigned POST stops being accepted: the `expiration` of its base64 JSON policy, as S3
 * reads it. Null when there is no readable policy.
 */
export function policyExpiry(fields: Record<string, string>): Date | null {
  const policy = fields.policy ?? fields.Policy;
  if (!policy) return null;
  try {
    const { expiration } = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as { expiration?: unknown };
    const at = typeof expiration === 'string' ? new Date(expiration) : null;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  } catch {
    return null;
  }
}

/** An S3 presigned POST: the fields first, in the order given, then the file (S3 ignores fields after it). */
export function toUploadTarget(direct: DirectUpload, asset: VideoJungleAsset): UploadTarget {
  return {
    url: direct.url,
    method: 'POST',
    fields: Object.entries(direct.fields).map(([name, value]) => ({ name, value })),
    headers: [],
    parts: [],
    chunkSizeBytes: null,
    uploadId: null,
    expiresAt: policyExpiry(direct.fields),
    asset,
  };
}
