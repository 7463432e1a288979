import type { RunwayConfig } from './env.js';
import { mapLimit } from '../concurrency.js';
import { badInput, ProviderError, unsupported } from '../../errors/domain.js';
import type { ProviderHttp } from '../http/index.js';
import type { AssetWriter } from '../port.js';
import type { DeleteFailure, DeleteResult, UploadFile, UploadInput } from '../types.js';
import type { RunwayAsset } from './types.js';
import { mapRunwayUpload } from './map.js';
import { resolveRunwayUploadType, RUNWAY_UPLOAD_MAX_BYTES, RUNWAY_UPLOAD_TYPES, type RunwayUploadType } from './media-types.js';
import { runwayAssetPath } from './paths.js';
import { RUNWAY_ASSET_ID, runwayDeleteReplySchema, runwayUploadReplySchema } from './wire.js';
import { abandonedUpload, fileStream, fileStreamFailure } from '../file-stream.js';
import { lostReply, mayHaveLanded } from '../upload-outcome.js';

const UPLOAD = 'POST /assets/';
const DELETE = 'DELETE /assets/{assetId}';
const NAME_MAX = 255;
const ACCEPTED = [...new Set(RUNWAY_UPLOAD_TYPES.map((t) => t.contentType))].join(', ');

/**
 * useapi.net's asset writes: a raw-body upload (no presigned target exists, so no createUploadTarget)
 * and one DELETE per id. Neither is retried: http.request never repeats a non-GET.
 */
export function createRunwayWriter(http: ProviderHttp, config: RunwayConfig, concurrency: number): AssetWriter<RunwayAsset> {
  return {
    maxDeleteBatch: 1,
    upload: (input) => upload(http, config, input),
    // `force` has no meaning here: useapi reports no "asset in use" conflict to override.
    deleteAssets: (ids) => deleteAssets(http, ids, concurrency),
  };
}

/** Everything useapi would refuse, checked before a byte is sent; returns the type to send. */
function checkUpload(input: UploadInput): { file: UploadFile; type: RunwayUploadType } {
  if (input.url !== undefined) throw unsupported('RUNWAY', 'uploading from a URL');
  // Runway has no projects and keeps no free-form metadata on assets: refuse rather than drop them.
  if (input.projectId !== undefined) throw unsupported('RUNWAY', 'uploading into a project');
  if (input.metadata && Object.keys(input.metadata).length > 0) throw unsupported('RUNWAY', 'asset metadata');
  const file = input.file;
  if (!file) throw badInput('a file is required to upload to Runway');
  if (input.filename.trim() === '') throw badInput('filename must not be empty');
  if (input.filename.length > NAME_MAX) throw badInput(`filename must be at most ${NAME_MAX} characters`);
  if (file.size === 0) throw badInput('the file is empty');
  if (file.size > RUNWAY_UPLOAD_MAX_BYTES) {
    throw badInput(`the file is ${file.size} bytes; Runway uploads are limited to ${RUNWAY_UPLOAD_MAX_BYTES} bytes`);
  }
  const type = resolveRunwayUploadType(file.type, input.filename) ?? resolveRunwayUploadType(file.type, file.name);
  if (!type) {
    const what = JSON.stringify(file.type || '(none)');
    throw badInput(`Runway does not accept files of type ${what}; accepted: ${ACCEPTED}`);
  }
  return { file, type };
}

async function upload(http: ProviderHttp, config: RunwayConfig, input: UploadInput): Promise<RunwayAsset> {
  const { file, type } = checkUpload(input);
  const name = input.filename;
  // Streamed from the caller's file: the bytes are never copied into one buffer here.
  const body = fileStream(file);
  try {
    const wire = await http.request({
      method: 'POST',
      path: '/assets/',
      endpoint: UPLOAD,
      query: { name, email: config.email || undefined },
      headers: { 'content-type': type.contentType, 'content-length': String(file.size) },
      body,
      schema: runwayUploadReplySchema,
      check: (reply) => (reply.assetId ? null : new ProviderError('BAD_RESPONSE', 'RUNWAY', UPLOAD, 'the upload reply has no assetId')),
    });
    return mapRunwayUpload(wire, type)!;
  } catch (error) {
    // Our side broke, not Runway: the body was cut short, so the upload was abandoned unstored.
    const broken = fileStreamFailure(error);
    if (broken) throw abandonedUpload(broken);
    // A single call creates the asset, so nothing of ours is left half-made; but the id never came back.
    if (mayHaveLanded(error)) {
      throw lostReply(error, `Runway may or may not have stored ${JSON.stringify(name)}: look for it in the asset list before uploading again`);
    }
    throw error;
  }
}

async function deleteAssets(http: ProviderHttp, ids: readonly string[], concurrency: number): Promise<DeleteResult> {
  // A repeated id would earn a 404 on its second delete; one call per distinct id.
  const unique = [...new Set(ids)];
  const failures = await mapLimit(unique, concurrency, (id) => deleteOne(http, id));
  const failed = failures.filter((f): f is DeleteFailure => f !== null);
  const lost = new Set(failed.map((f) => f.id));
  return { deleted: unique.filter((id) => !lost.has(id)), failed };
}

/** Null when deleted; otherwise why not (a 404 is a NOT_FOUND ProviderError, a malformed id a badInput). */
async function deleteOne(http: ProviderHttp, id: string): Promise<DeleteFailure | null> {
  if (!RUNWAY_ASSET_ID.test(id)) {
    const message = `${JSON.stringify(id)} is not a Runway asset id (user:<id>-runwayml:<email>-asset:<uuid>)`;
    return { id, error: badInput(message) };
  }
  try {
    await http.request({
      method: 'DELETE',
      path: runwayAssetPath(id),
      endpoint: DELETE,
      schema: runwayDeleteReplySchema,
      check: (reply) => (reply?.success === false ? new ProviderError('REJECTED', 'RUNWAY', DELETE, reply.error ?? 'the delete was not accepted') : null),
    });
    return null;
  } catch (error) {
    return { id, error: error instanceof Error ? error : new Error(String(error)) };
  }
}
