import type { z } from 'zod';
import { mapLimit } from '../concurrency.js';
import { badInput, ProviderError } from '../../errors/domain.js';
import type { ProviderHttp } from '../http/index.js';
import type { AssetWriter } from '../port.js';
import type { DeleteResult, UploadInput, UploadTarget, UploadTargetInput } from '../types.js';
import type { VideoJungleAsset } from './types.js';
import { encodeMultipart } from '../multipart.js';
import { lostReply, mayHaveLanded } from '../upload-outcome.js';
import { cleanUpAfter } from './cleanup.js';
import { uuidPath } from './paths.js';
import { JSON_BODY, readBack } from './project-writer.js';
import { directUploadOf, toUploadTarget, videoFileIdOf } from './upload-target.js';
import { vjAnything, vjAssetCreated, vjCreated, vjDirectUpload, vjVideoFileCreated, type VjVideoFileCreated } from './wire.js';

/** S3 takes at most 5 GiB in one POST [I: Video Jungle documents no limit of its own]. */
const MAX_DIRECT_BYTES = 5 * 1024 ** 3;

export interface VjWriterDeps {
  http: ProviderHttp;
  /** The API's base URL: an absolute upload URL must point below it (the API key goes with it). */
  baseUrl: string;
  concurrency: number;
  fetchAsset(id: string): Promise<VideoJungleAsset>;
}

function checkFilename(filename: string): void {
  if (filename.trim() === '' || filename.length > 255) throw badInput('filename must be 1 to 255 characters');
}

/** Video Jungle keeps one piece of metadata on an asset: its description. */
function descriptionOf(metadata: UploadInput['metadata']): string {
  const { description = '', ...rest } = metadata ?? {};
  const extra = Object.keys(rest);
  if (extra.length > 0) throw badInput(`Video Jungle keeps only metadata.description, not ${extra.join(', ')}`);
  return String(description);
}

/** Everything upload() can refuse before a call; returns the project path and the description. */
function checkUpload(input: UploadInput): { project: string; description: string } {
  if (input.projectId === undefined) throw badInput('Video Jungle uploads go into a project: projectId is required');
  const project = `/projects/${uuidPath(input.projectId, 'project')}`;
  checkFilename(input.filename);
  if ((input.file === undefined) === (input.url === undefined)) throw badInput('give exactly one of file and url');
  if (input.file !== undefined && input.file.size === 0) throw badInput('the file is empty');
  return { project, description: descriptionOf(input.metadata) };
}

function checkTarget(input: UploadTargetInput): string {
  // The direct method makes a Video File, which this API only surfaces as an Asset once a project references it.
  if (input.projectId === undefined) throw badInput('Video Jungle upload targets need a projectId: the file becomes a project asset');
  const project = `/projects/${uuidPath(input.projectId, 'project')}`;
  checkFilename(input.filename);
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes <= 0 || input.sizeBytes > MAX_DIRECT_BYTES) {
    throw badInput('sizeBytes must be a whole number of bytes, from 1 to 5 GiB');
  }
  // Video files are videos; images and audio go into a project through uploadAsset [I].
  if (!/^video\//i.test(input.mimeType)) throw badInput('Video Jungle direct uploads take video files (a video/* mimeType)');
  return project;
}

/** Video Jungle's writer: uploads and upload targets are always there (no multipart parts to report). */
export type VjWriter = AssetWriter<VideoJungleAsset> & Required<Pick<AssetWriter<VideoJungleAsset>, 'upload' | 'createUploadTarget'>>;

export function createVjWriter(deps: VjWriterDeps): VjWriter {
  return new VideoJungleWriter(deps);
}

class VideoJungleWriter implements VjWriter {
  readonly maxDeleteBatch = 1;
  readonly uploadsNeedProject = true;
  // Whatever the size: the project check, the asset record and the presigned POST.
  readonly uploadTargetCalls = () => 3;
  private readonly base: string;

  constructor(private readonly deps: VjWriterDeps) {
    this.base = deps.baseUrl.replace(/\/+$/, '');
  }

  async upload(input: UploadInput): Promise<VideoJungleAsset> {
    const { project, description } = checkUpload(input);
    return input.url !== undefined ? this.addFromUrl(project, input, description) : this.uploadFile(project, input, description);
  }

  private post<T>(path: string, endpoint: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    return this.deps.http.request({ method: 'POST', path, endpoint, headers: JSON_BODY, body: JSON.stringify(body), schema });
  }

  private deleteAsset(id: string) {
    return this.deps.http.request({ method: 'DELETE', path: `/assets/${uuidPath(id, 'asset')}`, endpoint: 'DELETE /assets/{id}', schema: vjAnything });
  }

  /** The SDK prefixes BASE_URL to `upload_url.url`: a path on the API. An absolute URL elsewhere is refused. */
  private uploadPath(url: string): string {
    if (url.startsWith('/')) return url;
    if (url.startsWith(`${this.base}/`)) return url.slice(this.base.length);
    throw new ProviderError('BAD_RESPONSE', 'VIDEO_JUNGLE', 'POST /projects/{id}/asset', 'upload_url.url is not a path on the API');
  }

  /** Step 1 records the asset, step 2 sends the bytes; if step 2 surely failed, step 1's asset is deleted. */
  private async uploadFile(project: string, input: UploadInput, description: string): Promise<VideoJungleAsset> {
    const keyname = input.filename;
    const created = await this.post(
      `${project}/asset`,
      'POST /projects/{id}/asset',
      { upload_method: 'file-no-chunk', asset_type: 'user', keyname, description },
      vjAssetCreated,
    );
    let uploadedId: string;
    try {
      const file = input.file!;
      const { body, headers } = encodeMultipart([], { field: 'file', filename: input.filename, contentType: file.type || 'application/octet-stream', file });
      const path = this.uploadPath(created.upload_url.url);
      uploadedId = (await this.deps.http.request({ method: 'POST', path, endpoint: 'POST {upload_url}', headers, body, schema: vjCreated })).id;
    } catch (error) {
      const id = created.id;
      const undo = id ? () => this.deleteAsset(id) : () => Promise.reject(new Error('the reply that made it named no id to delete it by'));
      return cleanUpAfter(error, id ? `the asset ${id}` : 'the asset', undo);
    }
    return readBack(`asset ${uploadedId}`, () => this.deps.fetchAsset(uploadedId));
  }

  /**
   * Adds a video file to a project: a `video-reference` asset naming it in `keyname` (VJ-PY
   * `upload_asset`); if that surely failed, the video file is deleted. Returns the asset's id.
   */
  private async addReference(project: string, videoFileId: string, description: string): Promise<string> {
    try {
      const ref = { upload_method: 'video-reference', asset_type: 'video-reference', keyname: videoFileId, description };
      return (await this.post(`${project}/asset`, 'POST /projects/{id}/asset', ref, vjCreated)).id;
    } catch (error) {
      const path = `/video-file/${encodeURIComponent(videoFileId)}`;
      return cleanUpAfter(error, `the video file ${videoFileId}`, () =>
        this.deps.http.request({ method: 'DELETE', path, endpoint: 'DELETE /video-file/{id}', schema: vjAnything }),
      );
    }
  }

  /**
   * A file at any public URL: a video file the server downloads (POST /video-file with upload_method
   * "url" and the URL as its filename, as VJ-MCP's add-video and VJ-PY's video_files.create send it),
   * then a video reference into the project (providers.md §1.7).
   */
  private async addFromUrl(project: string, input: UploadInput, description: string): Promise<VideoJungleAsset> {
    const body = JSON.stringify({ name: input.filename, filename: input.url, upload_method: 'url' });
    let reply: VjVideoFileCreated;
    try {
      // VJ-PY waits for this answer with no timeout ("Downloading from URL..."): the server may fetch the
      // file first, so the call gets an upload's time.
      reply = await this.deps.http.request({
        method: 'POST',
        path: '/video-file',
        endpoint: 'POST /video-file',
        headers: JSON_BODY,
        body,
        schema: vjVideoFileCreated,
        upload: true,
      });
    } catch (error) {
      if (mayHaveLanded(error)) throw lostReply(error, 'Video Jungle may have made a video file of the URL, in no project yet');
      throw error;
    }
    const videoFileId = videoFileIdOf(reply);
    if (!videoFileId) throw new ProviderError('BAD_RESPONSE', 'VIDEO_JUNGLE', 'POST /video-file', 'no video file id in the answer');
    const assetId = await this.addReference(project, videoFileId, description);
    return readBack(`asset ${assetId}`, () => this.deps.fetchAsset(assetId));
  }

  async createUploadTarget(input: UploadTargetInput): Promise<UploadTarget> {
    const project = checkTarget(input);
    const body = { name: input.filename, filename: input.filename, upload_method: 'direct' };
    const reply = await this.post('/video-file', 'POST /video-file', body, vjDirectUpload);
    const direct = directUploadOf(reply);
    if (!direct) throw new ProviderError('BAD_RESPONSE', 'VIDEO_JUNGLE', 'POST /video-file', 'no presigned upload_url and video id in the answer');
    const assetId = await this.addReference(project, direct.videoFileId, '');
    return toUploadTarget(direct, await readBack(`asset ${assetId}`, () => this.deps.fetchAsset(assetId)));
  }

  /**
   * One DELETE per id (no multi-delete upstream), bounded; a failing id is reported, never thrown.
   * `force` changes nothing: Video Jungle has nothing that blocks a delete.
   */
  async deleteAssets(ids: readonly string[]): Promise<DeleteResult> {
    const unique = [...new Set(ids)];
    // A malformed id fails in uuidPath, before its call, like any other failure of its own.
    const outcomes = await mapLimit(unique, this.deps.concurrency, async (id) => {
      try {
        await this.deleteAsset(id);
        return { id, error: null };
      } catch (error) {
        return { id, error: error instanceof Error ? error : new Error(String(error)) };
      }
    });
    return {
      deleted: outcomes.filter((o) => o.error === null).map((o) => o.id),
      failed: outcomes.flatMap((o) => (o.error === null ? [] : [{ id: o.id, error: o.error }])),
    };
  }
}
