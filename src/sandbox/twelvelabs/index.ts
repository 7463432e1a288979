import type { SandboxDefinition } from '../server.js';
import { errorResponse } from './errors.js';
import { twelveLabsRoutes } from './routes.js';
import { TwelveLabsStore } from './store.js';

export { TwelveLabsStore } from './store.js';

export interface TwelveLabsSandbox extends SandboxDefinition {
  /** The sandbox's data, for tests to pick ids (all, processing, failed …) and tune the ready delay. */
  store: TwelveLabsStore;
}

/** Twelve Labs Assets API v1.3 stand-in, served under /v1.3 like https://api.twelvelabs.io/v1.3. */
export function createTwelveLabsSandbox(store: TwelveLabsStore = new TwelveLabsStore()): TwelveLabsSandbox {
  return { prefix: '/v1.3', routes: twelveLabsRoutes(store), errorResponse, store };
}
