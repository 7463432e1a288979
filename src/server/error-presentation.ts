import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { causeOfMasked, toGraphQLError } from '../errors/to-graphql.js';

export interface PresentationContext {
  /** The request (or websocket connection) id, given to the caller with a masked error. */
  requestId?: string;
  /** Sees what each masked error stands for, stack and all, to log it under the request id. */
  onUnexpected?: (cause: unknown) => void;
}

/**
 * What every error looks like when it leaves the server, on HTTP, SSE and graphql-ws alike. The same
 * input gets the same code and message on every transport because every transport sends its errors
 * through here, last:
 *
 * - domain and provider errors are mapped, anything unknown masked (toGraphQLError in src/errors.ts);
 * - errors of the request itself get a code when they have none: a limit is QUERY_LIMIT_EXCEEDED, a
 *   syntax error GRAPHQL_PARSE_FAILED, a variable that cannot be coerced BAD_USER_INPUT (as Apollo
 *   Server codes it), any other validation failure GRAPHQL_VALIDATION_FAILED;
 * - a masked error carries the request id, to find its stack in the log;
 * - nothing of a cause rides along in the extensions (yoga's JSON parser puts its SyntaxError there).
 *
 * Extensions the server uses internally (yoga's `http` status hints) stay on the error, because
 * yoga's HTTP result processor reads them for the status and drops them from the body; the
 * websocket transport, which has no such processor, sends errors through `formatForWire`.
 */
export function presentError(error: unknown, context: PresentationContext = {}): GraphQLError {
  const mapped = toGraphQLError(error);
  // yoga's JSON body parser puts its SyntaxError (name and the engine's message) in the extensions:
  // the engine's internals, and not a field any other error has; the message says what is wrong.
  const { originalError: _parserError, ...extensions }: Record<string, unknown> = mapped.extensions;
  const limit = LIMIT.test(mapped.message);
  const current = typeof extensions['code'] === 'string' ? extensions['code'] : undefined;
  // graphql-armor reports limits as parse or validation failures; they are limits to the caller.
  const code =
    limit && (current === undefined || current === 'GRAPHQL_PARSE_FAILED' || current === 'GRAPHQL_VALIDATION_FAILED')
      ? 'QUERY_LIMIT_EXCEEDED'
      : (current ?? requestErrorCode(mapped.message));
  if (code === 'INTERNAL_SERVER_ERROR') {
    context.onUnexpected?.(causeOfMasked(mapped) ?? (error instanceof GraphQLError ? (error.originalError ?? error) : error));
    if (context.requestId) extensions['requestId'] = context.requestId;
  }
  // A token limit surfaces through the parser, as "Syntax Error: Token limit of …": not a syntax error.
  const message = limit ? mapped.message.replace(/^Syntax Error: /, '') : mapped.message;
  return new GraphQLError(message, {
    nodes: mapped.nodes,
    source: mapped.source,
    positions: mapped.positions,
    path: mapped.path,
    originalError: mapped.originalError ?? undefined,
    extensions: { ...extensions, code },
  });
}

/** The error as JSON, without the extensions only this server reads. */
export function formatForWire(error: GraphQLError): GraphQLFormattedError {
  const { http: _http, ...extensions } = error.extensions as Record<string, unknown>;
  return { ...error.toJSON(), extensions };
}

/** A result with its errors presented (the same object when it has none). */
export function presentResult<R extends ExecutionResult>(result: R, context?: PresentationContext): R {
  if (!result.errors?.length) return result;
  return { ...result, errors: result.errors.map((e) => presentError(e, context)) };
}

const LIMIT = /limit of \d+ exceeded/i;
// graphql-js' messages for variables it could not coerce (execution/values.ts), as opposed to the
// validation rules' messages about variables ("is not defined", "is never used", "used in position").
const VARIABLE_COERCION = /^Variable "\$[^"]*" (got invalid value|of required type|of non-null type)/;

function requestErrorCode(message: string): string {
  if (message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (VARIABLE_COERCION.test(message)) return 'BAD_USER_INPUT';
  return 'GRAPHQL_VALIDATION_FAILED';
}
