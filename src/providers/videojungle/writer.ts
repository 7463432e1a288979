import type { z } from 'zod';
import { mapLimit } from '../../concurrency.js';
import { badInput, ProviderError } from '../../errors.js';
import type { ProviderHttp } from '../http.js';
import type { AssetWriter, DeleteResult, UploadInput, UploadTarget, UploadTargetInput, VideoJungleAsset } from '../types.js';
import { abandonedUpload, fileStreamFailure } from '../file-stream.js';
import { encodeMultipart } from '../multipart.js';
import { lostReply, mayHaveLanded } from '../upload-outcome.js';
import { isYouTubeUrl, uuidPath } from './paths.js';
import { JSON_BODY, readBack } from './project-writer.js';
import { directUploadOf, toUploadTarget } from './upload-target.js';
import { vjAnything, vjAssetCreated, vjCreated, vjDirectUpload } from './wire.js';

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
  // The API fetches only YouTube links into a project (asset_type "youtube-url", the SDK's is_youtube_url
  // test); any other file must be sent as bytes.
  if (input.url !== undefined && !isYouTubeUrl(input.url)) {
    throw badInput('Video Jungle only fetches YouTube URLs into a project; upload other files as a file');
  }
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

/**
 * After a step failed, undoes what the step before it made, but only once the failure is certain: a
 * step with no reply (a timeout, a dropped connection) may have landed, and may already use what came
 * before (a stored file, a reference to a video file), so that is kept and named instead. A deleted
 * upload is data lost; a stray asset the caller can remove.
 */
async function cleanUpAfter(error: unknown, made: string, undo: () => Promise<unknown>): Promise<never> {
  if (mayHaveLanded(error)) {
    throw lostReply(error, `Video Jungle may have completed it: ${made} was kept (look at it before trying again)`);
  }
  // The caller's own file broke mid-send: no whole file reached Video Jungle, so the undo is safe.
  const broken = fileStreamFailure(error);
  return undoing(broken ? abandonedUpload(broken) : error, made, undo);
}

/** A step's error, noting what its cleanup could not undo; the step's error itself when cleanup worked. */
async function undoing(error: unknown, what: string, undo: () => Promise<unknown>): Promise<never> {
  try {
    await undo();
  } catch (cleanup) {
    if (error instanceof ProviderError && !(cleanup instanceof ProviderError && cleanup.kind === 'NOT_FOUND')) {
      const detail = `${error.detail}; ${what} it created first could not be removed: ${(cleanup as Error).message}`;
      throw new ProviderError(error.kind, error.provider, error.endpoint, detail, { ...error.options, cause: error });
    }
  }
  throw error;
}

/** Video Jungle's writer: uploads and upload targets are always there (no multipart parts to report). */
export type VjWriter = AssetWriter<'VIDEO_JUNGLE'> &
  Required<Pick<AssetWriter<'VIDEO_JUNGLE'>, 'upload' | 'createUploadTarget'>>;

export function createVjWriter(deps: VjWriterDeps): VjWriter {
  const { http, fetchAsset } = deps;
  const base = deps.baseUrl.replace(/\/+$/, '');
  const post = <T>(path: string, endpoint: string, body: unknown, schema: z.ZodType<T>) =>
    http.request({ method: 'POST', path, endpoint, headers: JSON_BODY, body: JSON.stringify(body), schema });
  const deleteAsset = (id: string) =>
    http.request({ method: 'DELETE', path: `/assets/${uuidPath(id, 'asset')}`, endpoint: 'DELETE /assets/{id}', schema: vjAnything });

  /** The SDK prefixes BASE_URL to `upload_url.url`: a path on the API. An absolute URL elsewhere is refused. */
  function uploadPath(url: string): string {
    if (url.startsWith('/')) return url;
    if (url.startsWith(`${base}/`)) return url.slice(base.length);
    throw new ProviderError('BAD_RESPONSE', 'VIDEO_JUNGLE', 'POST /projects/{id}/asset', 'upload_url.url is not a path on the API');
  }

  /** Step 1 records the asset, step 2 sends the bytes; if step 2 surely failed, step 1's asset is deleted. */
  async function uploadFile(project: string, input: UploadInput, description: string): Promise<VideoJungleAsset> {
    const keyname = input.filename;
    const created = await post(`${project}/asset`, 'POST /projects/{id}/asset',
      { upload_method: 'file-no-chunk', asset_type: 'user', keyname, description }, vjAssetCreated);
    let uploadedId: string;
    try {
      const file = input.file!;
      const { body, headers } = encodeMultipart([], { field: 'file', filename: input.filename, contentType: file.type || 'application/octet-stream', file });
      const path = uploadPath(created.upload_url.url);
      uploadedId = (await http.request({ method: 'POST', path, endpoint: 'POST {upload_url}', headers, body, schema: vjCreated })).id;
    } catch (error) {
      return cleanUpAfter(error, `the asset ${created.id}`, () => deleteAsset(created.id));
    }
    return readBack(`asset ${uploadedId}`, () => fetchAsset(uploadedId));
  }

  /** A YouTube link: one call, the server fetches it. The link is the keyname, as stored on youtube-url assets. */
  async function addYouTube(project: string, url: string, description: string): Promise<VideoJungleAsset> {
    // upload_method "url" is the value the API documents for "the server downloads it" (VideoUpload) [I].
    const body = { upload_method: 'url', asset_type: 'youtube-url', keyname: url, description };
    const created = await post(`${project}/asset`, 'POST /projects/{id}/asset', body, vjCreated);
    return readBack(`asset ${created.id}`, () => fetchAsset(created.id));
  }

  async function createUploadTarget(input: UploadTargetInput): Promise<UploadTarget> {
    const project = checkTarget(input);
    const body = { name: input.filename, filename: input.filename, upload_method: 'direct' };
    const reply = await post('/video-file', 'POST /video-file', body, vjDirectUpload);
    const direct = directUploadOf(reply);
    if (!direct) throw new ProviderError('BAD_RESPONSE', 'VIDEO_JUNGLE', 'POST /video-file', 'no presigned upload_url and video id in the answer');
    let assetId: string;
    try {
      const ref = { upload_method: 'video-reference', asset_type: 'video-reference', keyname: direct.videoFileId, description: '' };
      assetId = (await post(`${project}/asset`, 'POST /projects/{id}/asset', ref, vjCreated)).id;
    } catch (error) {
      const path = `/video-file/${encodeURIComponent(direct.videoFileId)}`;
      return cleanUpAfter(error, `the video file ${direct.videoFileId}`, () =>
        http.request({ method: 'DELETE', path, endpoint: 'DELETE /video-file/{id}', schema: vjAnything }));
    }
    return toUploadTarget(direct, await readBack(`asset ${assetId}`, () => fetchAsset(assetId)));
  }

  /**
   * One DELETE per id (no multi-delete upstream), bounded; a failing id is reported, never thrown.
   * `force` changes nothing: Video Jungle has nothing that blocks a delete.
   */
  async function deleteAssets(ids: readonly string[]): Promise<DeleteResult> {
    const unique = [...new Set(ids)];
    // A malformed id fails in uuidPath, before its call, like any other failure of its own.
    const outcomes = await mapLimit(unique, deps.concurrency, async (id) => {
      try {
        await deleteAsset(id);
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

  return {
    maxDeleteBatch: 1,
    async upload(input: UploadInput): Promise<VideoJungleAsset> {
      const { project, description } = checkUpload(input);
      return input.url !== undefined ? addYouTube(project, input.url, description) : uploadFile(project, input, description);
    },
    createUploadTarget,
    deleteAssets,
  };
}
