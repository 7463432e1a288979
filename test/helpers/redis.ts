import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A Redis the live tests may use ('' when none was found or could be started). */
    redisUrl: string;
  }
}

export interface TestRedis {
  url: string | undefined;
  /** How it was found: REDIS_URL, the default local port, or a redis-server started for this run. */
  source: 'env' | 'local' | 'spawned' | 'none';
  stop(): Promise<void>;
}

/** Whether something answers PING with PONG at host:port, within a second. */
export function answersPing(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no free port');
  return address.port;
}

/**
 * REDIS_URL when set; else a Redis on 127.0.0.1:6379 if one answers; else a throwaway redis-server
 * from PATH on a free port, without persistence, stopped by `stop()`. Never throws: `url` is
 * undefined when there is no Redis to be had, and the tests that need one say so. `options` stand in
 * for the environment and the default port (to exercise the spawning path).
 */
export async function findOrStartRedis(options: { env?: string | undefined; localPort?: number } = {}): Promise<TestRedis> {
  const none = { stop: async () => {} };
  const env = 'env' in options ? options.env : process.env['REDIS_URL'];
  const localPort = options.localPort ?? 6379;
  if (env) return { url: env, source: 'env', ...none };
  if (await answersPing('127.0.0.1', localPort)) return { url: `redis://127.0.0.1:${localPort}`, source: 'local', ...none };
  const port = await freePort();
  let child: ChildProcess;
  try {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
  } catch {
    return { url: undefined, source: 'none', ...none };
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let failed = false;
  child.once('error', () => (failed = true));
  for (let i = 0; i < 100 && !failed; i++) {
    if (await answersPing('127.0.0.1', port)) {
      return {
        url: `redis://127.0.0.1:${port}`,
        source: 'spawned',
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      };
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  return { url: undefined, source: 'none', ...none };
}

/** In a test: the Redis the global setup found or started. */
export function redisUrlForTests(): string {
  const url = inject('redisUrl');
  if (!url) {
    throw new Error('These tests need Redis: set REDIS_URL, run one on 127.0.0.1:6379, or put redis-server on PATH');
  }
  return url;
}

/** A key prefix of its own, so test files running in parallel never see each other's keys. */
export function uniqueKeyPrefix(): string {
  return `assetfed:test:${randomUUID()}:`;
}

/** Deletes this run's keys (and only those): nothing global is ever flushed. */
export async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
