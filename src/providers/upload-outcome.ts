import { ProviderError } from '../errors/domain.js';
import { fileStreamFailure } from './file-stream.js';
import { isSuccessStatus } from './http/index.js';

/**
 * Whether a failed write may still have taken effect: the request went out, whole or in part, and no
 * HTTP answer came back (a timeout, a dropped connection), so the provider may well have stored what
 * it was sent; or it answered a success this client could not read (it did). Only a definite failure
 * (any other HTTP status), a connection that never opened, a call the guard never sent (no network
 * cause), or the caller's own file breaking mid-send (then no whole file reached the provider) says
 * it did not.
 */
export function mayHaveLanded(error: unknown): error is ProviderError {
  if (!(error instanceof ProviderError)) return false;
  if (error.kind === 'BAD_RESPONSE') return error.status !== undefined && isSuccessStatus(error.status);
  if (error.kind !== 'UNAVAILABLE' || error.status !== undefined) return false;
  if (fileStreamFailure(error)) return false;
  const cause = error.options.cause as { code?: string } | undefined;
  return cause !== undefined && cause.code !== 'ECONNREFUSED';
}

/** The error, saying what the lost or unreadable reply leaves the caller to check (`consequence`, a clause). */
export function lostReply(error: ProviderError, consequence: string): ProviderError {
  const what = error.kind === 'BAD_RESPONSE' ? 'its success reply could not be read' : 'no reply came back';
  const detail = `${error.detail}; ${what}, so ${consequence}`;
  return new ProviderError(error.kind, error.provider, error.endpoint, detail, { ...error.options, cause: error });
}
