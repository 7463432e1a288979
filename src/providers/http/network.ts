import { ProviderError } from '../../errors/domain.js';
import type { ProviderName } from '../types.js';

/** The whole-call deadline fired (see ProviderHttp.once). */
export class CallDeadline extends Error {
  readonly code = 'ASSETFED_CALL_DEADLINE';
  constructor(ms: number) {
    super(`no complete answer within ${ms} ms`);
    this.name = 'CallDeadline';
  }
}

/** A failure that is not an answer (a timeout, a dropped or refused connection) as the provider being unavailable. */
export function networkFailure(provider: ProviderName, endpoint: string, error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  const code = (error as { code?: string }).code ?? (error as Error).name;
  return new ProviderError('UNAVAILABLE', provider, endpoint, describeNetworkError(code), { cause: error });
}

function describeNetworkError(code: string): string {
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connect timeout';
    case 'UND_ERR_HEADERS_TIMEOUT':
      return 'timed out waiting for response headers';
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timed out reading the response body';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection dropped';
    case 'ASSETFED_CALL_DEADLINE':
      return 'timed out before the answer was complete';
    default:
      return `network error (${code})`;
  }
}
