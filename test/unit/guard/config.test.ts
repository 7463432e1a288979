import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/index.js';

describe('upstream protection settings', () => {
  it('limits every real provider to 50 calls per second by default, with a breaker of 5 and 10 s', () => {
    const config = loadConfig({ TWELVE_LABS_API_KEY: 'k', USEAPI_TOKEN: 't', API_TOKENS: 'caller' });
    expect(config.upstream.rateLimits).toEqual({
      VIDEO_JUNGLE: { perSecond: 50, burst: 50 },
      UPLYNK: { perSecond: 50, burst: 50 },
      TWELVE_LABS: { perSecond: 50, burst: 50 },
      RUNWAY: { perSecond: 50, burst: 50 },
    });
    expect(config.upstream).toMatchObject({ maxWaitMs: 5000, breakerFailures: 5, breakerCooldownMs: 10_000 });
  });

  it('limits sandbox providers only when named', () => {
    expect(loadConfig({}).upstream.rateLimits).toEqual({});
    const config = loadConfig({ UPSTREAM_RATE_LIMIT: 'twelve_labs=20, UPLYNK=2.5', UPSTREAM_RATE_BURST: 'UPLYNK=1' });
    expect(config.upstream.rateLimits).toEqual({
      TWELVE_LABS: { perSecond: 20, burst: 20 },
      UPLYNK: { perSecond: 2.5, burst: 1 },
    });
  });

  it('reads the wait bound (following UPSTREAM_MAX_RETRY_AFTER_MS unless set) and the breaker', () => {
    expect(loadConfig({ UPSTREAM_MAX_RETRY_AFTER_MS: '8000' }).upstream.maxWaitMs).toBe(8000);
    const config = loadConfig({
      UPSTREAM_MAX_WAIT_MS: '2000',
      UPSTREAM_BREAKER_FAILURES: '3',
      UPSTREAM_BREAKER_COOLDOWN_MS: '1500',
    });
    expect(config.upstream).toMatchObject({ maxWaitMs: 2000, breakerFailures: 3, breakerCooldownMs: 1500 });
  });

  it('names each bad entry', () => {
    expect(() => loadConfig({ UPSTREAM_RATE_LIMIT: 'YOUTUBE=5' })).toThrow(
      /UPSTREAM_RATE_LIMIT: "YOUTUBE" is not a provider \(one of VIDEO_JUNGLE, UPLYNK, TWELVE_LABS, RUNWAY\)/,
    );
    expect(() => loadConfig({ UPSTREAM_RATE_LIMIT: 'UPLYNK=0' })).toThrow(/UPLYNK must be a number from 0.01/);
    expect(() => loadConfig({ UPSTREAM_RATE_LIMIT: 'UPLYNK' })).toThrow(/UPLYNK must be a number/);
    expect(() => loadConfig({ UPSTREAM_RATE_LIMIT: 'UPLYNK=20=5' })).toThrow(/UPLYNK must be a number/);
    expect(() => loadConfig({ UPSTREAM_RATE_BURST: 'UPLYNK=1.5' })).toThrow(/UPLYNK must be an integer/);
    expect(() => loadConfig({ UPSTREAM_BREAKER_FAILURES: '0' })).toThrow(/UPSTREAM_BREAKER_FAILURES/);
  });
});
