/**
 * The normalised domain every provider maps into, and the port a provider implements. Nothing here
 * knows a provider's JSON or GraphQL; resolvers and loaders see only these types.
 */

export const PROVIDERS = ['VIDEO_JUNGLE', 'UPLYNK', 'TWELVE_LABS', 'RUNWAY'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  VIDEO_JUNGLE: 'Video Jungle',
  UPLYNK: 'Uplynk',
  TWELVE_LABS: 'Twelve Labs',
  RUNWAY: 'Runway',
};

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
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  /** Total count when the provider reports one. */
  totalCount: number | null;
}

export type Capability =
  | 'ASSET_READ'
  | 'ASSET_LIST'
  | 'MULTI_GET'
  | 'EXTERNAL_IDS'
  | 'PROJECTS'
  | 'FRAMES'
  | 'THUMBNAILS'
  | 'CHANGE_FEED'
  | 'SEARCH'
  | 'MEDIA_TYPE_FILTER';

/**
 * What the loaders and resolvers need of a provider. `getAssets` is the one read primitive: with a
 * `maxBatch` of 1 the loaders call it with one id at a time (bounded concurrency), otherwise with up to
 * `maxBatch` ids. It returns the assets it found in any order; missing ids are simply absent.
 */
export interface AssetProvider<P extends ProviderName = ProviderName> {
  readonly name: P;
  readonly sandbox: boolean;
  readonly capabilities: readonly Capability[];
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
  /** Thumbnails between start and stop; the range must not exceed one second. */
  getThumbnails(assetId: string, start: Timecode, stop: Timecode | undefined): Promise<Frame[]>;
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
  close(): Promise<void>;
}
