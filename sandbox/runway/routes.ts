import type { Route, SandboxRequest, SandboxResponse } from '../server.js';
import type { RunwayStore } from './store.js';

export interface RunwayAccount {
  token: string;
  email: string;
}

const OFFSET_MAX = 1000;
const LIMIT_MAX = 50;
const MEDIA_TYPES = new Set(['video', 'image', 'audio']);
// The documented composite id; anything else cannot name an asset.
export const ASSET_ID = /^user:[^:\s]+-runwayml:[^:\s]+@[^:\s]+-asset:[^:\s]+$/;

/** useapi.net's error envelope: `{"error": "<message>", "code": <status>}`. */
export function runwayError(status: number, message: string): SandboxResponse {
  return { status, body: { error: message, code: status } };
}

export const UNAUTHORIZED = runwayError(401, 'Unauthorized');
export const NOT_FOUND = runwayError(404, 'Not found.');

/**
 * The assetId of GET/DELETE /assets/:id, or useapi's 404 when the path percent-encodes its `:` or `@`.
 * useapi's docs only ever send the raw id (UA-DOCS get-/del-runwayml-assets-assetId); whether its
 * server decodes `%3A`/`%40` is unknown (providers.md §4.1 [I]). A server matching the segment as sent
 * finds no asset under the encoded text, so the sandbox answers the documented 404 and holds clients
 * to the documented form.
 */
export function assetIdOf(req: SandboxRequest): string | SandboxResponse {
  // The route is /assets/:id, so the rest of the path is the segment as the client sent it.
  if (/%3A|%40/i.test(req.path.slice('/assets/'.length))) return NOT_FOUND;
  return req.params.id ?? '';
}

/** useapi checks the bearer token on every call. */
export function bearerCheck(account: RunwayAccount): (req: SandboxRequest) => boolean {
  const expected = `Bearer ${account.token}`;
  return (req) => req.headers.authorization?.trim() === expected;
}

function json(text: string): SandboxResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: text };
}

/** GET /assets/:id and GET /assets/, checked as strictly as useapi.net checks them. */
export function runwayRoutes(store: RunwayStore, account: RunwayAccount): Route[] {
  const authorized = bearerCheck(account);
  return [
    {
      method: 'GET',
      pattern: '/assets/:id',
      handler: (req) => {
        if (!authorized(req)) return UNAUTHORIZED;
        const id = assetIdOf(req);
        if (typeof id !== 'string') return id;
        // [I] the docs list a 400 for retrieve; a malformed assetId is the one input that can earn it.
        if (!ASSET_ID.test(id)) return runwayError(400, `Invalid assetId: ${id}`);
        const text = store.json(id);
        return text === undefined ? NOT_FOUND : json(text);
      },
    },
    {
      method: 'GET',
      pattern: '/assets/',
      handler: (req) => {
        if (!authorized(req)) return UNAUTHORIZED;
        const problem = checkListQuery(req.query, account.email);
        if (problem) return runwayError(400, problem);
        const offset = Number(req.query.get('offset'));
        const limit = Number(req.query.get('limit'));
        return json(store.pageJson(offset, limit, req.query.get('mediaType') || ''));
      },
    },
  ];
}

/** What is wrong with a list query, or undefined when useapi would accept it. */
function checkListQuery(query: URLSearchParams, email: string): string | undefined {
  const offset = intProblem(query.get('offset'), 'offset', 0, OFFSET_MAX);
  if (offset) return offset;
  const limit = intProblem(query.get('limit'), 'limit', 1, LIMIT_MAX);
  if (limit) return limit;
  const mediaType = query.get('mediaType');
  if (mediaType && !MEDIA_TYPES.has(mediaType)) {
    return `Parameter mediaType must be one of video, image, audio (got ${mediaType})`;
  }
  return emailProblem(query, email);
}

/** [I] with one configured account `email` may be left out; an email of no configured account is a 400. */
export function emailProblem(query: URLSearchParams, email: string): string | undefined {
  const asked = query.get('email');
  if (asked && asked !== email) return `Unable to find configuration for account ${asked}`;
  return undefined;
}

function intProblem(raw: string | null, name: string, min: number, max: number): string | undefined {
  if (raw === null || raw === '') return `Parameter ${name} is required`;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    return `Parameter ${name} must be an integer between ${min} and ${max} (got ${raw})`;
  }
  return undefined;
}
