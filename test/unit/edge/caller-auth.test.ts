import { createYoga, createSchema, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useCallerAuth } from '../../../src/plugins/use-caller-auth.js';
import { createCallerAuth } from '../../../src/auth/tokens.js';

/** A route some later change adds, answered by its own plugin after the caller check. */
const useNewRoute = (path: string): Plugin => ({
  onRequest({ url, endResponse, fetchAPI }) {
    if (url.pathname === path) endResponse(new fetchAPI.Response('secret report'));
  },
});

const yoga = createYoga({
  schema: createSchema({ typeDefs: 'type Query { ok: Boolean }' }),
  plugins: [useCallerAuth(createCallerAuth({ apiTokens: ['t0ken'], anonymous: false }), { jwt: false }), useNewRoute('/reports')],
});

describe('useCallerAuth', () => {
  it('closes a route it has never heard of', async () => {
    const res = await yoga.fetch('http://localhost/reports');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ message: 'Send Authorization: Bearer <token>.', extensions: { code: 'UNAUTHENTICATED' } }] });
    const authed = await yoga.fetch('http://localhost/reports', { headers: { authorization: 'Bearer t0ken' } });
    expect(await authed.text()).toBe('secret report');
  });

  it('opens only the probes and the scrape', async () => {
    for (const path of ['/health', '/ready', '/metrics']) expect((await yoga.fetch(`http://localhost${path}`)).status).not.toBe(401);
    for (const path of ['/graphql', '/graphql/', '/healthz', '/metrics/x']) {
      expect([path, (await yoga.fetch(`http://localhost${path}`, { method: 'POST', body: '{}' })).status]).toEqual([path, 401]);
    }
  });
});
