import type { IncomingMessage } from 'node:http';
import type { GraphQLError } from 'graphql';
import type { Logger } from './logger.js';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';

/** A GraphQL Name: a client's claimed operation name is logged only when it is one. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const MAX_CODES = 10;

interface Operation {
  name: string | null;
  type: string | null;
  started: number;
  /** Made at the first error: a subscription lives long, and most never see one. */
  codes: Set<string> | undefined;
}

/**
 * The log of one graphql-ws connection, in the same terms as the HTTP request log: one request id
 * for the connection (the upgrade request's x-request-id when sane) on each of its lines, no query
 * text, variables or connection params. Lines: `websocket connected` (after connection_init was
 * accepted), `operation started` / `operation completed` (duration and error codes) or `operation
 * refused` (it never started: parse, validation, limits), and `websocket closed` with the close code
 * (4403 for a refused token, 1001 at shutdown) and how many operations it ran.
 */
export class ConnectionLog {
  readonly requestId: string;
  readonly log: Logger;
  private readonly opened = performance.now();
  private readonly operations = new Map<string, Operation>();
  private acknowledged = false;
  private count = 0;

  constructor(logger: Logger, request: IncomingMessage) {
    this.requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    this.log = logger.child({ requestId: this.requestId, transport: 'ws' });
  }

  accepted(): void {
    this.acknowledged = true;
    this.log.info('websocket connected');
  }

  started(id: string, name: string | null | undefined, type: string | null): void {
    const operation = { name: name && GRAPHQL_NAME.test(name) ? name : null, type, started: performance.now(), codes: undefined };
    this.operations.set(id, operation);
    this.count++;
    this.log.info({ operationId: id.slice(0, 64), operationName: operation.name, operationType: type }, 'operation started');
  }

  /** Codes of errors sent for operation `id`; one it never started is logged as refused here. */
  errors(id: string, errors: readonly GraphQLError[]): void {
    const codes = codesOf(errors);
    const operation = this.operations.get(id);
    if (operation) {
      operation.codes ??= new Set();
      for (const code of codes) if (operation.codes.size < MAX_CODES) operation.codes.add(code);
      return;
    }
    this.log.info({ operationId: id.slice(0, 64), errors: codes }, 'operation refused');
  }

  completed(id: string): void {
    const operation = this.operations.get(id);
    if (!operation) return;
    this.operations.delete(id);
    this.log.info(
      {
        operationId: id.slice(0, 64),
        operationName: operation.name,
        operationType: operation.type,
        durationMs: Math.round((performance.now() - operation.started) * 10) / 10,
        errors: [...(operation.codes ?? [])],
      },
      'operation completed',
    );
  }

  closed(code: number | undefined, reason: string | undefined): void {
    const line = {
      code,
      reason: reason?.slice(0, 120) || undefined,
      acknowledged: this.acknowledged,
      operations: this.count,
      durationMs: Math.round(performance.now() - this.opened),
    };
    // 4xxx is graphql-ws refusing the client (bad token, bad message, too many inits); worth a warning.
    if (code !== undefined && code >= 4400 && code < 4500) this.log.warn(line, 'websocket closed');
    else this.log.info(line, 'websocket closed');
  }
}

function codesOf(errors: readonly GraphQLError[]): string[] {
  const codes = new Set<string>();
  for (const error of errors) {
    const code = error.extensions?.['code'];
    if (typeof code === 'string' && codes.size < MAX_CODES) codes.add(code.slice(0, 64));
  }
  return [...codes];
}
