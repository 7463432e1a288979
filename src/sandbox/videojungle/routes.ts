import { SANDBOX_CREDENTIALS } from '../credentials.js';
import type { Route, SandboxRequest, SandboxResponse } from '../server.js';
import type { VideoJungleStore } from './store.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

export const detail = (status: number, message: unknown): SandboxResponse => ({
  status,
  headers: JSON_HEADERS,
  body: JSON.stringify({ detail: message }),
});

const ok = (body: string): SandboxResponse => ({ status: 200, headers: JSON_HEADERS, body });

/**
 * FastAPI's APIKeyHeader: no header (or an empty one) is 403 "Not authenticated" before the route
 * runs; a key it does not know is the app's own 401 [I: both inferred from FastAPI's defaults].
 * A Bearer token is not looked at: whether the real server still takes one is unverified.
 */
function authenticate(req: SandboxRequest): SandboxResponse | undefined {
  const key = req.headers['x-api-key'];
  if (key === undefined || key === '') return detail(403, 'Not authenticated');
  if (key !== SANDBOX_CREDENTIALS.videoJungle.apiKey) return detail(401, 'Invalid API key');
  return undefined;
}

const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

/**
 * Path ids are parsed as UUIDs the way pydantic does: hyphenated or the 32-hex simple form, any case. The result is the
 * canonical lowercase hyphenated form the store is keyed by, or FastAPI's 422 body naming the param.
 */
function parseUuid(value: string, param: string): string | SandboxResponse {
  const bad = /[^0-9a-fA-F-]/.exec(value);
  const hex = value.replace(/-/g, '').toLowerCase();
  const shaped = UUID.test(value);
  if (!bad && shaped) {
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  const reason = bad
    ? 'invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], ' +
      `found \`${bad[0]}\` at ${bad.index + 1}`
    : `invalid length: expected length 32 for simple format, found ${hex.length}`;
  const msg = `Input should be a valid UUID, ${reason}`;
  const error = { type: 'uuid_parsing', loc: ['path', param], msg, input: value, ctx: { error: reason } };
  return { status: 422, headers: JSON_HEADERS, body: JSON.stringify({ detail: [error] }) };
}

/** Auth first, then the path id, then the handler: the order FastAPI resolves them in. */
function route(
  pattern: string,
  param: string | null,
  handle: (id: string) => SandboxResponse,
): Route {
  return {
    method: 'GET',
    pattern,
    handler: (req) => {
      const denied = authenticate(req);
      if (denied) return denied;
      if (param === null) return handle('');
      const id = parseUuid(req.params.id ?? '', param);
      return typeof id === 'string' ? handle(id) : id;
    },
  };
}

/**
 * The read endpoints the client uses. Query parameters are ignored, as FastAPI ignores undeclared
 * ones: the docs' `limit`/`active` on GET /projects are template text [I], and every list is whole.
 * The docs' plural GET /projects/{id}/assets is not served (the SDK's singular path is the real one),
 * so it gets FastAPI's unknown-route 404.
 */
export function videoJungleRoutes(store: VideoJungleStore): Route[] {
  return [
    route('/projects', null, () => ok(store.projectsBody())),
    route('/projects/:id', 'project_id', (id) => {
      const body = store.projectBody(id);
      return body === undefined ? detail(404, 'Project not found') : ok(body);
    }),
    route('/projects/:id/asset', 'project_id', (id) => {
      const body = store.projectAssetsBody(id);
      return body === undefined ? detail(404, 'Project not found') : ok(body);
    }),
    route('/assets/check/:id', 'asset_id', (id) => {
      const body = store.checkBody(id);
      return body === undefined ? detail(404, 'Asset not found') : ok(body);
    }),
    route('/assets/:id', 'asset_id', (id) => {
      const body = store.assetBody(id);
      return body === undefined ? detail(404, 'Asset not found') : ok(body);
    }),
  ];
}
