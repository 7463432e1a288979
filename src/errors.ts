import { GraphQLError } from 'graphql';
import { PROVIDER_LABELS, type ProviderName } from './providers/types.js';

/** Stable, machine-readable codes clients can switch on (`extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'UNSUPPORTED_BY_PROVIDER'
  | 'PROVIDER_NOT_CONFIGURED'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_RATE_LIMITED'
  | 'PROVIDER_ERROR'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** An error meant for the caller, with a code. Messages must never contain secrets. */
export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.name = 'ApiError';
  }
}

export const badInput = (message: string, extensions?: Record<string, unknown>) =>
  new ApiError('BAD_USER_INPUT', message, extensions);

export const unsupported = (provider: ProviderName, what: string) =>
  new ApiError('UNSUPPORTED_BY_PROVIDER', `${PROVIDER_LABELS[provider]} does not support ${what}`, { provider });

export const notConfigured = (provider: ProviderName) =>
  new ApiError(
    'PROVIDER_NOT_CONFIGURED',
    `${PROVIDER_LABELS[provider]} is not configured on this server (no credentials)`,
    { provider },
  );

export type ProviderErrorKind =
  | 'NOT_FOUND'
  | 'UNAUTHORIZED'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'BAD_RESPONSE'
  | 'REJECTED';

/**
 * A failed upstream call, typed by what went wrong. Carries the provider and the endpoint template
 * (never the full URL: URLs can hold signatures). `detail` is the provider's own message, if safe.
 */
export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    readonly provider: ProviderName,
    readonly endpoint: string,
    readonly detail: string,
    readonly options: {
      status?: number;
      retryAfterMs?: number;
      cause?: unknown;
      /** The mutation input a refusal is about (a dot path below `input`), when the client can tell. */
      field?: string;
    } = {},
  ) {
    super(`${PROVIDER_LABELS[provider]} ${endpoint}: ${kind.toLowerCase()}: ${detail}`, { cause: options.cause });
    this.name = 'ProviderError';
  }

  get status(): number | undefined {
    return this.options.status;
  }

  get retryAfterMs(): number | undefined {
    return this.options.retryAfterMs;
  }
}

/** Raised when an id is not found; the loaders make one per missing key. */
export const assetNotFound = (provider: ProviderName, id: string, what = 'asset') =>
  new ApiError('NOT_FOUND', `${PROVIDER_LABELS[provider]} ${what} ${JSON.stringify(id)} was not found`, {
    provider,
  });

/**
 * The one place errors become what a caller sees. ApiErrors pass as they are; provider errors get a
 * code; anything else is masked (its message may carry internals).
 */
export function toGraphQLError(error: unknown): GraphQLError {
  const located = error instanceof GraphQLError ? error : undefined;
  const original = located?.originalError ?? error;
  const where = { nodes: located?.nodes, path: located?.path };
  if (original instanceof ProviderError) {
    const { message, extensions } = mapProviderError(original);
    return new GraphQLError(message, { ...where, extensions });
  }
  // yoga's multipart parser refuses a file over MAX_UPLOAD_BYTES while receiving it.
  if (located?.extensions.code === 'REQUEST_ENTITY_TOO_LARGE' && /file size limit/i.test(located.message)) {
    return new GraphQLError(`${located.message} (the server's upload limit, MAX_UPLOAD_BYTES)`, {
      ...where,
      extensions: { ...located.extensions, code: 'FILE_TOO_LARGE' },
    });
  }
  // Our own errors, graphql-js' validation and coercion errors: already coded, or safe as they are.
  if (located && (located.extensions.code || !located.originalError)) return located;
  if (original instanceof GraphQLError && original.extensions.code) {
    return new GraphQLError(original.message, { ...where, extensions: original.extensions });
  }
  // graphql-js' own input errors (a variable of the wrong type, an unknown enum value) come before
  // execution: no path, and the message names the variable and the bad value, never a secret.
  if (located && !located.path && original instanceof GraphQLError) {
    return new GraphQLError(located.message, { ...where, extensions: { code: 'BAD_USER_INPUT' } });
  }
  const masked = new GraphQLError('Unexpected error.', { ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  // Kept beside the masked error, never in it: the transport logs it with the request id.
  maskedCauses.set(masked, original);
  return masked;
}

const maskedCauses = new WeakMap<GraphQLError, unknown>();

/** What a masked INTERNAL_SERVER_ERROR stands for, to log with its stack (never to send). */
export const causeOfMasked = (error: GraphQLError): unknown => maskedCauses.get(error);

function mapProviderError(error: ProviderError): { message: string; extensions: Record<string, unknown> } {
  const label = PROVIDER_LABELS[error.provider];
  const base = { provider: error.provider, endpoint: error.endpoint };
  switch (error.kind) {
    case 'NOT_FOUND':
      return { message: `${label}: not found (${error.detail})`, extensions: { code: 'NOT_FOUND', ...base } };
    case 'RATE_LIMITED': {
      const retryAfterSeconds =
        error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000);
      return {
        message: `${label} is rate limiting this server; try again${retryAfterSeconds ? ` in ${retryAfterSeconds} s` : ' later'}`,
        extensions: { code: 'PROVIDER_RATE_LIMITED', ...base, retryAfterSeconds },
      };
    }
    case 'UNAVAILABLE':
      return {
        message: `${label} is unavailable (${error.detail})`,
        extensions: { code: 'PROVIDER_UNAVAILABLE', ...base },
      };
    case 'UNAUTHORIZED':
      return {
        message: `${label} rejected this server's credentials`,
        extensions: { code: 'PROVIDER_ERROR', reason: 'UNAUTHORIZED', ...base },
      };
    case 'BAD_RESPONSE':
      return {
        message: `${label} sent a response this server could not read`,
        extensions: { code: 'PROVIDER_ERROR', reason: 'BAD_RESPONSE', ...base },
      };
    case 'REJECTED':
      return {
        message: `${label} rejected the request: ${error.detail}`,
        extensions: { code: 'PROVIDER_ERROR', reason: 'REJECTED', status: error.status, ...base },
      };
  }
}
