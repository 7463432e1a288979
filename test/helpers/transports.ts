import type { Client } from 'graphql-ws';
import { postGraphQL } from './harness.js';
import { readEvents, wsClient } from './ws.js';

export type Transport = 'http' | 'sse' | 'ws';
export const TRANSPORTS: readonly Transport[] = ['http', 'sse', 'ws'];

export interface ErrorShape {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, any>;
}

/** What one operation answered on one transport: every result's errors, and its data, in order. */
export interface TransportOutcome {
  status?: number;
  errors: ErrorShape[];
  data: unknown[];
  /** graphql-ws closed the socket instead of answering (the close code). */
  closeCode?: number;
}

/**
 * Runs one operation (query, mutation or subscription) over one transport, as a client of that
 * transport would: a JSON POST, GraphQL over SSE (a query answers one event), or graphql-ws with the
 * token in connection_init. Subscriptions are read until they complete or `untilMs` passes.
 */
export async function runOver(
  transport: Transport,
  baseUrl: string,
  query: string,
  variables?: Record<string, unknown>,
  { token, untilMs = 3000 }: { token?: string; untilMs?: number } = {},
): Promise<TransportOutcome> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (transport === 'http') {
    const res = await postGraphQL(`${baseUrl}/graphql`, query, variables, headers);
    return { status: res.status, errors: res.errors ?? [], data: res.data === undefined ? [] : [res.data] };
  }
  if (transport === 'sse') {
    const { results, status } = await sseWithStatus(`${baseUrl}/graphql`, query, variables, headers, untilMs);
    return { status, errors: results.flatMap((r) => r.errors ?? []), data: results.filter((r) => 'data' in r).map((r) => r.data) };
  }
  const client = wsClient(baseUrl, token ? { authorization: `Bearer ${token}` } : {});
  try {
    return await wsOutcome(client, query, variables, untilMs);
  } finally {
    await client.dispose();
  }
}

async function sseWithStatus(
  endpoint: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  headers: Record<string, string>,
  untilMs: number,
) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), untilMs);
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    if (!res.headers.get('content-type')?.includes('text/event-stream')) {
      return { status: res.status, results: [(await res.json()) as { errors?: ErrorShape[]; data?: unknown }] };
    }
    // A subscription still open at `untilMs` is aborted: what arrived by then is the outcome.
    const results: { errors?: ErrorShape[]; data?: unknown }[] = [];
    await readEvents(res, (result) => results.push(result)).catch(() => undefined);
    return { status: res.status, results };
  } finally {
    clearTimeout(timer);
  }
}

function wsOutcome(client: Client, query: string, variables: Record<string, unknown> | undefined, untilMs: number): Promise<TransportOutcome> {
  return new Promise((resolve) => {
    const outcome: TransportOutcome = { errors: [], data: [] };
    const timer = setTimeout(() => {
      unsubscribe();
      resolve(outcome);
    }, untilMs);
    const done = () => {
      clearTimeout(timer);
      resolve(outcome);
    };
    const unsubscribe = client.subscribe(
      { query, variables },
      {
        next: (result) => {
          outcome.errors.push(...((result.errors as ErrorShape[] | undefined) ?? []));
          if ('data' in result) outcome.data.push(result.data);
        },
        error: (error) => {
          if (Array.isArray(error)) outcome.errors.push(...(error as ErrorShape[]));
          else if (typeof (error as CloseEvent).code === 'number') outcome.closeCode = (error as CloseEvent).code;
          else outcome.errors.push({ message: String(error) });
          done();
        },
        complete: done,
      },
    );
  });
}
