import type { SandboxPart } from '../../src/providers/module.js';
import { SANDBOX_CREDENTIALS } from '../credentials.js';
import type { SandboxDefinition } from '../server.js';
import { runwayError, runwayRoutes } from './routes.js';
import { seedRunwayRecords } from './seed.js';
import { RunwayStore } from './store.js';
import { runwayWriteRoutes, type RunwayWriteOptions } from './write-routes.js';

export { RunwayStore, type RunwayRecord } from './store.js';
export type { RunwayWriteOptions } from './write-routes.js';
export { RUNWAY_SANDBOX_EMAIL, RUNWAY_SANDBOX_USER_ID, runwayAssetId } from './seed.js';

/** The sandbox definition plus its store, so tests and the bench can pick real ids. */
export interface RunwaySandbox extends SandboxDefinition {
  store: RunwayStore;
}

/**
 * useapi.net's Runway asset API under /v1/runwayml, serving one account with a seeded library: reads,
 * raw-body uploads and deletes.
 */
export function createRunwaySandbox(options: RunwayWriteOptions = {}): RunwaySandbox {
  const store = new RunwayStore();
  const { listed, unlisted } = seedRunwayRecords();
  for (const record of listed) store.add(record);
  for (const record of unlisted) store.add(record, { listed: false });
  return {
    prefix: '/v1/runwayml',
    routes: [...runwayRoutes(store, SANDBOX_CREDENTIALS.RUNWAY), ...runwayWriteRoutes(store, SANDBOX_CREDENTIALS.RUNWAY, options)],
    errorResponse: runwayError,
    store,
  };
}

/** The stand-in as its provider module loads it. */
export const runwaySandbox: SandboxPart<RunwaySandbox> = {
  create: () => createRunwaySandbox(),
  env: (baseUrl) => ({ USEAPI_BASE_URL: baseUrl, USEAPI_TOKEN: SANDBOX_CREDENTIALS.RUNWAY.token, RUNWAY_EMAIL: SANDBOX_CREDENTIALS.RUNWAY.email }),
};
