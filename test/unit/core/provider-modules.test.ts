import { describe, expect, it } from 'vitest';
import { PROVIDER_MODULES } from '../../../src/providers/index.js';
import type { Capability } from '../../../src/providers/types.js';
import type { ProviderClient } from '../../../src/providers/port.js';

/** What each capability means in the port: the module's list must say what its client really has. */
const STRUCTURAL: Partial<Record<Capability, (c: ProviderClient) => boolean>> = {
  MULTI_GET: (c) => c.assets.maxBatch > 1,
  EXTERNAL_IDS: (c) => c.externalIds !== undefined,
  PROJECTS: (c) => c.projects !== undefined,
  FRAMES: (c) => c.frames !== undefined,
  THUMBNAILS: (c) => c.frames !== undefined,
  CHANGE_FEED: (c) => c.changes !== undefined,
  UPLOAD: (c) => c.writer?.upload !== undefined,
  UPLOAD_TARGET: (c) => c.writer?.createUploadTarget !== undefined,
  DELETE: (c) => c.writer !== undefined,
  UPDATE: (c) => c.updater !== undefined,
  // Video Jungle's own writes, beside the port.
  GENERATE: (c) => 'projectWriter' in c,
  RENDER_EDIT: (c) => 'projectWriter' in c,
};

describe.each(PROVIDER_MODULES.map((m) => [m.name, m] as const))('the %s module', (_name, module) => {
  it('lists exactly the capabilities its client has', async () => {
    const env = (await module.sandbox()).env('http://127.0.0.1:9');
    const config = module.env.parse(env)!;
    const client = (module.create as (c: unknown, o: unknown) => ProviderClient)(config, {
      upstream: { timeoutMs: 1000, retries: 0, maxRetryAfterMs: 0, concurrency: 1 },
      sandbox: true,
    });
    try {
      for (const [capability, has] of Object.entries(STRUCTURAL)) {
        expect([capability, module.capabilities.includes(capability as Capability)]).toEqual([capability, has(client)]);
      }
      expect(module.capabilities).toContain('ASSET_READ');
    } finally {
      await client.close();
    }
  });

  it('names its secrets, and parses no configuration from an empty environment', async () => {
    const config = module.env.parse((await module.sandbox()).env('http://127.0.0.1:9'));
    expect((module.secrets as (c: unknown) => readonly string[])(config).length).toBeGreaterThan(0);
    expect(module.env.parse({})).toBeUndefined();
  });
});

describe('the module list', () => {
  it('gives every provider its own name and type name', () => {
    expect(new Set(PROVIDER_MODULES.map((m) => m.name)).size).toBe(PROVIDER_MODULES.length);
    expect(new Set(PROVIDER_MODULES.map((m) => m.typename)).size).toBe(PROVIDER_MODULES.length);
    for (const m of PROVIDER_MODULES) expect(m.typename).toMatch(/^[A-Z][A-Za-z0-9]*Asset$/);
  });
});
