import { randomUUID } from 'node:crypto';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from './logger.js';
import { codeOfResponse } from '../server/error-response.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';

/** A GraphQL Name: a client's claimed operation name is logged only when it is one. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const MAX_CODES = 10;

export interface RequestLoggingOptions {
  /** Paths logged at debug instead of info: probes and scrapes that would drown the real traffic. */
  quietPaths?: readonly string[];
  /** Every finished request's summary, as logged (the metrics count requests from it). */
  onCompleted?: (summary: RequestSummary) => void;
}

/** What the request log line says about one finished HTTP request. */
export interface RequestSummary {
  method: string;
  path: string;
  /** The first operation's, from its document (for a batch, `batch` lists every name). */
  operationName: string | null;
  operationType: string | null;
  batch?: (string | null)[];
  status: number;
  durationMs: number;
  /** Distinct GraphQL error codes in the response (at most 10). */
  errors: string[];
}

export interface RequestLogging {
  /** The yoga plugin; list it first so its id and timing cover every other plugin's work. */
  plugin: Plugin;
  /**
   * The request's child logger (bound to its requestId) for the context factory: pass the `request`
   * of yoga's initial context. Without one (a graphql-ws operation) a child with a fresh id.
   */
  loggerFor(request?: Request): Logger;
  /** The request's id, once the plugin has seen it. */
  requestIdOf(request: Request): string | undefined;
}

interface RequestState {
  id: string;
  /** The request's child logger, made when first asked for: most requests log one line or none. */
  readonly log: Logger;
  started: number;
  path: string;
  operations: { name: string | null; type: string | null }[];
  codes: Set<string>;
}

/** Each request's state, from the first hook that sees it to its response. */
class RequestStates {
  private readonly states = new WeakMap<Request, RequestState>();

  constructor(private readonly logger: Logger) {}

  get(request: Request | undefined): RequestState | undefined {
    return request && this.states.get(request);
  }

  begin(request: Request): RequestState {
    let state = this.states.get(request);
    if (!state) {
      const id = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
      const logger = this.logger;
      let log: Logger | undefined;
      state = {
        id,
        get log() {
          log ??= logger.child({ requestId: id });
          return log;
        },
        started: performance.now(),
        path: pathOf(request.url),
        operations: [],
        codes: new Set(),
      };
      this.states.set(request, state);
    }
    return state;
  }

  /** The operation being executed: its name from the document, which the client cannot misstate. */
  record(request: Request | undefined, document: DocumentNode, operationName: string | null | undefined): void {
    const state = this.get(request);
    if (!state) return;
    const operation = getOperationAST(document, operationName ?? undefined);
    const entry = { name: operation?.name?.value ?? null, type: operation?.operation ?? null };
    // onParams already noted this operation (by its claimed name); replace the first unresolved note.
    const index = state.operations.findIndex((o) => o.type === null);
    if (index >= 0) state.operations[index] = entry;
    else state.operations.push(entry);
  }
}

function collectCodes(state: RequestState, result: unknown): void {
  const results = Array.isArray(result) ? result : [result];
  for (const item of results) {
    for (const error of (item as ExecutionResult | undefined)?.errors ?? []) {
      const code = error.extensions?.['code'];
      if (typeof code === 'string' && state.codes.size < MAX_CODES) state.codes.add(code.slice(0, 64));
    }
  }
}

/** The request id on the response; some responses (Response.error(), redirects) have immutable headers. */
function tagResponse(
  state: RequestState,
  response: Response,
  setResponse: (r: Response) => void,
  fetchAPI: { Headers: typeof Headers; Response: typeof Response },
) {
  try {
    response.headers.set(REQUEST_ID_HEADER, state.id);
  } catch {
    const headers = new fetchAPI.Headers(response.headers);
    headers.set(REQUEST_ID_HEADER, state.id);
    setResponse(new fetchAPI.Response(response.body, { status: response.status, statusText: response.statusText, headers }));
  }
}

function summarize(request: Request, response: Response, state: RequestState): RequestSummary {
  // A response a plugin answered with itself (401, CSRF, 406, 415) has no result to read codes from.
  const refusal = codeOfResponse(response);
  if (refusal && state.codes.size < MAX_CODES) state.codes.add(refusal);
  const [first] = state.operations;
  return {
    method: request.method,
    path: state.path,
    operationName: first?.name ?? null,
    operationType: first?.type ?? null,
    ...(state.operations.length > 1 ? { batch: state.operations.map((o) => o.name) } : {}),
    status: response.status,
    durationMs: Math.round((performance.now() - state.started) * 10) / 10,
    errors: [...state.codes],
  };
}

/**
 * One structured line per HTTP request: method, path (never the query string, which holds a GET
 * request's query text and variables), operation name and type, status, duration and the GraphQL
 * error codes. No headers, variables or query text are logged. The duration runs to the response's
 * headers: for an SSE subscription that is when the stream opens.
 */
export function createRequestLogging(logger: Logger, options: RequestLoggingOptions = {}): RequestLogging {
  const quiet = new Set(options.quietPaths ?? ['/health', '/ready', '/metrics']);
  const states = new RequestStates(logger);
  const plugin: Plugin = {
    // Instrumentation wraps the whole request, so the id and the clock also cover what yoga's own
    // plugins answer before any user plugin's onRequest runs (/health, CORS preflights, GraphiQL).
    instrumentation: {
      request({ request }, wrapped) {
        states.begin(request);
        return wrapped();
      },
    },
    onRequest: ({ request }) => void states.begin(request),
    onParams({ params, request }) {
      // A batch entry may be anything (null, a number): yoga rejects it after this hook, which must not throw.
      const claimedName = (params as { operationName?: unknown } | null | undefined)?.operationName;
      const claimed = typeof claimedName === 'string' && GRAPHQL_NAME.test(claimedName);
      states.get(request)?.operations.push({ name: claimed ? claimedName : null, type: null });
    },
    onExecute: ({ args }) => states.record((args.contextValue as { request?: Request }).request, args.document, args.operationName),
    onSubscribe: ({ args }) => states.record((args.contextValue as { request?: Request }).request, args.document, args.operationName),
    onResultProcess({ request, result }) {
      const state = states.get(request);
      // A subscription's stream reports its errors later, event by event; only plain results count here.
      if (state && !isAsyncIterable(result)) collectCodes(state, result);
    },
    onResponse({ request, response, setResponse, fetchAPI }) {
      const state = states.begin(request);
      tagResponse(state, response, setResponse, fetchAPI);
      const line = summarize(request, response, state);
      const level = response.status >= 500 ? 'error' : quiet.has(state.path) ? 'debug' : 'info';
      if (logger.isLevelEnabled(level)) state.log[level](line, level === 'error' ? 'request failed' : 'request completed');
      options.onCompleted?.(line);
    },
  };
  return {
    plugin,
    loggerFor: (request) => states.get(request)?.log ?? logger.child({ requestId: randomUUID() }),
    requestIdOf: (request) => states.get(request)?.id,
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** The path alone: a GET request's query string holds its query text and variables. */
function pathOf(url: string): string {
  try {
    return new URL(url, 'http://localhost').pathname;
  } catch {
    // A hook that throws would take the request down with it; an odd URL is only a log field.
    return '(unparsable)';
  }
}
