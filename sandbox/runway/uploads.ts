import { randomBytes, randomUUID } from 'node:crypto';
import type { AcceptedType } from './content-types.js';
import { RUNWAY_ACCOUNT_ID, RUNWAY_CDN, RUNWAY_OWNER_FIELDS, runwayAssetId } from './seed.js';
import type { RunwayRecord } from './store.js';

/** What POST /assets/ received, already validated. */
export interface ReceivedUpload {
  name: string;
  type: AcceptedType;
  size: number;
}

/**
 * The stored asset for an upload, in the read model (GET /assets/:id and the list serve it as is).
 * Uploads are live data, not seed: their ids are random uuids, like Runway's.
 */
export function uploadRecord(upload: ReceivedUpload, now = new Date()): RunwayRecord {
  const uuid = randomUUID();
  const jwt = `?_jwt=${randomBytes(24).toString('hex')}`;
  const at = now.toISOString();
  const kind = upload.type.mediaType;
  return {
    assetId: runwayAssetId(uuid),
    id: uuid,
    createdAt: at,
    updatedAt: at,
    name: upload.name,
    url: `${RUNWAY_CDN}/${uuid}.${upload.type.extension}${jwt}`,
    // Runway renders one preview frame for images and videos, none for audio.
    previewUrls: kind === 'audio' ? [] : [`${RUNWAY_CDN}/previews/${uuid}/preview-0.jpg${jwt}`],
    mediaType: kind,
    // [I] as in the seed: the MIME subtype.
    mediaSubtype: upload.type.contentType.split('/')[1]!.toLowerCase(),
    fileCount: 1,
    fileSize: upload.size,
    fileExtStandardized: upload.type.extension,
    isUserUpload: true,
    // [I] the sandbox does not probe the media; the docs' uploaded-image sample has metadata null too.
    metadata: null,
    ...RUNWAY_OWNER_FIELDS,
    favorite: false,
  };
}

const USER = {
  id: RUNWAY_ACCOUNT_ID,
  username: 'sandbox',
  firstName: 'Sandbox',
  lastName: 'Account',
  picture: null,
  teamName: 'sandbox',
  teamPicture: null,
};

/**
 * POST /assets/'s own reply model (UA-DOCS post-runwayml-assets), which differs from the reads:
 * `type: {name, type, isDirectory}` and `size` instead of mediaType/fileSize, user objects, permissions.
 */
export function uploadReply(record: RunwayRecord): Record<string, unknown> {
  return {
    assetId: record.assetId,
    id: record.id,
    user: USER,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    name: record.name,
    description: '',
    type: { name: record.mediaType, type: record.mediaType, isDirectory: false },
    size: record.fileSize,
    url: record.url,
    previewUrls: record.previewUrls,
    fileCount: record.fileCount,
    private: record.private,
    permissions: { read: true, write: true, admin: true },
    annotated: false,
    isUserUpload: true,
    sourceApplication: 'web',
    createdBy: USER,
    favorite: record.favorite,
  };
}
