import type { Route, SandboxRequest, SandboxResponse } from '../server.js';
import { invalid, isResponse, missing, readJson } from './body.js';
import { createAsset } from './create.js';
import { MESSAGES, tlError } from './errors.js';
import { unauthorized } from './routes.js';
import type { TwelveLabsStore } from './store.js';

type Metadata = Record<string, string | number | boolean>;
type MetadataChange = Record<string, string | number | boolean | null>;

/** Code of the 409 a referenced asset answers [I: the status is documented, the code is not]. */
export const ASSET_IN_USE = 'asset_in_use';

function deleteAsset(store: TwelveLabsStore, req: SandboxRequest): SandboxResponse {
  for (const key of req.query.keys()) {
    if (key !== 'force') return tlError(400, 'parameter_unknown', MESSAGES.parameterUnknown(key));
  }
  const force = req.query.get('force');
  if (force !== null && force !== 'true' && force !== 'false') return invalid('force', ' Use true or false.');
  const id = req.params['id'] ?? '';
  if (!store.get(id)) return tlError(400, 'resource_not_exist', MESSAGES.resourceNotExist(id, 'assets'));
  const references = store.referencesOf(id);
  if (references > 0 && force !== 'true') {
    return tlError(
      409,
      ASSET_IN_USE,
      `The asset ${id} is used by ${references} indexed asset(s). Delete those indexed assets first, or set force=true to delete the asset anyway.`,
    );
  }
  store.remove(id);
  // Documented: 200 with an empty body.
  return { status: 200 };
}

/** `{user_metadata: {...}}` with string / number / boolean values; null and "" are allowed (see below). */
function readChange(req: SandboxRequest): MetadataChange | SandboxResponse {
  const body = readJson(req);
  if (isResponse(body)) return body;
  const change = body['user_metadata'];
  if (change === undefined) return missing('user_metadata');
  if (typeof change !== 'object' || change === null || Array.isArray(change)) {
    return invalid('user_metadata', ' It must be an object.');
  }
  const ok = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (!Object.values(change).every(ok)) {
    return invalid('user_metadata', ' Values must be strings, numbers, booleans or null.');
  }
  return change as MetadataChange;
}

/**
 * PUT replaces (omitted keys go; null and "" are ignored), PATCH merges (null deletes a key, "" is
 * ignored), DELETE clears. All answer 204 [I: the SDKs return void; the status is not documented].
 */
function userMetadata(store: TwelveLabsStore, req: SandboxRequest, mode: 'PUT' | 'PATCH' | 'DELETE'): SandboxResponse {
  const change = mode === 'DELETE' ? {} : readChange(req);
  if (isResponse(change)) return change;
  const id = req.params['id'] ?? '';
  const current = store.get(id);
  // 404 is the documented status for an unknown asset on these endpoints.
  if (!current) return tlError(404, 'resource_not_exist', MESSAGES.resourceNotExist(id, 'assets'));
  const next: Metadata = mode === 'PATCH' ? { ...current.user_metadata } : {};
  for (const [key, value] of Object.entries(change)) {
    if (value === '') continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  store.setUserMetadata(id, next);
  return { status: 204 };
}

/** A route that checks x-api-key first, like every Twelve Labs endpoint. */
export function guarded(method: string, pattern: string, handle: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>): Route {
  return { method, pattern, handler: (req) => unauthorized(req) ?? handle(req) };
}

export function twelveLabsWriteRoutes(store: TwelveLabsStore): Route[] {
  return [
    guarded('POST', '/assets', (req) => createAsset(store, req)),
    guarded('DELETE', '/assets/:id', (req) => deleteAsset(store, req)),
    guarded('PUT', '/assets/:id/user-metadata', (req) => userMetadata(store, req, 'PUT')),
    guarded('PATCH', '/assets/:id/user-metadata', (req) => userMetadata(store, req, 'PATCH')),
    guarded('DELETE', '/assets/:id/user-metadata', (req) => userMetadata(store, req, 'DELETE')),
  ];
}
