import type { ErrorClassifier } from '../http/index.js';
import type { AssetStatus } from '../types.js';
import type { __PASCAL__Asset } from './types.js';
import type { __PASCAL__WireAsset } from './wire.js';

const STATUSES: Record<string, AssetStatus> = { waiting: 'PENDING', processing: 'PROCESSING', ready: 'READY', errored: 'FAILED' };

/** __LABEL__'s JSON as a domain asset: pure, and where every field's meaning is decided. */
export function map__PASCAL__Asset(wire: __PASCAL__WireAsset): __PASCAL__Asset {
  return {
    provider: '__ENUM__',
    providerId: wire.id,
    name: wire.title ?? null,
    mediaType: 'VIDEO',
    status: STATUSES[wire.state] ?? 'PROCESSING',
    providerStatus: wire.state,
    state: wire.state,
    createdAt: wire.created_at ? new Date(wire.created_at) : null,
    updatedAt: null,
    url: wire.playback_url ?? null,
    downloadUrl: null,
    thumbnailUrl: null,
    durationSeconds: wire.duration ?? null,
    sizeBytes: null,
    mimeType: null,
    width: null,
    height: null,
  };
}

/** __LABEL__'s error body, `{ "error": { "message": … } }`, as the message to show. */
export const classify__PASCAL__Error: ErrorClassifier = (status, body) => {
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return { detail: typeof message === 'string' ? message.slice(0, 200) : `HTTP ${status}` };
};
