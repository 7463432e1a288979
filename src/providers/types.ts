/**
 * The normalised domain every provider maps into, and the port a provider implements. Nothing here
 * knows a provider's JSON or GraphQL; resolvers and loaders see only these types.
 */

import type { ProviderName } from './index.js';

export type { ProviderName };

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

export interface VideoJungleAsset extends AssetBase {
  provider: 'VIDEO_JUNGLE';
  keyname: string | null;
  assetType: string | null;
  assetPath: string | null;
  description: string | null;
  generatedDescription: string | null;
  createParameters: unknown;
  uploaded: boolean;
  projectId: string | null;
}

export interface UplynkBreakOffset {
  breakType: string;
  durationSeconds: number | null;
  offsetSeconds: number;
  name: string | null;
}

export interface UplynkTestPlayer {
  id: string;
  description: string | null;
  url: string;
}

export interface UplynkAsset extends AssetBase {
  provider: 'UPLYNK';
  externalId: string | null;
  origFilename: string | null;
  jobType: string | null;
  requireDrm: boolean;
  requireStudioDrm: boolean;
  autoExpireAt: Date | null;
  deletedAt: Date | null;
  slices: number | null;
  rays: string[];
  breakOffsets: UplynkBreakOffset[];
  posterUrl: string | null;
  mp4Url: string | null;
  ttmlUrl: string | null;
  testPlayerUrl: string | null;
  embedPlayerUrl: string | null;
  testPlayers: UplynkTestPlayer[];
  meta: Record<string, unknown>;
  libraries: string[];
}

export interface TwelveLabsRendition {
  url: string | null;
  status: string;
}

export interface TwelveLabsAsset extends AssetBase {
  provider: 'TWELVE_LABS';
  /** direct | url | multipart */
  method: string | null;
  filename: string | null;
  userMetadata: Record<string, unknown> | null;
  hls: TwelveLabsRendition | null;
  thumbnail: TwelveLabsRendition | null;
  technicalMetadata: Record<string, unknown> | null;
  errorMessage: string | null;
  /** Legacy field of older API revisions. */
  urlExpiresAt: Date | null;
}

export interface RunwayAsset extends AssetBase {
  provider: 'RUNWAY';
  /** The bare asset uuid (`id` on the wire; providerId is the composite assetId). */
  uuid: string | null;
  taskId: string | null;
  parentAssetGroupId: string | null;
  mediaSubtype: string | null;
  fileCount: number | null;
  fileExtension: string | null;
  isUserUpload: boolean | null;
  previewUrls: string[];
  isPrivate: boolean | null;
  favorite: boolean | null;
  username: string | null;
  frameRate: number | null;
  hasAudio: boolean | null;
  hasAlphaChannel: boolean | null;
}

export type Asset = VideoJungleAsset | UplynkAsset | TwelveLabsAsset | RunwayAsset;
export type AssetOf<P extends ProviderName> = Extract<Asset, { provider: P }>;

export interface Project {
  id: string;
  name: string;
  description: string | null;
  data: unknown;
  createdAt: Date | null;
  ownerId: string | null;
  assetCount: number | null;
  /** Present when the provider embedded the project's assets in the project itself. */
  assets: VideoJungleAsset[] | null;
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

/**
 * What the loaders and resolvers need of a provider. `getAssets` is the one read primitive: with a
 * `maxBatch` of 1 the loaders call it with one id at a time (bounded concurrency), otherwise with up to
 * `maxBatch` ids. It returns the assets it found in any order; missing ids are simply absent.
 */
export interface AssetProvider<P extends ProviderName = ProviderName> {
  readonly name: P;
  readonly maxBatch: number;
  getAssets(ids: readonly string[]): Promise<AssetOf<P>[]>;
  listAssets(window: ListWindow, filter: AssetListFilter): Promise<Page<AssetOf<P>>>;
}

export interface ProjectSource {
  listProjects(): Promise<Project[]>;
  getProject(id: string): Promise<Project>;
  listProjectAssets(projectId: string): Promise<VideoJungleAsset[]>;
}

export interface ExternalIdSource {
  readonly maxBatch: number;
  /** Assets by external id, any order, missing ones absent. */
  getAssetsByExternalId(externalIds: readonly string[]): Promise<UplynkAsset[]>;
}

/** A point in an asset: milliseconds, or the provider's "hh:mm:ss.ms" text. */
export type Timecode = number | string;

export interface FrameSource {
  getFrame(assetId: string, at: Timecode): Promise<Frame>;
  /**
   * Thumbnails between start and stop; the range must not exceed one second. The asset's duration,
   * when known, bounds the range the images can cover (for their times).
   */
  getThumbnails(assetId: string, start: Timecode, stop: Timecode | undefined, durationSeconds?: number | null): Promise<Frame[]>;
}

export interface ChangeFeedSource {
  changesSince(since: Date): Promise<ChangeFeedPage>;
}

/** Capabilities a provider lacks are absent; resolvers answer UNSUPPORTED_BY_PROVIDER for them. */
export interface ProviderClient<P extends ProviderName = ProviderName> {
  assets: AssetProvider<P>;
  projects?: ProjectSource;
  externalIds?: ExternalIdSource;
  frames?: FrameSource;
  changes?: ChangeFeedSource;
  writer?: AssetWriter<P>;
  updater?: AssetUpdater<P>;
  projectWriter?: ProjectWriter;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------
// Write side. Each capability is optional: a provider without it answers UNSUPPORTED_BY_PROVIDER.

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

export interface AssetWriter<P extends ProviderName = ProviderName> {
  /** Most ids one upstream delete call takes (Uplynk 1,000; others 1). */
  readonly maxDeleteBatch: number;
  upload?(input: UploadInput): Promise<AssetOf<P>>;
  createUploadTarget?(input: UploadTargetInput): Promise<UploadTarget>;
  /** Multipart upload targets: report uploaded parts; the provider finalizes once all are in. */
  reportUploadedParts?(uploadId: string, parts: readonly UploadedPart[]): Promise<PartsReport>;
  /** Deletes up to maxDeleteBatch × n ids; never throws for one id, reports it in `failed`. */
  deleteAssets(ids: readonly string[], options: { force: boolean }): Promise<DeleteResult>;
}

/** Uplynk asset/update fields; undefined = unchanged. */
export interface UplynkAssetUpdate {
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

export interface AssetUpdater<P extends ProviderName = ProviderName> {
  /** The update fields this provider supports (the rest answer UNSUPPORTED_BY_PROVIDER). */
  readonly updatableFields: readonly (keyof UplynkAssetUpdate)[];
  updateAsset(id: string, update: UplynkAssetUpdate): Promise<AssetOf<P>>;
}

export interface GenerateInput {
  projectId: string;
  scriptId: string;
  parameters: { name: string; value: string }[];
  prompt?: string;
  promptPersona?: string;
}

/** Video Jungle's edit document (VideoEditCreate), already validated. */
export interface VideoEdit {
  version: string;
  outputFormat: string;
  /** "WxH" */
  resolution: string;
  fps: number;
  filename: string;
  name?: string;
  description?: string;
  skipRendering?: boolean;
  subtitleFromAudioOverlay?: boolean;
  autoVerticalCrop?: 'standard' | 'tight' | 'loose' | null;
  clips: {
    videoId: string;
    type: string;
    start: string;
    end?: string;
    audioLevels: { level: number; start?: string; end?: string }[];
    crop?: { zoom: number; positionX: number; positionY: number };
  }[];
  audioOverlays: {
    audioId: string;
    type: string;
    start?: string;
    end?: string;
    audioLevels: { level: number; start?: string; end?: string }[];
  }[];
}

export interface ProjectInput {
  name: string;
  description?: string;
  promptId?: string;
  /** Video Jungle's generation method / template key (default "prompt-to-video"). */
  generationMethod?: string;
}

/** Video Jungle's own write operations. */
export interface ProjectWriter {
  createProject(input: ProjectInput): Promise<Project>;
  deleteProject(id: string): Promise<void>;
  /** The pending asset a generation becomes. */
  generate(input: GenerateInput): Promise<VideoJungleAsset>;
  /** The asset the render becomes, and the edit's id. */
  renderEdit(projectId: string, edit: VideoEdit): Promise<{ asset: VideoJungleAsset; editId: string }>;
}
