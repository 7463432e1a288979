import { SANDBOX_CREDENTIALS } from '../credentials.js';
import type { Route, SandboxRequest, SandboxResponse } from '../server.js';
import { readUuid } from './pydantic.js';
import type { VideoJungleStore } from './store.js';

export const JSON_HEADERS = { 'content-type': 'application/json' };

export const json = (status: number, body: unknown): SandboxResponse => ({
  status,
  headers: JSON_HEADERS,
  body: JSON.stringify(body),
});

export const detail = (status: number, message: unknown): SandboxResponse => json(status, { detail: message });

export const ok = (body: string): SandboxResponse => ({ status: 200, headers: JSON_HEADERS, body });

/**
 * FastAPI's APIKeyHeader: no header (or an empty one) is 403 "Not authenticated" before the route
 * runs; a key it does not know is the app's own 401 [I: both inferred from FastAPI's defaults].
 * A Bearer token is not looked at: whether the real server still takes one is unverified.
 */
export function authenticate(req: SandboxRequest): SandboxResponse | undefined {
  const key = req.headers['x-api-key'];
  if (key === undefined || key === '') return detail(403, 'Not authenticated');
  if (key !== SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey) return detail(401, 'Invalid API key');
  return undefined;
}

/** A path id parsed as pydantic parses a UUID: the canonical form the store is keyed by, or FastAPI's 422. */
export function parseUuid(value: string, param: string): string | SandboxResponse {
  const read = readUuid(value, ['path', param]);
  return 'id' in read ? read.id : { status: 422, headers: JSON_HEADERS, body: JSON.stringify({ detail: [read.issue] }) };
}

export type Handler = (req: SandboxRequest, ids: string[]) => SandboxResponse | Promise<SandboxResponse>;

/**
 * Auth first, then the path ids (`params` gives each :param its FastAPI name), then the handler: the
 * order FastAPI resolves them in.
 */
export function route(method: string, pattern: string, params: Record<string, string>, handle: Handler): Route {
  return {
    method,
    pattern,
    handler: (req) => {
      const denied = authenticate(req);
      if (denied) return denied;
      const ids: string[] = [];
      for (const [param, name] of Object.entries(params)) {
        const id = parseUuid(req.params[param] ?? '', name);
        if (typeof id !== 'string') return id;
        ids.push(id);
      }
      return handle(req, ids);
    },
  };
}

export const PROJECT = { id: 'project_id' };
export const ASSET = { id: 'asset_id' };

const body = (found: string | undefined, missing: string) => (found === undefined ? detail(404, missing) : ok(found));

/**
 * The read endpoints the client uses. Query parameters are ignored, as FastAPI ignores undeclared
 * ones: the docs' `limit`/`active` on GET /projects are template text [I], and every list is whole.
 * The docs' plural GET /projects/{id}/assets is not served (the SDK's singular path is the real one),
 * so it gets FastAPI's unknown-route 404.
 */
export function videoJungleRoutes(store: VideoJungleStore): Route[] {
  return [
    route('GET', '/projects', {}, () => ok(store.projectsBody())),
    route('GET', '/projects/:id', PROJECT, (_req, [id]) => body(store.projectBody(id!), 'Project not found')),
    route('GET', '/projects/:id/asset', PROJECT, (_req, [id]) => body(store.projectAssetsBody(id!), 'Project not found')),
    route('GET', '/assets/check/:id', ASSET, (_req, [id]) => body(store.checkBody(id!), 'Asset not found')),
    route('GET', '/assets/:id', ASSET, (_req, [id]) => body(store.assetBody(id!), 'Asset not found')),
  ];
}
