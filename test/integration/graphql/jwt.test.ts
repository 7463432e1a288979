import { generateKeyPairSync } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jsonwebtoken from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';

const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = 'test-key-1';
const ISSUER = 'https://issuer.example/';
const AUDIENCE = 'assetfed';
const API_TOKEN = 'jwt-suite-api-token';

const sign = (claims: Record<string, unknown> = {}, options: jsonwebtoken.SignOptions = {}) =>
  jsonwebtoken.sign({ sub: 'user-1', ...claims }, privateKey, {
    algorithm: 'RS256',
    keyid: KID,
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: 60,
    ...options,
  });

let jwks: Server;
let h: Harness;
beforeAll(async () => {
  // A JWKS endpoint serving the test key, as an identity provider would.
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] }));
  });
  jwks.listen(0, '127.0.0.1');
  await once(jwks, 'listening');
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  h = await startHarness({ env: { JWT_JWKS_URL: jwksUrl, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, API_TOKENS: API_TOKEN } });
});
afterAll(async () => {
  await h.stop();
  jwks.close();
});

const call = (token?: string) => postGraphQL(`${h.url}/graphql`, '{ __typename }', undefined, token ? { authorization: `Bearer ${token}` } : {});

describe('JWT callers (JWKS, issuer, audience) beside API tokens', () => {
  it('accepts a valid JWT and an API token', async () => {
    expect((await call(sign())).data).toEqual({ __typename: 'Query' });
    expect((await call(API_TOKEN)).data).toEqual({ __typename: 'Query' });
  });

  it.each([
    ['expired', () => sign({}, { expiresIn: -10 })],
    ['another issuer', () => sign({}, { issuer: 'https://evil.example/' })],
    ['another audience', () => sign({}, { audience: 'someone-else' })],
    [
      'signed with another key',
      () =>
        jsonwebtoken.sign({ sub: 'x' }, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey, {
          algorithm: 'RS256',
          keyid: KID,
          issuer: ISSUER,
          audience: AUDIENCE,
        }),
    ],
  ])('refuses a JWT that is %s with 401', async (_label, token) => {
    const res = await call(token());
    expect(res.status).toBe(401);
    expect(res.data ?? null).toBeNull();
  });

  it('opens a websocket for a valid JWT and closes 4403 for a bad one', async () => {
    const connect = async (token: string) => {
      const ws = new WebSocket(`${h.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      await once(ws, 'open');
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
      const [first] = await Promise.race([once(ws, 'message'), once(ws, 'close')]);
      ws.close();
      return typeof first === 'number' ? first : JSON.parse(String(first)).type;
    };
    expect(await connect(sign())).toBe('connection_ack');
    expect(await connect(sign({}, { audience: 'someone-else' }))).toBe(4403);
  });
});
