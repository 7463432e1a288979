import type {
  Asset,
  AssetBase,
  AssetListFilter,
  AssetUpdate,
  ChangeFeedPage,
  DeleteResult,
  Frame,
  ListWindow,
  Page,
  PartsReport,
  Project,
  Timecode,
  UploadedPart,
  UploadInput,
  UploadTarget,
  UploadTargetInput,
} from './types.js';

/**
 * The port: what the core (loaders, the live engine, merged lists, mutations) may ask of a provider,
 * one capability per interface. A provider implements the ones it has and leaves the others absent;
 * asking for an absent one answers UNSUPPORTED_BY_PROVIDER. Generic in the provider's asset type.
 */

/**
 * What the loaders and resolvers need of a provider. `getAssets` is the one read primitive: with a
 * `maxBatch` of 1 the loaders call it with one id at a time (bounded concurrency), otherwise with up to
 * `maxBatch` ids. It returns the assets it found in any order; missing ids are simply absent.
 */
export interface AssetProvider<A extends AssetBase = Asset> {
  readonly name: A['provider'];
  readonly maxBatch: number;
  /**
   * Its assets exist only once they are finished (Runway): always READY, so the live engine never
   * polls them. Absent: they have a status worth watching.
   */
  readonly statusless?: true;
  getAssets(ids: readonly string[]): Promise<A[]>;
  listAssets(window: ListWindow, filter: AssetListFilter): Promise<Page<A>>;
  /**
   * The upstream calls listAssets(window, filter) makes, from the same paging plan it follows: the cost
   * model (src/cost/) prices a list before it runs with this, so the price cannot drift from the code.
   */
  listCalls(window: ListWindow, filter: AssetListFilter): number;
}

/** Projects holding assets (Video Jungle). */
export interface ProjectSource<A extends AssetBase = Asset> {
  listProjects(): Promise<Project[]>;
  getProject(id: string): Promise<Project>;
  listProjectAssets(projectId: string): Promise<A[]>;
}

/** A second key the provider looks assets up by (Uplynk's external ids). */
export interface ExternalIdSource<A extends AssetBase = Asset> {
  readonly maxBatch: number;
  /** Assets by external id, any order, missing ones absent. */
  getAssetsByExternalId(externalIds: readonly string[]): Promise<A[]>;
  /** An asset's external id, if it has one (so a read by id also primes the read by external id). */
  externalIdOf(asset: A): string | null;
}

/** Still images of an asset (Uplynk getframe and getthumbs). */
export interface FrameSource {
  getFrame(assetId: string, at: Timecode): Promise<Frame>;
  /**
   * Thumbnails between start and stop; the range must not exceed one second. The asset's duration,
   * when known, bounds the range the images can cover (for their times).
   */
  getThumbnails(assetId: string, start: Timecode, stop: Timecode | undefined, durationSeconds?: number | null): Promise<Frame[]>;
}

/** What changed since a time (Uplynk's change feed): the live engine's cheapest way to poll. */
export interface ChangeFeedSource {
  changesSince(since: Date): Promise<ChangeFeedPage>;
}

/**
 * A cheap readiness check (Video Jungle's GET /assets/check/{id}): whether a pending asset's file is
 * in yet, without reading the asset. The live engine checks pending assets with it, then reads once.
 */
export interface StatusCheck {
  /** True once the asset is ready to read; NOT_FOUND for an unknown id. */
  isReady(id: string): Promise<boolean>;
}

export interface AssetWriter<A extends AssetBase = Asset> {
  /** Most ids one upstream delete call takes (Uplynk 1,000; others 1). */
  readonly maxDeleteBatch: number;
  /**
   * Uploads go into a project (Video Jungle): an upload or upload target without `projectId` is
   * refused before any call. Absent: no project is needed.
   */
  readonly uploadsNeedProject?: true;
  upload?(input: UploadInput): Promise<A>;
  createUploadTarget?(input: UploadTargetInput): Promise<UploadTarget>;
  /** The most upstream calls createUploadTarget makes for an upload of `sizeBytes` (the cost model's price). */
  uploadTargetCalls?(sizeBytes: number): number;
  /** Multipart upload targets: report uploaded parts; the provider finalizes once all are in. */
  reportUploadedParts?(uploadId: string, parts: readonly UploadedPart[]): Promise<PartsReport>;
  /** Deletes up to maxDeleteBatch × n ids; never throws for one id, reports it in `failed`. */
  deleteAssets(ids: readonly string[], options: { force: boolean }): Promise<DeleteResult>;
}

export interface AssetUpdater<A extends AssetBase = Asset> {
  /** The update fields this provider supports (the rest answer UNSUPPORTED_BY_PROVIDER). */
  readonly updatableFields: readonly (keyof AssetUpdate)[];
  updateAsset(id: string, update: AssetUpdate): Promise<A>;
}

/** A provider's client: the capabilities it has; those it lacks are absent. */
export interface ProviderClient<A extends AssetBase = Asset> {
  assets: AssetProvider<A>;
  projects?: ProjectSource<A>;
  externalIds?: ExternalIdSource<A>;
  frames?: FrameSource;
  changes?: ChangeFeedSource;
  status?: StatusCheck;
  writer?: AssetWriter<A>;
  updater?: AssetUpdater<A>;
  close(): Promise<void>;
}
