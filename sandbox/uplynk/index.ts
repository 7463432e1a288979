import type { SandboxPart } from '../../src/providers/module.js';
import { SANDBOX_CREDENTIALS } from '../credentials.js';
import type { SandboxDefinition } from '../server.js';
import { FrameRenderer } from './frames.js';
import { createHandlers } from './handlers.js';
import { rejection } from './params.js';
import { uplynkRoutes } from './routes.js';
import { createUplynkSeed } from './seed.js';
import { UplynkStore } from './store.js';

export { UplynkStore } from './store.js';
export type { SandboxAsset, ChangeEntry } from './seed.js';

export type UplynkSandbox = SandboxDefinition & {
  /** The seeded library, for tests to pick ids from (first N, with external id, deleted, slicing). */
  store: UplynkStore;
};

/**
 * Uplynk's Integration API v2 asset endpoints at /api2/asset/<action> (no prefix: the base URL has no
 * path): reads, `update` and `delete`, signed-message auth, and 2,600 seeded assets with a change
 * history that the writes extend.
 */
export function createUplynkSandbox(): UplynkSandbox {
  const store = new UplynkStore(createUplynkSeed());
  return {
    prefix: '',
    routes: uplynkRoutes(createHandlers(store, new FrameRenderer())),
    // Injected faults and unknown routes carry the same envelope as Uplynk's own errors.
    errorResponse: (status, message) => rejection(message, status),
    store,
  };
}

/** The stand-in as its provider module loads it. */
export const uplynkSandbox: SandboxPart<UplynkSandbox> = {
  create: () => createUplynkSandbox(),
  env: (baseUrl) => ({ UPLYNK_BASE_URL: baseUrl, UPLYNK_OWNER_ID: SANDBOX_CREDENTIALS.UPLYNK.ownerId, UPLYNK_API_KEY: SANDBOX_CREDENTIALS.UPLYNK.apiKey }),
};
