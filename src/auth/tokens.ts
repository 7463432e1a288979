import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who may call the API. Bearer tokens from API_TOKENS are compared in constant time (as SHA-256
 * digests, so neither the length nor a prefix of a token leaks through timing). The same check
 * guards HTTP, SSE (an HTTP request too) and graphql-ws (`connection_init` payload `{ authorization }`).
 */
export interface CallerAuth {
  /** No credentials are required (ALLOW_ANONYMOUS, or the sandbox with nothing configured). */
  readonly anonymous: boolean;
  /** The caller for an Authorization header value, or null when it is missing or wrong. */
  authenticate(authorization: string | null | undefined): Caller | null;
}

export interface Caller {
  kind: 'token' | 'anonymous';
  /** A short, non-reversible label for logs (never the token itself). */
  id: string;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function createCallerAuth(options: { apiTokens: readonly string[]; anonymous: boolean }): CallerAuth {
  const digests = options.apiTokens.map(digest);
  return {
    anonymous: options.anonymous,
    authenticate(authorization) {
      const token = bearer(authorization);
      if (token !== null) {
        const candidate = digest(token);
        // Check every configured token, always: the time taken does not depend on which one matched.
        let matched = -1;
        digests.forEach((d, i) => {
          if (timingSafeEqual(d, candidate) && matched < 0) matched = i;
        });
        if (matched >= 0) return { kind: 'token', id: `token#${matched + 1}:${candidate.subarray(0, 4).toString('hex')}` };
      }
      return options.anonymous ? { kind: 'anonymous', id: 'anonymous' } : null;
    },
  };
}

/** The token of "Bearer <token>" (case-insensitive scheme), else null. */
export function bearer(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? null;
}
