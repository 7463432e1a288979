import type { Route, SandboxRequest, SandboxResponse } from '../server.js';
import { authenticate } from './auth.js';
import type { Handlers } from './handlers.js';
import { Rejection, rejection, type Params } from './params.js';

const ACTIONS = ['get', 'list', 'changes', 'getframe', 'getthumbs', 'update', 'delete'] as const;

/**
 * Every asset action under GET (msg/sig in the query) and POST (form body), as v2 accepts both; every
 * request is signature-checked first. Other methods get 405 with the error envelope [I: the real
 * status for them is undocumented].
 */
export function uplynkRoutes(handlers: Handlers): Route[] {
  const routes: Route[] = [];
  for (const action of ACTIONS) {
    // Reads ignore `now`; changes, update and delete need the request's time.
    const run = (params: Params, now: number) => handlers[action](params, now);
    const handler = (req: SandboxRequest) => signed(req, run);
    routes.push({ method: 'GET', pattern: `/api2/asset/${action}`, handler });
    routes.push({ method: 'POST', pattern: `/api2/asset/${action}`, handler });
  }
  for (const method of ['PUT', 'PATCH', 'DELETE']) {
    routes.push({
      method,
      pattern: '/api2/:resource/:action',
      handler: () => rejection('Only GET and POST are supported', 405),
    });
  }
  return routes;
}

function signed(req: SandboxRequest, run: (params: Params, now: number) => Record<string, unknown>): SandboxResponse {
  const now = Date.now();
  try {
    return { status: 200, body: run(authenticate(req, now), now) };
  } catch (error) {
    if (error instanceof Rejection) return rejection(error.message);
    throw error;
  }
}
