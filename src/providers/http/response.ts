import { ProviderError, type ProviderErrorKind } from '../../errors/domain.js';
import type { ProviderName } from '../types.js';
import { rateLimitReset, retryAfter } from './headers.js';
import type { ErrorClassifier, RequestSpec } from './types.js';

/**
 * The answer of one call, read: the parsed, schema-checked body of a 2xx, or the ProviderError any
 * other status stands for (with the provider's own message, via its classifier, and the wait a
 * Retry-After or a rate limit's reset time names).
 */
export function readResponse<T>(
  spec: RequestSpec<T>,
  answer: { status: number; headers: Record<string, string | string[] | undefined>; text: string },
  provider: ProviderName,
  classify: ErrorClassifier,
): T {
  const { status, headers, text } = answer;
  const error = (kind: ProviderErrorKind, detail: string, retryAfterMs?: number) =>
    new ProviderError(kind, provider, spec.endpoint, detail, { status, retryAfterMs });
  const body = parseBody(text, headers['content-type']);
  if (isSuccessStatus(status)) {
    if (body === INVALID_JSON) throw error('BAD_RESPONSE', 'the body is not valid JSON');
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || '(root)';
      throw error('BAD_RESPONSE', `unexpected response shape at ${where}`);
    }
    const failure = spec.check?.(parsed.data);
    if (failure) throw failure;
    return parsed.data;
  }
  const { detail, kind: classified } = classify(status, body === INVALID_JSON ? text.slice(0, 200) : body);
  const kind = classified ?? kindOfStatus(status);
  // A rate limit's reset time says when quota returns; on any other answer it says nothing to wait for.
  const wait = retryAfter(headers) ?? (kind === 'RATE_LIMITED' ? rateLimitReset(headers) : undefined);
  throw error(kind, detail, wait);
}

/** A 2xx: the provider did what it was asked. */
export const isSuccessStatus = (status: number): boolean => status >= 200 && status < 300;

const INVALID_JSON = Symbol('invalid json');

function parseBody(text: string, contentType: string | string[] | undefined): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // Some error pages are plain text or HTML; only a 2xx that claimed JSON is a broken response.
    return String(contentType ?? '').includes('json') || text.trimStart().startsWith('{') ? INVALID_JSON : text;
  }
}

function kindOfStatus(status: number): ProviderErrorKind {
  if (status === 404) return 'NOT_FOUND';
  if (status === 401 || status === 403) return 'UNAUTHORIZED';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500 || status === 408) return 'UNAVAILABLE';
  return 'REJECTED';
}
