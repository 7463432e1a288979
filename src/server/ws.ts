import type { TrustedDocuments } from './trusted-documents.js';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { ServerOptions } from 'graphql-ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { bearer, type CallerAuth } from '../auth/tokens.js';
import { looksLikeJwt } from '../auth/jwt.js';
import type { Logger } from '../observability/logger.js';
import { ConnectionLog } from '../observability/ws-log.js';
import { formatForWire, presentError, presentResult, type PresentationContext } from './error-presentation.js';
import { writeSocketError } from './error-response.js';
import { type Extra, sendInTurn, serveGraphQLWs } from './ws-adapter.js';
import { offerDirectDelivery, type DirectDelivery } from '../plugins/use-shared-event-execution.js';

type Yoga = YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;
type Enveloped = ReturnType<Yoga['getEnveloped']>;

export interface WebSocketOptions {
  auth: CallerAuth;
  verifyJwt: ((token: string) => Promise<boolean>) | undefined;
  logger: Logger;
  /** The largest message a client may send, in bytes: the same bound as an HTTP request body. */
  maxPayload: number;
  /** Trusted documents: a persisted operation's text, or the refusal HTTP gives (PERSISTED_DOCUMENTS). */
  trusted?: Pick<TrustedDocuments, 'source'> | undefined;
}

/**
 * graphql-ws (the `graphql-transport-ws` subprotocol) on the same /graphql endpoint as HTTP, run
 * through yoga's envelope: the same parse/validate caches, plugins (limits, introspection), context
 * and error masking apply to websocket operations as to HTTP ones, and the same caller check as HTTP.
 * Errors leave through presentError, as HTTP's do; each connection and operation is logged
 * (src/observability/ws-log.ts). The edge (src/server/edge.ts) hands over handshakes on /graphql only.
 */
export function createWebSockets(yoga: YogaServerInstance<any, any>, options: WebSocketOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
  const connections = new WeakMap<WebSocket, ConnectionLog>();
  // Registered before graphql-ws' own listener, so every hook below finds its connection's log.
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => connections.set(socket, new ConnectionLog(options.logger, request)));
  // A handshake ws refuses (bad key, version, method) gets the same coded answer as any bad request.
  wss.on('wsClientError', (error: Error, socket: Duplex) => {
    socket.on('error', () => socket.destroy());
    writeSocketError(socket, /method/i.test(error.message) ? 405 : 400, 'BAD_REQUEST', `Websocket handshake refused: ${error.message}.`);
  });
  const logOf = (extra: Extra) => connections.get(extra.socket)!;
  const disposable = serveGraphQLWs(
    wss,
    { ...connectionHooks(options, logOf), ...operationHooks(yoga, options.trusted, logOf) },
    {
      onSocketError: (socket, error) =>
        connections.get(socket)?.log.info({ error: error.message, code: (error as NodeJS.ErrnoException).code }, 'websocket error'),
      onInternalError: (socket, error) => connections.get(socket)?.log.error({ err: error }, 'websocket failed: unexpected error'),
    },
  );
  return {
    /** Takes over a websocket handshake the edge routed here. */
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    /** Closes every socket with 1001 "Going away" (clients reconnect, to another instance) and stops. */
    async close(): Promise<void> {
      await disposable.dispose();
    },
  };
}

type Hooks = ServerOptions<Record<string, unknown>, Extra>;
type LogOf = (extra: Extra) => ConnectionLog;

const presentation = (log: ConnectionLog): PresentationContext => ({
  requestId: log.requestId,
  onUnexpected: (cause) => log.log.error({ err: cause }, 'operation failed: unexpected error'),
});

/** The caller check at connection_init, and the connection's log from then to its close. */
function connectionHooks({ auth, verifyJwt }: WebSocketOptions, logOf: LogOf): Hooks {
  return {
    // connection_init carries { authorization }; returning false closes the socket with 4403.
    onConnect: async (ctx) => {
      const authorization = String(ctx.connectionParams?.['authorization'] ?? '');
      const token = bearer(authorization);
      const allowed = auth.authenticate(authorization) !== null || (verifyJwt !== undefined && looksLikeJwt(token) && (await verifyJwt(token)));
      if (allowed) logOf(ctx.extra).accepted();
      return allowed;
    },
    onComplete: (ctx, id) => logOf(ctx.extra).completed(id),
    onClose: (ctx, code, reason) => logOf(ctx.extra).closed(code, reason),
  };
}

/** Each operation through yoga's envelope, its errors presented (and logged) as HTTP's are. */
function operationHooks(yoga: Yoga, trusted: WebSocketOptions['trusted'], logOf: LogOf): Hooks {
  return {
    execute: (args: ExecutionArgs) => (args.rootValue as Enveloped).execute(args),
    subscribe: (args: ExecutionArgs) => (args.rootValue as Enveloped).subscribe(args),
    onSubscribe: async (ctx, id, params) => {
      const log = logOf(ctx.extra);
      try {
        return await prepareOperation(yoga, trusted, ctx, log, id, params);
      } catch (error) {
        // Our own bug: a masked error for this operation, not a 4500 that closes the whole socket.
        return [presentError(error, presentation(log))];
      }
    },
    onNext: (ctx, id, _payload, _args, result) => {
      if (!result.errors?.length) return;
      const log = logOf(ctx.extra);
      const presented = presentResult(result, presentation(log));
      log.errors(id, presented.errors!);
      return { ...presented, errors: presented.errors!.map(formatForWire) };
    },
    onError: (ctx, id, _payload, errors) => {
      const log = logOf(ctx.extra);
      const presented = errors.map((e) => presentError(e, presentation(log)));
      log.errors(id, presented);
      return presented.map(formatForWire);
    },
  };
}

type SubscribeHook = NonNullable<Hooks['onSubscribe']>;

/** Parses and validates through the envelope: the execution arguments, or the errors to answer with. */
async function prepareOperation(
  yoga: Yoga,
  trusted: WebSocketOptions['trusted'],
  ctx: Parameters<SubscribeHook>[0],
  log: ConnectionLog,
  id: string,
  params: Parameters<SubscribeHook>[2],
) {
  // Only what the envelope uses: this object lives as long as the subscription, so spreading the
  // whole socket context (or the subscribe message) into it cost memory per subscriber.
  const enveloped = yoga.getEnveloped({
    req: ctx.extra.request,
    socket: ctx.extra.socket,
    connectionParams: ctx.connectionParams,
    connectionLogger: log.log,
  }) as Enveloped;
  let document: DocumentNode;
  try {
    const source = trusted ? trusted.source(params) : params.query;
    if (source instanceof GraphQLError) return [presentError(source, presentation(log))];
    document = enveloped.parse(source);
    // graphql-armor throws its rejections (propagateOnRejection) rather than returning them.
    const errors = enveloped.validate(enveloped.schema, document);
    if (errors.length > 0) return errors.map((e: GraphQLError) => presentError(e, presentation(log)));
  } catch (error) {
    if (error instanceof GraphQLError) return [presentError(error, presentation(log))];
    throw error;
  }
  const operation = getOperationAST(document, params.operationName);
  log.started(id, operation?.name?.value ?? params.operationName, operation?.operation ?? null);
  const contextValue = await enveloped.contextFactory();
  if (operation?.operation === 'subscription') offerDirectDelivery(contextValue, new DirectFrames(ctx, id));
  return {
    schema: enveloped.schema,
    operationName: params.operationName,
    document,
    variableValues: params.variables,
    contextValue,
    // execute/subscribe above take the envelope's own functions from here.
    rootValue: enveloped,
  };
}

/** Each shared result's payload as JSON, made by its first subscriber and reused by the rest. */
const payloads = new WeakMap<ExecutionResult, string>();

/**
 * A subscription's events written as graphql-ws' own `next` message would be (the same keys, in
 * its order), from a payload serialised once for every subscriber that shares the result.
 */
class DirectFrames implements DirectDelivery {
  private readonly head: string;

  constructor(
    private readonly ctx: Parameters<SubscribeHook>[0],
    private readonly id: string,
  ) {
    this.head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  }

  deliver(result: ExecutionResult): boolean {
    const { socket } = this.ctx.extra;
    // Completed by the client, or the socket is going: nothing to write, and the pipeline would drop it too.
    if (!(this.id in this.ctx.subscriptions) || socket.readyState !== socket.OPEN) return true;
    let payload = payloads.get(result);
    if (payload === undefined) {
      payload = JSON.stringify(result);
      payloads.set(result, payload);
    }
    sendInTurn(this.ctx.extra, `${this.head}${payload}}`);
    return true;
  }
}
