import jsonwebtoken from 'jsonwebtoken';
import { looksLikeJwt } from '../auth/jwt.js';
import { bearer, type CallerAuth } from '../auth/tokens.js';

/** Whose bucket an operation is charged to. */
export type CallerOf = (context: CallerContext) => Promise<string>;

/** What the transports put on envelop's context: the HTTP request (and Node's), or a socket's params. */
export interface CallerContext {
  request?: Request;
  req?: { socket?: { remoteAddress?: string } };
  connectionParams?: Record<string, unknown>;
  /** yoga's JWT plugin: the verified token's payload (HTTP and SSE). */
  jwt?: { payload?: { sub?: unknown } };
}

/**
 * The caller: an API token (by its non-secret label, never the token), a JWT's subject, or else the
 * client's address. Only a credential that was verified names a bucket: an unverified bearer on an
 * open (ALLOW_ANONYMOUS) server would otherwise let a client pick a fresh bucket per request.
 * Websockets verified their JWT at connection_init; it is checked again here (the keys are cached),
 * since an open server accepts a socket without checking it.
 */
export function createCallerOf(auth: CallerAuth, verifyJwt: ((token: string) => Promise<boolean>) | undefined): CallerOf {
  return async (context) => {
    const header = context.request?.headers.get('authorization') ?? stringParam(context.connectionParams?.['authorization']);
    const caller = auth.authenticate(header);
    if (caller?.kind === 'token') return caller.id;
    const verified = context.jwt?.payload?.sub;
    if (typeof verified === 'string') return `jwt:${verified}`;
    const token = bearer(header);
    if (!context.request && verifyJwt && looksLikeJwt(token) && (await verifyJwt(token))) {
      const sub = (jsonwebtoken.decode(token) as { sub?: unknown } | null)?.sub;
      if (typeof sub === 'string') return `jwt:${sub}`;
    }
    return `address:${context.req?.socket?.remoteAddress ?? 'unknown'}`;
  };
}

const stringParam = (value: unknown) => (typeof value === 'string' ? value : undefined);
