import type { RunQuery } from './example-ids.js';

type Fetch = (url: string, init: RequestInit) => Response | Promise<Response>;

/**
 * A query this server sends itself, through yoga's whole pipeline (limits, caller check, logging with
 * the request id "graphiql-examples"), carrying one of its own tokens when callers need one. Resolves
 * with `data`, partial or not; rejects only when there is none.
 */
export function ownQuery(fetch: Fetch, endpoint: string, token: string | undefined): RunQuery {
  return async (query) => {
    const response = await fetch(`http://localhost${endpoint}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        'x-request-id': 'graphiql-examples',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
    if (!body.data) throw new Error(`example query answered ${response.status}: ${body.errors?.[0]?.message ?? 'no data'}`);
    return body.data;
  };
}
