import type { SandboxPart } from '../../src/providers/module.js';
import { SeededRandom } from '../random.js';
import type { SandboxDefinition, SandboxResponse } from '../server.js';

/** The token the stand-in accepts: it guards nothing real. */
const TOKEN = '__FOLDER__-sandbox-token-0000';

/** __LABEL__'s error envelope. */
const error = (status: number, message: string): SandboxResponse => ({ status, body: { error: { message } } });

export interface __PASCAL__Sandbox extends SandboxDefinition {
  /** The seeded library, newest first. */
  store: { assets: { id: string; title: string; state: string; created_at: string; playback_url: string; duration: number }[] };
}

/** __LABEL__'s API stand-in under /v1: bearer auth, GET /assets (offset, limit) and GET /assets/:id, over seeded assets. */
export function create__PASCAL__Sandbox(): __PASCAL__Sandbox {
  const random = new SeededRandom(0x__SEED__);
  const now = Date.now();
  const assets = Array.from({ length: 12 }, (_, i) => {
    const id = `${random.int(0x10000000, 0x7fffffff).toString(16)}${i}`;
    return { id, title: `__LABEL__ clip ${i + 1}`, state: i === 0 ? 'processing' : 'ready', created_at: new Date(now - i * 3_600_000).toISOString(), playback_url: `https://stream.__FOLDER__.example/${id}.m3u8`, duration: random.int(5, 600) };
  });
  const authorized = (auth: string | undefined) => auth === `Bearer ${TOKEN}`;
  return {
    prefix: '/v1',
    store: { assets },
    errorResponse: error,
    routes: [
      {
        method: 'GET',
        pattern: '/assets',
        handler: (req) => {
          if (!authorized(req.headers.authorization)) return error(401, 'unauthorized');
          const offset = Number(req.query.get('offset') ?? 0);
          const limit = Number(req.query.get('limit') ?? 20);
          if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > 100) return error(400, 'bad offset or limit');
          return { status: 200, body: { data: assets.slice(offset, offset + limit), total: assets.length } };
        },
      },
      {
        method: 'GET',
        pattern: '/assets/:id',
        handler: (req) => {
          if (!authorized(req.headers.authorization)) return error(401, 'unauthorized');
          const asset = assets.find((a) => a.id === req.params.id);
          return asset ? { status: 200, body: asset } : error(404, 'not found');
        },
      },
    ],
  };
}

/** The stand-in as its provider module loads it. */
export const __CAMEL__Sandbox: SandboxPart<__PASCAL__Sandbox> = {
  create: create__PASCAL__Sandbox,
  env: (baseUrl) => ({ __ENV___BASE_URL: baseUrl, __ENV___API_TOKEN: TOKEN }),
};
