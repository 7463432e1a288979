import { createRemoteJwksSigningKeyProvider, useJWT } from '@graphql-yoga/plugin-jwt';
import type { Plugin } from 'graphql-yoga';
import jsonwebtoken, { type Algorithm } from 'jsonwebtoken';
import { bearer, type CallerAuth } from './tokens.js';

export interface JwtConfig {
  jwksUrl: string;
  issuer: string | undefined;
  audience: string | undefined;
}

const ALGORITHMS: Algorithm[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

/** Three base64url parts: a JWT rather than one of the API_TOKENS. */
export const looksLikeJwt = (token: string | null): token is string => token !== null && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/**
 * Optional JWT callers next to API_TOKENS. HTTP and SSE go through yoga's JWT plugin (keys from the
 * JWKS URL, issuer and audience checked, an invalid token refused with 401); a bearer that is one
 * of the API tokens is not handed to it. Websockets verify once, at connection_init, with the same
 * keys, so a bad JWT closes the socket like a bad API token.
 */
export function createJwtAuth(config: JwtConfig, auth: CallerAuth): { plugin: Plugin; verify(token: string): Promise<boolean> } {
  const keys = createRemoteJwksSigningKeyProvider({ jwksUri: config.jwksUrl, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 });
  const verification = { issuer: config.issuer, audience: config.audience, algorithms: ALGORITHMS };
  const plugin = useJWT({
    signingKeyProviders: [keys],
    tokenLookupLocations: [
      ({ request }) => {
        const header = request?.headers.get('authorization');
        const token = bearer(header);
        if (!looksLikeJwt(token) || auth.authenticate(header)?.kind === 'token') return undefined;
        return { prefix: 'Bearer', token };
      },
    ],
    tokenVerification: verification,
    reject: { missingToken: false, invalidToken: true },
    extendContext: true,
  }) as Plugin;
  return {
    plugin,
    async verify(token) {
      try {
        const decoded = jsonwebtoken.decode(token, { complete: true });
        if (!decoded) return false;
        const key = await keys(decoded.header.kid);
        jsonwebtoken.verify(token, key, verification);
        return true;
      } catch {
        return false;
      }
    },
  };
}
