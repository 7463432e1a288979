import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/index.js';

describe('loadConfig', () => {
  it('serves the sandbox when no provider has credentials', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ sandbox: true, port: 4000, host: '127.0.0.1', providers: {}, batching: true });
    expect(config.upstream.concurrency).toBe(8);
  });

  it('gives streamed uploads their own timeout, UPSTREAM_UPLOAD_TIMEOUT_MS (default 5 minutes)', () => {
    expect(loadConfig({}).upstream).toMatchObject({ timeoutMs: 10_000, uploadTimeoutMs: 300_000 });
    expect(loadConfig({ UPSTREAM_UPLOAD_TIMEOUT_MS: '900000' }).upstream.uploadTimeoutMs).toBe(900_000);
    expect(() => loadConfig({ UPSTREAM_UPLOAD_TIMEOUT_MS: '10' })).toThrow(/UPSTREAM_UPLOAD_TIMEOUT_MS/);
  });

  it('uses real providers, with default base URLs, when credentials are set', () => {
    const config = loadConfig({ TWELVE_LABS_API_KEY: 'tlk_x', USEAPI_TOKEN: 'user:1-abc', RUNWAY_EMAIL: 'a@b.co', API_TOKENS: 't1, t2' });
    expect(config.apiTokens).toEqual(['t1', 't2']);
    expect(config.allowAnonymous).toBe(false);
    expect(config.introspection).toBe(false);
    expect(config.sandbox).toBe(false);
    expect(config.providers.TWELVE_LABS).toEqual({ apiKey: 'tlk_x', baseUrl: 'https://api.twelvelabs.io/v1.3' });
    expect(config.providers.RUNWAY!.baseUrl).toBe('https://api.useapi.net/v1/runwayml');
    expect(config.providers.VIDEO_JUNGLE).toBeUndefined();
  });

  it('names every bad variable and never prints a secret', () => {
    const secret = 'sk-very-secret-value';
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', UPLYNK_API_KEY: secret, REDIS_URL: 'http://x', VIDEO_JUNGLE_BASE_URL: 'ftp://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/REDIS_URL/);
    expect(message).toMatch(/VIDEO_JUNGLE_BASE_URL/);
    expect(message).not.toContain(secret);
  });

  it('requires both halves of the Uplynk credentials', () => {
    expect(() => loadConfig({ UPLYNK_API_KEY: 'k' })).toThrow(/UPLYNK_OWNER_ID: is required/);
  });

  it('refuses to mix real credentials with SANDBOX=true', () => {
    expect(() => loadConfig({ SANDBOX: 'true', TWELVE_LABS_API_KEY: 'k' })).toThrow(/never mixed/);
  });

  it('refuses real credentials with nobody named to call, and says how to fix it', () => {
    expect(() => loadConfig({ TWELVE_LABS_API_KEY: 'k' })).toThrow(/API_TOKENS: .*ALLOW_ANONYMOUS=true/);
    expect(loadConfig({ TWELVE_LABS_API_KEY: 'k', ALLOW_ANONYMOUS: 'true' }).allowAnonymous).toBe(true);
  });

  it('runs the sandbox open unless API_TOKENS are set, with introspection on', () => {
    expect(loadConfig({})).toMatchObject({ allowAnonymous: true, introspection: true });
    expect(loadConfig({ API_TOKENS: 'x' })).toMatchObject({ allowAnonymous: false });
    expect(loadConfig({ INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(loadConfig({}).limits).toEqual({ maxDepth: 15, maxAliases: 30, maxTokens: 5000, maxDirectives: 50 });
    expect(loadConfig({}).cost).toEqual({ maxQueryCost: 1000, budget: 2000, restoreRate: 100 });
    expect(() => loadConfig({ MAX_QUERY_COST: '3000' })).toThrow(/MAX_QUERY_COST: is 3000, above CALLER_COST_BUDGET/);
    expect(() => loadConfig({ ALLOW_ARBITRARY_OPERATIONS: 'false' })).toThrow(/ALLOW_ARBITRARY_OPERATIONS: is false but PERSISTED_DOCUMENTS/);
    expect(loadConfig({ PERSISTED_DOCUMENTS: 'docs.json' }).trustedDocuments).toEqual({ path: 'docs.json', allowArbitrary: true });
  });
});
