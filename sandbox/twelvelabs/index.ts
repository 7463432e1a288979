import type { SandboxPart } from '../../src/providers/module.js';
import { SANDBOX_CREDENTIALS } from '../credentials.js';
import type { SandboxDefinition } from '../server.js';
import { errorResponse } from './errors.js';
import { twelveLabsMultipartRoutes } from './multipartRoutes.js';
import { twelveLabsRoutes } from './routes.js';
import { TwelveLabsStore } from './store.js';
import { twelveLabsWriteRoutes } from './writeRoutes.js';

export { TwelveLabsStore } from './store.js';

export interface TwelveLabsSandbox extends SandboxDefinition {
  /** The sandbox's data, for tests to pick ids (all, processing, failed, indexed …) and tune the delays. */
  store: TwelveLabsStore;
}

const PREFIX = '/v1.3';

/** Twelve Labs Assets API v1.3 stand-in, served under /v1.3 like https://api.twelvelabs.io/v1.3. */
export function createTwelveLabsSandbox(store: TwelveLabsStore = new TwelveLabsStore()): TwelveLabsSandbox {
  const routes = [...twelveLabsRoutes(store), ...twelveLabsWriteRoutes(store), ...twelveLabsMultipartRoutes(store, PREFIX)];
  return { prefix: PREFIX, routes, errorResponse, store };
}

/** The stand-in as its provider module loads it. */
export const twelveLabsSandbox: SandboxPart<TwelveLabsSandbox> = {
  create: () => createTwelveLabsSandbox(),
  env: (baseUrl) => ({ TWELVE_LABS_BASE_URL: baseUrl, TWELVE_LABS_API_KEY: SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey }),
};
