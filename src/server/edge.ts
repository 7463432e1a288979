import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { sendNodeResponse } from '@whatwg-node/server';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Logger } from '../observability/logger.js';
import { REQUEST_ID_HEADER, requestIdFrom, type RequestSummary } from '../observability/index.js';
import { errorBody, JSON_CONTENT_TYPE, writeSocketError } from './error-response.js';
import { readRequestTarget } from './request-target.js';

/** What the edge hands a request to once it is readable and routed: yoga's Node entry. */
export type EdgeHandler = Pick<YogaServerInstance<any, any>, 'handleNodeRequestAndResponse'>;

export interface EdgeOptions {
  /** The paths served over HTTP, exactly as spelled; any other path is a 404 before any handler runs. */
  routes: ReadonlySet<string>;
  /** The one path websockets upgrade on. */
  websocketPath: string;
  /** Takes over a websocket handshake on `websocketPath` (the ws server's handleUpgrade). */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  logger: Logger;
  /** Each request the edge answered itself, summarised as the request log summarises the others. */
  onRejected?: (summary: RequestSummary) => void;
}

/** How much of a refused path goes into a log line: enough to recognise, never a flood. */
const LOGGED_PATH_CHARS = 200;

/**
 * The server's front door, in front of yoga and the websocket server. Every request is read here
 * first, so nothing behind it has to cope with what cannot be served:
 *
 * - a request target or Host that is not valid HTTP: 400 with a coded body (never a URL that throws later);
 * - a path that is not one of `routes` (or `websocketPath`, for an upgrade): 404, nothing executes;
 * - CONNECT, and requests Node's parser refuses (bad framing, oversized headers): a coded 4xx on the socket;
 * - anything that throws behind it: a masked 500 carrying the request id, logged with its stack.
 *
 * Routing lives here rather than in yoga's plugins because yoga serves GraphQL on more spellings than
 * its endpoint (a trailing slash, any path ending in it), and one table that says what exists keeps a
 * path added later from existing by accident.
 */
export function attachEdge(server: Server, handler: EdgeHandler, options: EdgeOptions): void {
  const refused = refusalLog(options);
  server.on('request', onRequest(handler, options, refused));
  server.on('upgrade', onUpgrade(options, refused));
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    socket.on('error', () => socket.destroy());
    writeSocketError(socket, 405, 'METHOD_NOT_ALLOWED', 'CONNECT is not supported: this server is not a proxy.', {
      allow: 'GET, POST, OPTIONS',
      [REQUEST_ID_HEADER]: requestId,
    });
    refused(req, requestId, 405, 'METHOD_NOT_ALLOWED', performance.now(), '(connect)');
  });
  server.on('clientError', onClientError(options.logger));
}

/** Logs (and reports) a request the edge answered itself. */
type Refused = (req: IncomingMessage, requestId: string, status: number, code: string, started: number, path?: string) => void;

function refusalLog(options: EdgeOptions): Refused {
  return (req, requestId, status, code, started, path = pathForLog(req.url)) => {
    const summary: RequestSummary = {
      method: String(req.method),
      path,
      operationName: null,
      operationType: null,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      errors: [code],
    };
    options.logger.info({ requestId, ...summary }, 'request refused');
    options.onRejected?.(summary);
  };
}

/** Takes the request id the caller sent (or makes one) and hands it on to yoga's request log. */
function tagRequestId(req: IncomingMessage): string {
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  // yoga's request log reads the same header, so both layers log one id for one request.
  req.headers[REQUEST_ID_HEADER] = requestId;
  return requestId;
}

function onRequest(handler: EdgeHandler, options: EdgeOptions, refused: Refused) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const requestId = tagRequestId(req);
    const target = readRequestTarget(req.url, req.method, req.headers.host, req.httpVersion);
    if (!target.ok) {
      if ('asterisk' in target) {
        res.writeHead(204, { allow: 'GET, POST, OPTIONS', [REQUEST_ID_HEADER]: requestId }).end();
        return;
      }
      reply(res, requestId, target.status, 'BAD_REQUEST', target.message);
      refused(req, requestId, target.status, 'BAD_REQUEST', started, '(unreadable)');
      return;
    }
    if (!options.routes.has(target.path)) {
      reply(res, requestId, 404, 'NOT_FOUND', `Nothing is served at this path. GraphQL is served at ${options.websocketPath}.`);
      refused(req, requestId, 404, 'NOT_FOUND', started, target.path.slice(0, LOGGED_PATH_CHARS));
      return;
    }
    // The absolute form's authority replaces Host, and no layer behind sees the two disagree.
    req.url = target.path + target.search;
    req.headers.host = target.host;
    void serve(handler, req, res, requestId, options.logger, () => refused(req, requestId, 500, 'INTERNAL_SERVER_ERROR', started, target.path));
  };
}

function onUpgrade(options: EdgeOptions, refused: Refused) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const started = performance.now();
    const requestId = tagRequestId(req);
    // A socket that resets while an answer is written must not take the process down.
    socket.on('error', () => socket.destroy());
    const target = readRequestTarget(req.url, req.method, req.headers.host, req.httpVersion);
    if (!target.ok || target.path !== options.websocketPath) {
      const [status, code, message] = !target.ok
        ? [400, 'BAD_REQUEST', 'message' in target ? target.message : 'The request target "*" cannot be upgraded.']
        : [404, 'NOT_FOUND', `Websockets are served at ${options.websocketPath} only.`];
      writeSocketError(socket, status, code, message, { [REQUEST_ID_HEADER]: requestId });
      refused(req, requestId, status, code, started, target.ok ? target.path.slice(0, LOGGED_PATH_CHARS) : '(unreadable)');
      return;
    }
    options.upgrade(req, socket, head);
  };
}

function onClientError(logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Node's own default: answer only while no response is under way on this socket.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (error.code === 'ECONNRESET' || inFlight) {
      socket.destroy();
      return;
    }
    const [status, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'BAD_REQUEST', 'The request is not valid HTTP/1.1.'];
    const requestId = requestIdFrom(undefined);
    writeSocketError(socket, status, code, message, { [REQUEST_ID_HEADER]: requestId });
    logger.info({ requestId, status, errors: [code], parserError: error.code }, 'request refused');
  };
}

/** Node's parser errors that deserve more than a plain 400. */
const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive.'],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request headers took too long to arrive.'],
};

async function serve(handler: EdgeHandler, req: IncomingMessage, res: ServerResponse, requestId: string, logger: Logger, onMasked: () => void) {
  let response: Response;
  try {
    // The server context yoga's own listener would pass.
    response = await handler.handleNodeRequestAndResponse(req, res, { req, res });
  } catch (error) {
    // The stack goes to the log, tied to the request id the caller is given, and nowhere else.
    logger.error({ requestId, err: error, method: req.method, path: req.url?.split('?')[0] }, 'request failed: unexpected error');
    onMasked();
    if (res.headersSent) {
      res.destroy();
      return;
    }
    reply(res, requestId, 500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.', { requestId });
    return;
  }
  try {
    await sendNodeResponse(response, res, req, true);
  } catch (error) {
    logger.warn({ requestId, err: error }, 'response could not be sent');
    res.destroy();
  }
}

function reply(res: ServerResponse, requestId: string, status: number, code: string, message: string, extensions?: Record<string, unknown>): void {
  const body = errorBody(code, message, extensions);
  res.writeHead(status, { 'content-type': JSON_CONTENT_TYPE, 'content-length': Buffer.byteLength(body), [REQUEST_ID_HEADER]: requestId });
  res.end(body);
}

function pathForLog(url: string | undefined): string {
  return (url ?? '').split('?')[0]!.slice(0, LOGGED_PATH_CHARS);
}
