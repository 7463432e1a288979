import { ACCEPTED_TYPES, acceptedType, MAX_UPLOAD_BYTES } from './content-types.js';
import type { Route } from '../server.js';
import { ASSET_ID, assetIdOf, bearerCheck, emailProblem, NOT_FOUND, runwayError, UNAUTHORIZED, type RunwayAccount } from './routes.js';
import type { RunwayStore } from './store.js';
import { uploadRecord, uploadReply } from './uploads.js';

export interface RunwayWriteOptions {
  /** Largest upload body accepted, in bytes (default MAX_UPLOAD_BYTES; tests lower it). */
  maxUploadBytes?: number;
}

const SUPPORTED = ACCEPTED_TYPES.map((t) => t.contentType).join(', ');

/** POST /assets/ (raw-body upload) and DELETE /assets/:id, checked as useapi.net checks them. */
export function runwayWriteRoutes(store: RunwayStore, account: RunwayAccount, options: RunwayWriteOptions = {}): Route[] {
  const authorized = bearerCheck(account);
  const maxBytes = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  return [
    {
      method: 'POST',
      pattern: '/assets/',
      handler: (req) => {
        if (!authorized(req)) return UNAUTHORIZED;
        const name = req.query.get('name');
        if (!name) return runwayError(400, 'Parameter name is required');
        const wrongAccount = emailProblem(req.query, account.email);
        if (wrongAccount) return runwayError(400, wrongAccount);
        const contentType = req.headers['content-type'];
        const type = acceptedType(contentType);
        if (!type) {
          return runwayError(400, `Unsupported Content-Type ${contentType ?? '(none)'}, supported: ${SUPPORTED}`);
        }
        // [I] useapi's messages for these two are undocumented; its {error, code} envelope is kept.
        if (req.body.length === 0) return runwayError(400, 'Request body is empty, provide the file content');
        if (req.body.length > maxBytes) return runwayError(413, `File is too large, maximum size is ${maxBytes} bytes`);
        const record = uploadRecord({ name, type, size: req.body.length });
        store.addNewest(record);
        return { status: 200, body: uploadReply(record) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/assets/:id',
      handler: (req) => {
        if (!authorized(req)) return UNAUTHORIZED;
        const id = assetIdOf(req);
        if (typeof id !== 'string') return id;
        // [I] as for retrieve: a malformed assetId earns the documented 400.
        if (!ASSET_ID.test(id)) return runwayError(400, `Invalid assetId: ${id}`);
        // [I] providers.md §4.2: {"success": true} on success, the retrieve page's 404 for an unknown id.
        return store.remove(id) ? { status: 200, body: { success: true } } : NOT_FOUND;
      },
    },
  ];
}
