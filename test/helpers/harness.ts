import { request } from 'undici';
import { createApp, type App } from '../../src/server/app.js';
import type { Logger } from '../../src/observability/logger.js';
import { loadConfig, type ProviderConfigs } from '../../src/config/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { PROVIDERS, type ProviderName } from '../../src/providers/index.js';
import type { TypedDocumentString } from '../generated/graphql.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] | undefined;
  /** The response's extensions (`cost`: requested and actual upstream calls, the caller's bucket). */
  extensions?: Record<string, any>;
}

export interface Harness {
  url: string;
  app: App;
  sandbox: Sandbox;
  /** A query as text, or a typed document from test/operations (then the result is typed too). */
  gql<T = Record<string, any>, V = Record<string, unknown>>(query: string | TypedDocumentString<T, V>, variables?: V): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  /** Providers to enable (default: all four). */
  enable?: readonly ProviderName[];
  /** A running sandbox to share (two app instances over one sandbox); not stopped with the harness. */
  sandbox?: Sandbox;
  /** Bearer token the harness's gql() sends (when the app is started with API_TOKENS). */
  token?: string;
  /** The app's logger (tests that read the log lines pass one writing to a capture stream). */
  logger?: Logger;
}

/** The sandbox and the app on free ports, spoken to over real HTTP through undici. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sandbox = options.sandbox ?? (await startSandbox());
  const config = loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent', UPSTREAM_TIMEOUT_MS: '2000', ...options.env });
  const enabled = options.enable ?? PROVIDERS;
  const providers: ProviderConfigs = Object.fromEntries(enabled.map((p) => [p, sandbox.providers[p]]));
  const app = await createApp(config, { sandbox: { providers }, logger: options.logger });
  const url = await app.start(0, '127.0.0.1');
  return {
    url,
    app,
    sandbox,
    gql: (query, variables) =>
      postGraphQL(`${url}/graphql`, String(query), variables as Record<string, unknown>, options.token ? { authorization: `Bearer ${options.token}` } : {}),
    async stop() {
      await app.stop();
      if (!options.sandbox) await sandbox.stop();
    },
  };
}

export async function postGraphQL<T>(
  endpoint: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const res = await request(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.body.json()) as { data?: T | null; errors?: GraphQLResponse['errors']; extensions?: Record<string, any> };
  assertCostBound(body);
  return { status: res.statusCode, data: body.data, errors: body.errors, extensions: body.extensions };
}

/**
 * The cost model's promise, checked on every answer a test reads through these helpers: the estimate
 * is never below the upstream calls the operation then spent. Every test that runs an operation
 * (mutations included) thereby tests the model's upper bound.
 */
export function assertCostBound(body: unknown): void {
  for (const result of Array.isArray(body) ? body : [body]) {
    const cost = (result as { extensions?: { cost?: { requestedQueryCost: number; actualQueryCost: number } } } | null)?.extensions?.cost;
    if (cost && cost.actualQueryCost > cost.requestedQueryCost) {
      throw new Error(`cost model below the truth: estimated ${cost.requestedQueryCost} upstream calls, spent ${cost.actualQueryCost}`);
    }
  }
}

/** The global ID this API issues for a provider's id. */
export function globalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}
