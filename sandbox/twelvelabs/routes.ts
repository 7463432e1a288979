import { SANDBOX_CREDENTIALS } from '../credentials.js';
import type { Route, SandboxRequest, SandboxResponse } from '../server.js';
import { MESSAGES, tlError } from './errors.js';
import type { AssetKind } from './names.js';
import type { ListQuery, TwelveLabsStore } from './store.js';

const LIST_PARAMS = new Set(['page', 'page_limit', 'asset_ids', 'asset_types', 'filename']);
const ASSET_TYPES = new Set<string>(['image', 'video', 'audio']);
/** Documented: `page_limit` default 10, max 50; `page` default 1. */
const PAGE_LIMIT_DEFAULT = 10;
const PAGE_LIMIT_MAX = 50;

/** x-api-key is checked before anything else; a missing key is answered like a wrong one. */
export function unauthorized(req: SandboxRequest): SandboxResponse | undefined {
  const key = req.headers['x-api-key'];
  if (key === SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey) return undefined;
  return tlError(401, 'api_key_invalid', MESSAGES.apiKeyInvalid);
}

/** A whole decimal integer within bounds; undefined when absent; null when invalid. */
function intParam(query: URLSearchParams, name: string, min: number, max: number): number | null | undefined {
  const raw = query.get(name);
  if (raw === null) return undefined;
  if (!/^\d{1,9}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

function parseList(query: URLSearchParams): ListQuery | SandboxResponse {
  for (const key of query.keys()) {
    // Whether unknown query parameters are refused is not documented [I]; the parameter_unknown code exists.
    if (!LIST_PARAMS.has(key)) return tlError(400, 'parameter_unknown', MESSAGES.parameterUnknown(key));
  }
  const page = intParam(query, 'page', 1, Number.MAX_SAFE_INTEGER);
  if (page === null) return tlError(400, 'parameter_invalid', MESSAGES.parameterInvalid('page'));
  const pageLimit = intParam(query, 'page_limit', 1, PAGE_LIMIT_MAX);
  if (pageLimit === null) return tlError(400, 'parameter_invalid', MESSAGES.parameterInvalid('page_limit'));
  const assetTypes = query.getAll('asset_types');
  if (assetTypes.some((t) => !ASSET_TYPES.has(t))) {
    return tlError(400, 'parameter_invalid', MESSAGES.parameterInvalid('asset_types'));
  }
  return {
    page: page ?? 1,
    pageLimit: pageLimit ?? PAGE_LIMIT_DEFAULT,
    assetIds: query.getAll('asset_ids').filter((id) => id.length > 0),
    assetTypes: assetTypes as AssetKind[],
    filename: query.get('filename') || undefined,
  };
}

export function twelveLabsRoutes(store: TwelveLabsStore): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/assets',
      handler: (req) => {
        const denied = unauthorized(req);
        if (denied) return denied;
        const query = parseList(req.query);
        if ('status' in query) return query;
        return { status: 200, body: store.list(query) };
      },
    },
    {
      method: 'GET',
      pattern: '/assets/:id',
      handler: (req) => {
        const denied = unauthorized(req);
        if (denied) return denied;
        const id = req.params['id'] ?? '';
        const asset = store.get(id);
        // Only 400 is documented for retrieve; an unknown id as 400 resource_not_exist is inferred [I].
        if (!asset) return tlError(400, 'resource_not_exist', MESSAGES.resourceNotExist(id, 'assets'));
        return { status: 200, body: asset };
      },
    },
  ];
}
