import autocannon from 'autocannon';
import { Pool } from 'undici';
import { percentile, round } from './stats.js';

/** One load run: closed loop, `connections` requests in flight for `durationS` (or `amount` requests). */
export interface LoadResult {
  connections: number;
  durationS: number;
  /** Successful (2xx) responses in the measured run. */
  requests: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Connection errors and timeouts, non-2xx statuses, and 2xx bodies that were not the expected one. */
  errors: number;
  non2xx: number;
  mismatches: number;
  /** undici runs only: CPU the bench process spent per successful call (the client's side of the same call). */
  clientCpuUsPerRequest?: number;
}

function summarize(latencies: number[], connections: number, elapsedMs: number, failures: Pick<LoadResult, 'errors' | 'non2xx' | 'mismatches'>): LoadResult {
  return {
    connections,
    durationS: round(elapsedMs / 1000, 2),
    requests: latencies.length,
    rps: Math.round(latencies.length / (elapsedMs / 1000)),
    p50Ms: round(percentile(latencies, 50), 2),
    p90Ms: round(percentile(latencies, 90), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    maxMs: round(percentile(latencies, 100), 2),
    ...failures,
  };
}

export interface AutocannonLoad {
  url: string;
  connections: number;
  durationS?: number;
  /** A number of requests instead of a duration. */
  amount?: number;
  /** POST body (JSON text) of every request, or `requests` for a sequence each connection cycles through. */
  body?: string;
  requests?: autocannon.Request[];
  /** The exact body every 2xx must carry; others count as mismatches (GraphQL errors come as 200). */
  expectBody?: string;
}

export const GRAPHQL_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

/**
 * autocannon, with latencies taken from its per-response event: its own histogram keeps whole
 * milliseconds, too coarse for a 1 ms budget; the event carries the hrtime duration.
 */
export function autocannonLoad(load: AutocannonLoad): Promise<LoadResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        method: 'POST',
        headers: GRAPHQL_HEADERS,
        connections: load.connections,
        ...(load.amount !== undefined ? { amount: load.amount } : { duration: load.durationS ?? 10 }),
        ...(load.body !== undefined && { body: load.body }),
        ...(load.requests !== undefined && { requests: load.requests }),
        ...(load.expectBody !== undefined && { expectBody: load.expectBody }),
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        const elapsed = result.finish.getTime() - result.start.getTime();
        resolve(
          summarize(latencies, load.connections, elapsed, {
            errors: result.errors,
            non2xx: result.non2xx,
            mismatches: result.mismatches,
          }),
        );
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) latencies.push(responseTime);
    });
  });
}

export interface DirectCall {
  method: 'GET' | 'POST';
  /** Path with query, as sent on the wire. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * The same closed loop as autocannon's, made with undici (as an application calling the provider
 * directly would): `connections` workers over one keep-alive pool of that many sockets. `next` builds
 * each call (a signed provider signs every call afresh); `check` vets each 2xx body.
 */
export async function undiciLoad(options: {
  origin: string;
  connections: number;
  durationS: number;
  next: () => DirectCall;
  check?: (body: string) => boolean;
}): Promise<LoadResult> {
  const pool = new Pool(options.origin, { connections: options.connections, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  const failures = { errors: 0, non2xx: 0, mismatches: 0 };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + options.durationS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const call = options.next();
      const t0 = performance.now();
      try {
        const res = await pool.request({ method: call.method, path: call.path, headers: call.headers, body: call.body });
        const text = await res.body.text();
        const elapsed = performance.now() - t0;
        if (res.statusCode < 200 || res.statusCode >= 300) failures.non2xx++;
        else if (options.check && !options.check(text)) failures.mismatches++;
        else latencies.push(elapsed);
      } catch {
        failures.errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  await pool.close();
  return {
    ...summarize(latencies, options.connections, elapsed, failures),
    clientCpuUsPerRequest: Math.round((cpu.user + cpu.system) / Math.max(1, latencies.length)),
  };
}

/**
 * GraphQL POSTs through undiciLoad. The overhead and ceiling cases drive assetfed with the same client
 * as the direct provider call, so the client's own cost cancels out of "added": at 1 in flight
 * autocannon times the same direct call 0.3–0.45 ms faster than undici does, which a mixed comparison
 * would have credited to assetfed.
 */
export function graphqlLoad(load: { endpoint: string; connections: number; durationS: number; body: string; expectBody: string }): Promise<LoadResult> {
  const url = new URL(load.endpoint);
  const call: DirectCall = { method: 'POST', path: url.pathname, headers: GRAPHQL_HEADERS, body: load.body };
  return undiciLoad({
    origin: url.origin,
    connections: load.connections,
    durationS: load.durationS,
    next: () => call,
    check: (text) => text === load.expectBody,
  });
}
