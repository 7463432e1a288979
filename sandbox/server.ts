import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { FaultInjector } from './faults.js';

export interface SandboxRequest {
  method: string;
  /** Path below the provider's prefix, still percent-encoded. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface SandboxResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; Buffers and strings as they are. */
  body?: unknown;
}

export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface Route {
  method: string;
  /** Pattern below the prefix, with :name segments, e.g. /assets/:id */
  pattern: string;
  handler: RouteHandler;
}

/** What a provider's sandbox contributes: its routes, under a path prefix, and its error envelope. */
export interface SandboxDefinition {
  /** Path prefix of the provider's base URL, e.g. /v1.3 */
  prefix: string;
  routes: Route[];
  /** The provider's own error body for a status, used for injected faults and unknown routes. */
  errorResponse(status: number, message: string): SandboxResponse;
}

/** One call as the sandbox saw it: when it arrived and when its answer went out (ms, performance.now). */
export interface CallRecord {
  endpoint: string;
  start: number;
  end: number;
}

const CALL_LOG_LIMIT = 10_000;

interface CompiledRoute extends Route {
  endpoint: string;
  regex: RegExp;
  names: string[];
}

/**
 * A local HTTP server speaking one provider's API. Counts calls per endpoint ("GET /assets/:id"),
 * tracks calls in flight, and applies injected faults before the route runs.
 */
export class SandboxServer {
  readonly faults = new FaultInjector();
  private readonly routes: CompiledRoute[];
  private readonly counts = new Map<string, number>();
  private readonly sockets = new Set<Socket>();
  private log: CallRecord[] = [];
  private inFlight = 0;
  private peak = 0;
  private server: Server | undefined;
  /** Fixed latency added to every call, in ms (the bench uses it to model a real network). */
  latencyMs = 0;
  url = '';

  constructor(readonly definition: SandboxDefinition) {
    this.routes = definition.routes.map(compile);
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.keepAliveTimeout = 60_000;
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    this.server = server;
    const { port: bound } = server.address() as AddressInfo;
    this.url = `http://${host}:${bound}${this.definition.prefix}`;
    return this.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Calls received, for one endpoint ("GET /assets/:id") or for all. Faulted calls count too. */
  calls(endpoint?: string): number {
    if (endpoint !== undefined) return this.counts.get(endpoint) ?? 0;
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  callsByEndpoint(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** The most calls that were in flight at once since the last reset. */
  get maxInFlight(): number {
    return this.peak;
  }

  /** The most recent calls (up to 10 000), oldest first, for tests that check overlap or spacing. */
  callLog(endpoint?: string): CallRecord[] {
    return endpoint === undefined ? [...this.log] : this.log.filter((c) => c.endpoint === endpoint);
  }

  resetCounters(): void {
    this.counts.clear();
    this.log = [];
    this.peak = this.inFlight;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    this.peak = Math.max(this.peak, this.inFlight);
    const record: CallRecord = { endpoint: '', start: performance.now(), end: NaN };
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const method = req.method ?? 'GET';
      const path = url.pathname.startsWith(this.definition.prefix) ? url.pathname.slice(this.definition.prefix.length) || '/' : null;
      const match = path === null ? undefined : this.match(method, path);
      const endpoint = match?.route.endpoint ?? `${method} (unmatched)`;
      this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
      record.endpoint = endpoint;
      if (this.log.length >= CALL_LOG_LIMIT) this.log.shift();
      this.log.push(record);
      if (this.latencyMs > 0) await sleep(this.latencyMs);

      const fault = this.faults.take(endpoint);
      if (fault?.type === 'hang') return; // the socket stays open until the client gives up
      if (fault?.type === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.type === 'malformed') return send(res, { status: 200, body: '{"truncated": [1, 2' });
      if (fault?.type === 'status') {
        const response = this.definition.errorResponse(fault.status, fault.message ?? 'injected fault');
        return send(res, { ...response, headers: { ...response.headers, ...fault.headers } });
      }
      if (!match || path === null) {
        return send(res, this.definition.errorResponse(404, `no route for ${method} ${url.pathname}`));
      }
      const response = await match.route.handler({
        method,
        path,
        params: match.params,
        query: url.searchParams,
        headers: req.headers,
        body,
      });
      send(res, response);
    } catch (error) {
      send(res, this.definition.errorResponse(500, `sandbox error: ${(error as Error).message}`));
    } finally {
      record.end = performance.now();
      this.inFlight--;
    }
  }

  private match(method: string, path: string): { route: CompiledRoute; params: Record<string, string> } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route, params };
    }
    return undefined;
  }
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { ...route, endpoint: `${route.method} ${route.pattern}`, regex: new RegExp(`^${source}/?$`), names };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, response: SandboxResponse): void {
  if (res.writableEnded || res.destroyed) return;
  const { body } = response;
  const headers: Record<string, string> = { ...response.headers };
  let payload: Buffer | string | undefined;
  if (body === undefined) payload = undefined;
  else if (Buffer.isBuffer(body) || typeof body === 'string') payload = body;
  else {
    payload = JSON.stringify(body);
    headers['content-type'] ??= 'application/json';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
