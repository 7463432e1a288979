import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetch } from '@whatwg-node/fetch';
import { createYoga, type YogaServerInstance, type YogaServerOptions } from 'graphql-yoga';
import { buildSchema } from '../../resolvers/schema.js';
import type { Config, ProviderConfigs } from '../config/index.js';
import { createContext, type Context } from '../context.js';
import { useContext } from '../plugins/use-context.js';
import { createLiveEngine, type LiveEngine } from '../live/index.js';
import { createCallerAuth } from '../auth/tokens.js';
import { multipartLimits, useRequestBodyLimit } from '../plugins/use-request-body-limit.js';
import { useCallerAuth } from '../plugins/use-caller-auth.js';
import { createJwtAuth } from '../auth/jwt.js';
import { useMultipartCsrfPrevention } from '../plugins/use-multipart-csrf-prevention.js';
import { queryLimitPlugins } from '../plugins/use-query-limits.js';
import { useCost } from '../plugins/use-cost.js';
import { useOrderedExecution } from '../plugins/use-ordered-execution.js';
import { useSharedEventExecution } from '../plugins/use-shared-event-execution.js';
import { createCostBucket } from '../cost/index.js';
import { createCallerOf } from '../cost/caller.js';
import { useGraphQLErrorResponses } from '../plugins/use-graphql-error-responses.js';
import { useMalformedRequestErrors } from '../plugins/use-malformed-request-errors.js';
import { usePresentedErrors } from '../plugins/use-presented-errors.js';
import { addSecrets, createLogger, type Logger } from '../observability/logger.js';
import { createMetrics, createRequestLogging, upstreamObservers, useReadiness } from '../observability/index.js';
import { providerSecrets } from '../providers/index.js';
import { ProviderRegistry } from '../providers/registry.js';
import type { Sandbox } from '../../sandbox/index.js';
import { createGraphiQL } from '../graphiql/index.js';
import { ownQuery } from '../graphiql/own-query.js';
import { startSandboxOnDemand } from './sandbox-on-demand.js';
import { attachEdge } from './edge.js';
import { GRAPHQL_PATH, ROUTES } from './routes.js';
import { createWebSockets } from './ws.js';
import { loadTrustedDocuments } from './trusted-documents.js';

/** The largest request body that is not a multipart upload, and the largest websocket message. */
const PLAIN_BODY_BYTES = 25_000_000;

export interface AppOptions {
  /**
   * Sandbox providers to serve instead of starting a sandbox: tests pass their own running sandbox's
   * configuration (to read its counters), or part of it (to leave a provider disabled).
   */
  sandbox?: { providers: ProviderConfigs };
  logger?: Logger;
}

export interface App {
  yoga: YogaServerInstance<Record<string, never>, Context>;
  providers: ProviderRegistry;
  live: LiveEngine;
  logger: Logger;
  /** The HTTP server yoga is mounted on (websockets attach here). */
  server: Server;
  /** The sandbox this app started itself (config.sandbox without options.sandbox). */
  sandbox: Sandbox | undefined;
  /** Listens; resolves with the base URL (http://host:port). Port 0 picks a free one. */
  start(port?: number, host?: string): Promise<string>;
  /** Graceful: stop accepting, let in-flight requests finish, close upstream pools. */
  stop(): Promise<void>;
}

export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
  const core = await createCore(config, options);
  const { logger, providers, live, metrics } = core;
  const auth = createCallerAuth({ apiTokens: config.apiTokens, anonymous: config.allowAnonymous });
  const jwt = config.jwt ? createJwtAuth(config.jwt, auth) : undefined;
  const trusted = config.trustedDocuments && loadTrustedDocuments(config.trustedDocuments.path, config.trustedDocuments.allowArbitrary);
  const bucket = createCostBucket(config, logger);
  const graphiql = createGraphiQL({
    sandbox: core.sandboxed,
    tokenRequired: !auth.anonymous,
    run: ownQuery((url, init) => yoga.fetch(url, init), GRAPHQL_PATH, config.apiTokens[0]),
    onError: (error) => logger.warn({ err: error }, 'GraphiQL: example ids could not be read; the tabs show placeholders'),
  });
  const uploads = multipartLimits(config.maxUploadBytes);
  const plugins = yogaPlugins(config, core, { auth, jwt, trusted, bucket, graphiql, uploads });
  const yoga = await createYogaServer(logger, { graphiql, uploads, plugins });

  // The edge checks Host itself and answers its absence with a coded 400, not Node's bare one.
  const server: Server = createServer({ requireHostHeader: false });
  const sockets = createWebSockets(yoga, { auth, verifyJwt: jwt?.verify, logger, maxPayload: PLAIN_BODY_BYTES, trusted });
  attachEdge(server, yoga, { routes: ROUTES, websocketPath: GRAPHQL_PATH, upgrade: sockets.upgrade, logger, onRejected: metrics.onRequest });
  let stopping: Promise<void> | undefined;

  return {
    yoga,
    providers,
    live,
    logger,
    server,
    sandbox: core.ownSandbox,
    start: (port = config.port, host = config.host) => listen(server, port, host, core),
    stop() {
      stopping ??= (async () => {
        // Stop accepting, close every websocket with 1001 "Going away" (a client reconnects, to another
        // instance), end the SSE streams, let in-flight requests finish, then release the poll leases
        // and upstream pools.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await sockets.close();
        await live.close();
        server.closeIdleConnections();
        await closed;
        await providers.close();
        await bucket.close();
        await core.ownSandbox?.stop();
      })();
      return stopping;
    },
  };
}

/** What every transport shares: the logger, the providers (real or sandbox), metrics, request log, live engine. */
interface Core {
  logger: Logger;
  ownSandbox: Sandbox | undefined;
  sandboxed: boolean;
  metrics: ReturnType<typeof createMetrics>;
  providers: ProviderRegistry;
  requests: ReturnType<typeof createRequestLogging>;
  live: LiveEngine;
}

async function createCore(config: Config, options: AppOptions): Promise<Core> {
  const logger = options.logger ?? createLogger(config.logLevel, { format: config.logFormat });
  const ownSandbox = config.sandbox && !options.sandbox ? await startSandboxOnDemand() : undefined;
  const sandboxed = options.sandbox ?? ownSandbox;
  const providerConfigs = sandboxed ? sandboxed.providers : config.providers;
  // Every configured key and token is scrubbed from every log line, whatever logged it.
  addSecrets(logger, [...providerSecrets(providerConfigs), ...config.apiTokens]);
  // Read at scrape time, once providers and the live engine exist.
  const metrics = createMetrics({ health: () => providers.health(), live: () => live.stats() });
  const upstream = upstreamObservers(logger, metrics);
  const providers = ProviderRegistry.create(providerConfigs, {
    upstream: config.upstream,
    sandbox: Boolean(sandboxed),
    onCall: upstream.onCall,
    onGuard: upstream.onGuard,
  });
  const requests = createRequestLogging(logger, { onCompleted: metrics.onRequest });
  const live = createLiveEngine({
    providers,
    pollIntervalMs: config.pollIntervalMs,
    redisUrl: config.redisUrl,
    keyPrefix: config.redisKeyPrefix,
    concurrency: config.upstream.concurrency,
    logger,
  });
  return { logger, ownSandbox, sandboxed: Boolean(sandboxed), metrics, providers, requests, live };
}

type Plugins = NonNullable<YogaServerOptions<Record<string, never>, Context>['plugins']>;

interface PluginParts {
  auth: ReturnType<typeof createCallerAuth>;
  jwt: ReturnType<typeof createJwtAuth> | undefined;
  trusted: ReturnType<typeof loadTrustedDocuments> | undefined;
  bucket: ReturnType<typeof createCostBucket>;
  graphiql: ReturnType<typeof createGraphiQL>;
  uploads: ReturnType<typeof multipartLimits>;
}

/** yoga's plugins, in the order that matters (each comment says why it sits where it does). */
function yogaPlugins(config: Config, core: Core, parts: PluginParts): Plugins {
  const { requests, providers, live, metrics } = core;
  const { auth, jwt, trusted, bucket, graphiql, uploads } = parts;
  return [
    // Their onResultProcess and onResponse run before the request log's, so it logs the codes sent.
    usePresentedErrors((request) => ({
      requestId: requests.requestIdOf(request),
      onUnexpected: (cause) => requests.loggerFor(request).error({ err: cause }, 'operation failed: unexpected error'),
    })),
    useGraphQLErrorResponses(GRAPHQL_PATH),
    // The request log next, so its id and line cover every refusal below.
    requests.plugin,
    useContext((initial) =>
      createContext(initial, config, providers, live, () => initial.connectionLogger ?? requests.loggerFor(initial.request), initial.request?.signal),
    ),
    // The caller check before anything that answers a route: whatever is listed after it is closed
    // unless src/server/routes.ts names its path open.
    useCallerAuth(auth, { jwt: jwt !== undefined }, GRAPHQL_PATH),
    ...(jwt ? [jwt.plugin] : []),
    graphiql.plugin,
    useReadiness(() => providers.health()),
    ...metrics.plugins,
    useMultipartCsrfPrevention(),
    ...(trusted ? [trusted.plugin] : []),
    ...queryLimitPlugins(config.limits, config.introspection),
    // Before useCost: it meters whatever execute and subscribe functions it finds, these included.
    useOrderedExecution(),
    useSharedEventExecution(),
    useCost({ maxQueryCost: config.cost.maxQueryCost, bucket, callerOf: createCallerOf(auth, jwt?.verify), providers, batching: config.batching }),
    useMalformedRequestErrors(),
    // After the request parsers it wraps (yoga's own register before any plugin listed here).
    useRequestBodyLimit({ plainBytes: PLAIN_BODY_BYTES, multipartBytes: uploads.totalBytes }),
  ];
}

async function createYogaServer(logger: Logger, parts: Pick<PluginParts, 'graphiql' | 'uploads'> & { plugins: Plugins }) {
  return createYoga<Record<string, never>, Context>({
    schema: await buildSchema(),
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: '/health',
    landingPage: false,
    // The multipart spec's batched form and array bodies; bounded so one request cannot fan out far.
    batching: { limit: 10 },
    graphiql: parts.graphiql.options,
    renderGraphiQL: parts.graphiql.render,
    // Multipart limits apply while the body is received, so an oversized file is refused before it
    // is held in memory whole (src/errors.ts turns the parser's error into FILE_TOO_LARGE).
    fetchAPI: createFetch({ formDataLimits: parts.uploads.parts }),
    // useRequestBodyLimit below: the same limits without a stream per request.
    maxRequestBodySize: false,
    // Errors are mapped and masked once, as they leave, on every transport (presentError in
    // src/server/error-presentation.ts). yoga's masking would map them a second time, and for each
    // subscription it puts envelop's per-event hooks around the result stream: 3.3 KB of heap per
    // subscriber (bench case subscriptions, 8.8 → 5.5 KB).
    maskedErrors: false,
    plugins: parts.plugins,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
  });
}

async function listen(server: Server, port: number, host: string, core: Core): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  core.logger.info({ url: `${url}/graphql`, providers: core.providers.enabled(), sandbox: core.sandboxed }, 'assetfed listening');
  return url;
}
