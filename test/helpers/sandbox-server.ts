import { afterAll, afterEach, beforeAll } from 'vitest';
import type { CallEvent, ClientOptions } from '../../src/providers/http/index.js';
import { SandboxServer, type SandboxDefinition } from '../../sandbox/server.js';

interface Closable {
  close(): Promise<void>;
}

export interface SandboxServerFixture {
  server: SandboxServer;
  /** Closes `closable` after the file's tests, before the server stops; returns it. */
  track<C extends Closable>(closable: C): C;
}

/**
 * One provider's sandbox on a free port for the whole file. The server is created now (so the file
 * can hold it), started before the file's own beforeAll hooks run, and put back to how it started
 * after each test, so a test's faults, latency and call counts never reach the next one.
 */
export function useSandboxServer(definition: SandboxDefinition): SandboxServerFixture {
  const server = new SandboxServer(definition);
  const opened: Closable[] = [];
  beforeAll(async () => {
    await server.start(0);
  });
  afterEach(() => {
    server.faults.clear();
    server.resetCounters();
    server.latencyMs = 0;
  });
  afterAll(async () => {
    await Promise.all(opened.map((c) => c.close()));
    await server.stop();
  });
  return {
    server,
    track(closable) {
      opened.push(closable);
      return closable;
    },
  };
}

/** The upstream settings the provider tests run clients with: short deadlines, two retries. */
export function clientOptions(onCall?: (event: CallEvent) => void): ClientOptions {
  return { upstream: { timeoutMs: 2000, retries: 2, maxRetryAfterMs: 5000, concurrency: 8 }, sandbox: true, onCall };
}

/** What `promise` rejects with, or 'resolved' when it does not (then the expectation on it fails). */
export const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (e: unknown) => e,
  );
