import { GraphQLError } from 'graphql';
import { PROVIDER_LABELS } from '../providers/index.js';
import {
  InputProblems,
  InvalidInputError,
  NotConfiguredError,
  NotFoundError,
  ProviderError,
  ReplayLimitError,
  ServiceUnavailableError,
  UnsupportedError,
} from './domain.js';

/** Stable, machine-readable codes clients can switch on (`extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNSUPPORTED_BY_PROVIDER'
  | 'PROVIDER_NOT_CONFIGURED'
  | 'PROVIDER_UNAVAILABLE'
  | 'PROVIDER_RATE_LIMITED'
  | 'PROVIDER_ERROR'
  | 'SERVICE_UNAVAILABLE'
  | 'REPLAY_LIMIT_EXCEEDED'
  | 'INTERNAL_SERVER_ERROR';

/**
 * Mapper 1 of 2: an error as a GraphQL error. Domain errors get their code and message; graphql-js'
 * own validation and coercion errors pass as they are; anything else is masked (its message may
 * carry internals) and its cause kept aside for the log (causeOfMasked).
 */
export function toGraphQLError(error: unknown): GraphQLError {
  const located = error instanceof GraphQLError ? error : undefined;
  const original = located?.originalError ?? error;
  const where = { nodes: located?.nodes, path: located?.path };
  const mapped = original instanceof Error ? domainExtensions(original) : undefined;
  if (mapped) return new GraphQLError(mapped.message, { ...where, extensions: mapped.extensions });
  // yoga's multipart parser refuses a file over MAX_UPLOAD_BYTES while receiving it.
  if (located?.extensions.code === 'REQUEST_ENTITY_TOO_LARGE' && /file size limit/i.test(located.message)) {
    return new GraphQLError(`${located.message} (the server's upload limit, MAX_UPLOAD_BYTES)`, {
      ...where,
      extensions: { ...located.extensions, code: 'FILE_TOO_LARGE' },
    });
  }
  // graphql-js' validation and coercion errors, yoga's request errors: already coded, or safe as they are.
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

type Mapped = { message: string; extensions: Record<string, unknown> & { code: ErrorCode } };

function domainExtensions(error: Error): Mapped | undefined {
  if (error instanceof InvalidInputError) {
    const extensions: Mapped['extensions'] = { code: 'BAD_USER_INPUT' };
    if (error.argument) extensions['argument'] = error.argument;
    if (error.invalidId) extensions['invalidId'] = true;
    return { message: error.message, extensions };
  }
  if (error instanceof InputProblems) return { message: error.message, extensions: { code: 'BAD_USER_INPUT' } };
  if (error instanceof NotFoundError) {
    const message = `${PROVIDER_LABELS[error.provider]} ${error.what} ${JSON.stringify(error.id)} was not found`;
    return { message, extensions: { code: 'NOT_FOUND', provider: error.provider } };
  }
  if (error instanceof UnsupportedError) {
    return {
      message: `${PROVIDER_LABELS[error.provider]} does not support ${error.what}`,
      extensions: { code: 'UNSUPPORTED_BY_PROVIDER', provider: error.provider },
    };
  }
  if (error instanceof NotConfiguredError) {
    const message = `${PROVIDER_LABELS[error.provider]} is not configured on this server (no credentials)`;
    return { message, extensions: { code: 'PROVIDER_NOT_CONFIGURED', provider: error.provider } };
  }
  if (error instanceof ServiceUnavailableError) return { message: error.message, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  if (error instanceof ReplayLimitError) {
    const resumeSince = error.resumeSince.toISOString();
    return {
      message: `${PROVIDER_LABELS[error.provider]}'s change feed holds more since then than one subscription replays (${error.maxReads} reads); the changes up to ${resumeSince} were delivered: subscribe again with since: "${resumeSince}" for the rest`,
      extensions: { code: 'REPLAY_LIMIT_EXCEEDED', provider: error.provider, resumeSince, maxReads: error.maxReads },
    };
  }
  if (error instanceof ProviderError) return providerExtensions(error);
  return undefined;
}

function providerExtensions(error: ProviderError): Mapped {
  const label = PROVIDER_LABELS[error.provider];
  const base = { provider: error.provider, endpoint: error.endpoint };
  switch (error.kind) {
    case 'NOT_FOUND':
      return { message: `${label}: not found (${error.detail})`, extensions: { code: 'NOT_FOUND', ...base } };
    case 'RATE_LIMITED': {
      const retryAfterSeconds = error.retryAfterMs === undefined ? undefined : Math.ceil(error.retryAfterMs / 1000);
      return {
        message: `${label} is rate limiting this server; try again${retryAfterSeconds ? ` in ${retryAfterSeconds} s` : ' later'}`,
        extensions: { code: 'PROVIDER_RATE_LIMITED', ...base, retryAfterSeconds },
      };
    }
    case 'UNAVAILABLE':
      return { message: `${label} is unavailable (${error.detail})`, extensions: { code: 'PROVIDER_UNAVAILABLE', ...base } };
    case 'UNAUTHORIZED':
      return { message: `${label} rejected this server's credentials`, extensions: { code: 'PROVIDER_ERROR', reason: 'UNAUTHORIZED', ...base } };
    case 'BAD_RESPONSE':
      return { message: `${label} sent a response this server could not read`, extensions: { code: 'PROVIDER_ERROR', reason: 'BAD_RESPONSE', ...base } };
    case 'REJECTED':
      return {
        message: `${label} rejected the request: ${error.detail}`,
        extensions: { code: 'PROVIDER_ERROR', reason: 'REJECTED', status: error.status, ...base },
      };
  }
}
