import type { SandboxRequest, SandboxResponse } from '../server.js';
import { amzDate } from './formats.js';
import type { AssetCreateBody, VideoUploadBody } from './models.js';
import { detail, json } from './routes.js';
import type { ProjectSeed } from './seed.js';
import { videoFileView, type VideoFileRecord } from './views.js';
import type { VideoJungleWrites } from './writes.js';

/** The SDK's is_youtube_url. */
const YOUTUBE = /(?:https?:\/\/)?(?:www\.)?(?:youtube\.com\/(?:watch\?v=|embed\/|v\/)|youtu\.be\/)([a-zA-Z0-9_-]{11})/;
/**
 * A project asset's upload methods (VJ-PY `upload_asset`): "url" is a video file's (POST /video-file),
 * and no source sends it here, so it gets the 400 an unknown method gets (providers.md §1.7).
 */
const ASSET_UPLOAD_METHODS = new Set(['file-no-chunk', 'video-reference']);
/** boto3's default ExpiresIn for a presigned POST [I: Video Jungle's own expiry is unknown]. */
const POLICY_TTL_MS = 3_600_000;
export const S3_BUCKET = 'video-jungle-uploads';
export const S3_PATH = `/__s3/${S3_BUCKET}`;

/**
 * Uploads: project assets (POST /projects/{id}/asset, then the bytes on the upload URL it returns) and
 * video files (POST /video-file, whose `direct` method hands out an S3 presigned POST served by s3.ts).
 */
export class VideoJungleUploads {
  /** S3 object key → video file id, for the fake S3 to find what a POST completes. */
  readonly byS3Key = new Map<string, string>();

  constructor(readonly writes: VideoJungleWrites) {}

  /**
   * A "user" asset waits for its bytes (status null, not uploaded) and answers with `upload_url.url`: a
   * path on this API, as the SDK prefixes BASE_URL to it [I: /assets/{id}/upload is this sandbox's choice].
   * A YouTube link is fetched by the server, so it processes at once; a video reference processes once
   * its video file's bytes are in.
   */
  createAsset(project: ProjectSeed, body: AssetCreateBody): SandboxResponse {
    if (!ASSET_UPLOAD_METHODS.has(body.upload_method)) return detail(400, `Invalid upload_method: ${body.upload_method}`);
    const { keyname, description } = body;
    switch (body.asset_type) {
      case 'user': {
        if (body.upload_method !== 'file-no-chunk') return detail(400, 'user assets are uploaded with upload_method file-no-chunk');
        const assetPath = `${project.ownerId}/${project.id}/${keyname}`;
        const record = this.writes.newAsset(project, { keyname, assetType: 'user', assetPath, description });
        return this.writes.assetReply(record, { upload_url: { url: `/assets/${record.id}/upload` } });
      }
      case 'youtube-url': {
        if (!YOUTUBE.test(keyname)) return detail(400, 'keyname is not a YouTube URL');
        const record = this.writes.newAsset(project, { keyname, assetType: 'youtube-url', description, status: 'processing' });
        return this.writes.assetReply(record);
      }
      case 'video-reference':
        return this.addReference(project, body);
      default:
        return detail(400, `Invalid asset_type: ${body.asset_type}`);
    }
  }

  private addReference(project: ProjectSeed, body: AssetCreateBody): SandboxResponse {
    if (body.upload_method !== 'video-reference') return detail(400, 'video references use upload_method video-reference');
    const file = this.writes.videoFiles.get(body.keyname.toLowerCase());
    if (!file) return detail(404, 'Video file not found');
    const arrived = file.status === 'uploaded';
    const record = this.writes.newAsset(project, {
      keyname: file.id,
      assetType: 'video-reference',
      description: body.description,
      status: arrived ? 'processing' : 'queued',
      videoFileId: file.id,
    });
    return this.writes.assetReply(record);
  }

  /** The upload step: multipart with a `file` part, as FastAPI's UploadFile parameter requires. */
  async receiveBytes(assetId: string, req: SandboxRequest): Promise<SandboxResponse> {
    const store = this.writes.store;
    const record = store.assetRecord(assetId);
    if (!record) return detail(404, 'Asset not found');
    if (record.assetType !== 'user' || record.uploaded || record.landsAt !== null) return detail(400, 'Asset is not awaiting an upload');
    const form = await readForm(req);
    const file = form?.get('file');
    if (file === undefined || file === null) {
      return json(422, { detail: [{ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null }] });
    }
    if (typeof file === 'string') {
      const msg = "Value error, Expected UploadFile, received: <class 'str'>";
      return json(422, { detail: [{ type: 'value_error', loc: ['body', 'file'], msg, input: file, ctx: { error: {} } }] });
    }
    // The bytes are stored, then the asset processes for the store's delay before it counts as uploaded [I].
    record.received = { filename: file.name, size: file.size, type: file.type };
    store.startProcessing(record.id);
    return this.writes.assetReply(record);
  }

  /** POST /video-file. Only `direct` hands out an upload form; the sandbox serves no upload-video endpoint. */
  createVideoFile(body: VideoUploadBody, host: string): SandboxResponse {
    if (!['file-no-chunk', 'url', 'direct'].includes(body.upload_method)) return detail(400, `Invalid upload_method: ${body.upload_method}`);
    if (body.upload_method === 'url' && !/^https?:\/\//.test(body.filename)) return detail(400, 'filename must be a URL to download');
    const { prng, store } = this.writes;
    const file: VideoFileRecord = {
      id: prng.uuid(),
      key: prng.uuid(),
      name: body.name,
      filename: body.filename,
      ownerId: store.ownerId,
      createdAt: this.writes.timestamp(),
      uploadMethod: body.upload_method,
      // A URL is fetched by the server [I: at once, here].
      status: body.upload_method === 'url' ? 'uploaded' : 'pending',
      upload: null,
    };
    this.writes.videoFiles.set(file.id, file);
    if (body.upload_method !== 'direct') return json(200, { video: videoFileView(file) });
    const fields = this.presignedFields(file);
    file.upload = { fields, expiresAt: store.now() + POLICY_TTL_MS };
    this.byS3Key.set(fields.key!, file.id);
    return json(200, { upload_url: { url: `http://${host}${S3_PATH}`, fields }, video: videoFileView(file) });
  }

  /** The video file, for tests (its status moves to 'uploaded' when the S3 POST completes). */
  videoFile(id: string): Readonly<VideoFileRecord> | undefined {
    return this.writes.videoFiles.get(id);
  }

  videoFileIds(): string[] {
    return [...this.writes.videoFiles.keys()];
  }

  deleteVideoFile(id: string): SandboxResponse {
    const file = this.writes.videoFiles.get(id);
    if (!file) return detail(404, 'Video file not found');
    this.writes.videoFiles.delete(id);
    if (file.upload) this.byS3Key.delete(file.upload.fields.key!);
    return json(200, { message: 'Video file deleted' });
  }

  /** boto3's generate_presigned_post fields: key, SigV4 parameters, the base64 policy, its signature. */
  private presignedFields(file: VideoFileRecord): Record<string, string> {
    const now = this.writes.store.now();
    const date = amzDate(now);
    const key = `${file.ownerId}/videos/${file.key}/${file.filename.split('/').pop()}`;
    const credential = `AKIAIOSFODNN7EXAMPLE/${date.slice(0, 8)}/us-east-1/s3/aws4_request`;
    const conditions = [{ bucket: S3_BUCKET }, { key }, { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' }, { 'x-amz-credential': credential }, { 'x-amz-date': date }];
    const policy = { expiration: new Date(now + POLICY_TTL_MS).toISOString(), conditions };
    return {
      key,
      'x-amz-algorithm': 'AWS4-HMAC-SHA256',
      'x-amz-credential': credential,
      'x-amz-date': date,
      policy: Buffer.from(JSON.stringify(policy)).toString('base64'),
      'x-amz-signature': this.writes.prng.hex(64),
    };
  }
}

/** A multipart/form-data body, parsed by Node's own fetch; null when it is not one. */
export async function readForm(req: SandboxRequest): Promise<FormData | null> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^multipart\/form-data;/i.test(type)) return null;
  try {
    return await new Response(req.body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': type } }).formData();
  } catch {
    return null;
  }
}
