/**
 * The normalised domain every provider maps into (the port a provider implements is ./port.ts; each
 * provider's own asset type is in its folder). Nothing here knows a provider's JSON or GraphQL.
 */

import type { Asset, AssetOf, ProviderName } from './index.js';

export type { Asset, AssetOf, ProviderName };

export const ASSET_STATUSES = ['PENDING', 'PROCESSING', 'READY', 'FAILED', 'DELETED'] as const;
export type AssetStatus = (typeof ASSET_STATUSES)[number];

export const MEDIA_TYPES = ['VIDEO', 'IMAGE', 'AUDIO', 'TEXT', 'OTHER'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** Fields every provider can fill; null where the provider does not say. */
export interface AssetBase {
  provider: ProviderName;
  /** The provider's own id, exactly as its API spells it. */
  providerId: string;
  name: string | null;
  mediaType: MediaType | null;
  status: AssetStatus;
  /** The raw status value from the provider, for anything the normalised enum loses. */
  providerStatus: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  url: string | null;
  downloadUrl: string | null;
  thumbnailUrl: string | null;
  durationSeconds: number | null;
  sizeBytes: number | null;
  mimeType: string | null;
  width: number | null;
  height: number | null;
}

export interface Project {
  id: string;
  name: string;
  description: string | null;
  data: unknown;
  createdAt: Date | null;
  ownerId: string | null;
  assetCount: number | null;
  /** Present when the provider embedded the project's assets in the project itself. */
  assets: Asset[] | null;
  /** The scripts a generation runs, with the parameters each needs; present when the provider sent them. */
  scripts: ProjectScript[] | null;
}

/** A project's generation script, and the parameters a generation from it must give. */
export interface ProjectScript {
  id: string;
  name: string | null;
  parameters: { name: string; type: string | null; description: string | null }[];
}

/** A still image of an asset at a point in time. */
export interface Frame {
  provider: ProviderName;
  assetId: string;
  /** Milliseconds from the start of the asset, when known. */
  atMs: number | null;
  mimeType: string;
  /** The image bytes, base64 (standard alphabet). */
  base64: string;
}

export type ChangeAction = 'CREATED' | 'UPDATED' | 'DELETED';

export interface Change {
  provider: ProviderName;
  providerId: string;
  action: ChangeAction;
  at: Date;
  /** The asset as of the change, when the provider sent it. */
  asset: Asset | null;
}

export interface ChangeFeedPage {
  changes: Change[];
  start: Date;
  /** Where the next read starts (Uplynk re-reports the boundary change). */
  next: Date;
}

/** A window into a provider's list, newest first. Offsets are the only paging notion above providers. */
export interface ListWindow {
  offset: number;
  limit: number;
}

export interface AssetListFilter {
  /** Free-text search; each provider applies it natively or answers UNSUPPORTED_BY_PROVIDER. */
  search?: string | undefined;
  mediaType?: MediaType | undefined;
  /**
   * Also list what other accounts share with this one, where a provider has that (Uplynk's shared
   * libraries); default false. Providers without shared content have nothing to add.
   */
  includeShared?: boolean | undefined;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  /** Total count when the provider reports one. */
  totalCount: number | null;
}

export const CAPABILITIES = [
  'ASSET_READ',
  'ASSET_LIST',
  'MULTI_GET',
  'EXTERNAL_IDS',
  'PROJECTS',
  'FRAMES',
  'THUMBNAILS',
  'CHANGE_FEED',
  'SEARCH',
  'MEDIA_TYPE_FILTER',
  'UPLOAD',
  'UPLOAD_TARGET',
  'DELETE',
  'UPDATE',
  'GENERATE',
  'RENDER_EDIT',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** A point in an asset: milliseconds, or the provider's "hh:mm:ss.ms" text. */
export type Timecode = number | string;

/** A file received from the caller (yoga hands resolvers web `File`s); read it once, as a stream. */
export type UploadFile = Pick<File, 'name' | 'type' | 'size' | 'stream' | 'arrayBuffer'>;

export interface UploadInput {
  /** The asset's file name (defaults to the file's own name); 1–255 characters. */
  filename: string;
  /** Exactly one of `file` and `url` is set (the resolver checks before any call). */
  file?: UploadFile;
  /** http(s) URL the provider fetches itself. */
  url?: string;
  /** Video Jungle: the project the asset belongs to (required there). */
  projectId?: string;
  /** Free-form metadata where the provider keeps some (Twelve Labs user_metadata, Video Jungle description). */
  metadata?: Record<string, string | number | boolean>;
}

/** Where and how a client uploads a large file itself (Shopify's stagedUploadsCreate, per provider). */
export interface UploadTarget {
  /** The URL to send the bytes to (for multipart uploads: the first part's URL). */
  url: string;
  method: 'POST' | 'PUT';
  /** Form fields to send before the file (S3 presigned POST); empty otherwise. */
  fields: { name: string; value: string }[];
  headers: { name: string; value: string }[];
  /** For multipart uploads: every part's URL and how many bytes go in each. */
  parts: { partNumber: number; url: string }[];
  chunkSizeBytes: number | null;
  /** The provider's upload session id, when there is one (Twelve Labs multipart uploads). */
  uploadId: string | null;
  expiresAt: Date | null;
  /** The asset the upload becomes, as it stands now (usually PENDING). */
  asset: Asset | null;
}

export interface UploadTargetInput {
  filename: string;
  mimeType: string;
  sizeBytes: number;
  projectId?: string;
}

/** One id a delete could not remove, with why (a ProviderError, or an DomainError for bad input). */
export interface DeleteFailure {
  id: string;
  error: Error;
}

export interface DeleteResult {
  deleted: string[];
  failed: DeleteFailure[];
}

/** One part of a multipart upload target, as the caller uploaded it: its number, the ETag its PUT answered, its size. */
export interface UploadedPart {
  partNumber: number;
  etag: string;
  sizeBytes: number;
}

/** What the provider counted after parts were reported; `fileUrl` is set once the last part is in. */
export interface PartsReport {
  assetId: string | null;
  processedParts: number;
  duplicateParts: number;
  totalCompleted: number;
  fileUrl: string | null;
}

/** The fields an update may change (each provider supports some: AssetUpdater.updatableFields); undefined = unchanged. */
export interface AssetUpdate {
  name?: string;
  externalId?: string;
  /** `{}` clears. */
  metadata?: Record<string, unknown>;
  /** Base64 image under 3 MB before encoding; '' resets to the default poster. */
  posterImage?: string;
  /** null = never expires. */
  autoExpireAt?: Date | null;
  requireDrm?: boolean;
  requireStudioDrm?: boolean;
  newTestPlayer?: boolean;
  newEmbedPlayer?: boolean;
}
