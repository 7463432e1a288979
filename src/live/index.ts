/**
 * The live-status engine: one shared poller per provider, a reference-counted watch registry, and
 * pub/sub in memory or through Redis. The GraphQL subscriptions sit on top of `watch` and `changes`.
 */
export { createLiveEngine } from './engine.js';
export { deserialize, liveSerializer, serialize } from './serializer.js';
export { ALL_IDS } from './types.js';
export type { AssetKey, LiveEngine, LiveEngineOptions, LiveLogger, LiveStats, TickInfo } from './types.js';
