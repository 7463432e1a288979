import type { SandboxRequest, SandboxResponse } from '../server.js';
import { readForm, type VideoJungleUploads } from './uploads.js';

/** The signing fields boto3's presigned POST carries; S3 needs each of them before the file. */
const SIGNING_FIELDS = ['key', 'policy', 'x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-signature'];

/** S3's XML error document. */
export function s3Error(status: number, code: string, message: string): SandboxResponse {
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${code}</Code><Message>${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Message>` +
    '<RequestId>4442587FB7D0A2F9</RequestId><HostId>sandbox</HostId></Error>';
  return { status, headers: { 'content-type': 'application/xml' }, body };
}

/**
 * The form fields S3 reads: names are case-insensitive, and everything after the file is ignored
 * ("the file must be the last field in the form").
 */
function fieldsBeforeFile(form: FormData): { fields: Map<string, string>; file: boolean } {
  const fields = new Map<string, string>();
  for (const [name, value] of form.entries()) {
    if (name === 'file') return { fields, file: typeof value !== 'string' };
    if (typeof value === 'string') fields.set(name.toLowerCase(), value);
  }
  return { fields, file: false };
}

/**
 * A local stand-in for the S3 bucket `direct` uploads go to: it checks the presigned form the way S3
 * does (every signed field present and as issued, the policy not expired, one file) and answers 204,
 * S3's default success_action_status. The bytes are not kept: the video file and the assets referencing
 * it move on.
 */
export async function s3PostObject(uploads: VideoJungleUploads, req: SandboxRequest): Promise<SandboxResponse> {
  const form = await readForm(req);
  if (!form) return s3Error(412, 'PreconditionFailed', 'Bucket POST must be of the enclosure-type multipart/form-data');
  const { fields, file } = fieldsBeforeFile(form);
  for (const name of SIGNING_FIELDS) {
    if (!fields.has(name))
      return s3Error(400, 'InvalidArgument', `Bucket POST must contain a field named '${name}'.  If it is specified, please check the order of the fields.`);
  }
  if (!file) return s3Error(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
  const { store } = uploads.writes;
  const videoFile = uploads.writes.videoFiles.get(uploads.byS3Key.get(fields.get('key')!) ?? '');
  const issued = videoFile?.upload;
  if (!videoFile || !issued) return s3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy Condition failed: ["eq", "$key"]');
  for (const name of SIGNING_FIELDS) {
    if (fields.get(name) !== issued.fields[name])
      return s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
  }
  if (store.now() > issued.expiresAt) return s3Error(403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
  videoFile.status = 'uploaded';
  // Writes are rare next to reads: a scan for the assets referencing the file is cheap enough.
  for (const id of store.assetIds()) if (store.assetRecord(id)?.videoFileId === videoFile.id) store.startProcessing(id);
  return { status: 204 };
}
