import type { FormattedExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client (graphql-transport-ws subprotocol) on the app's /graphql endpoint. */
export function wsClient(httpUrl: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Every event of one subscription until it completes (or errors), as `{ data, errors }` results. */
export function collect<T = any>(client: Client, query: string, variables?: Record<string, unknown>) {
  const events: { data?: T; errors?: unknown[] }[] = [];
  let unsubscribe: () => void = () => undefined;
  const done = new Promise<typeof events>((resolve, reject) => {
    unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => events.push(value as { data?: T; errors?: unknown[] }),
        error: (error) => reject(error),
        complete: () => resolve(events),
      },
    );
  });
  return { events, done, unsubscribe: () => unsubscribe() };
}

/** A subscription's first event; the subscription is stopped once it has arrived. */
export function firstEvent<T = any>(client: Client, query: string, variables?: Record<string, unknown>): Promise<FormattedExecutionResult<T, any>> {
  return new Promise((resolve, reject) => {
    const stop = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          stop();
          resolve(value);
        },
        error: reject,
        complete: () => undefined,
      },
    );
  });
}

/**
 * Server-sent events of one subscription (GraphQL over SSE, "distinct connections" mode), read until
 * `complete` or the end of the stream. `endpoint` is the full GraphQL URL; `onNext` sees each result.
 */
export async function sse(
  endpoint: string,
  query: string,
  variables?: Record<string, unknown>,
  onNext: (result: any) => void = () => undefined,
): Promise<{ results: any[]; completed: boolean; contentType: string | null }> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
  });
  return { ...(await readEvents(res, onNext)), contentType: res.headers.get('content-type') };
}

/** The `next` results of an SSE response, until `complete` or the end of the stream. */
export async function readEvents(res: Response, onNext: (result: any) => void = () => undefined): Promise<{ results: any[]; completed: boolean }> {
  const results: any[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === 'complete') return { results, completed: true };
      if (event === 'next' && data) {
        results.push(JSON.parse(data));
        onNext(results.at(-1));
      }
    }
  }
  return { results, completed: false };
}
