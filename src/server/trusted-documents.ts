import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { ConfigError } from '../config/index.js';

/**
 * Trusted documents (persisted operations) for first-party apps: PERSISTED_DOCUMENTS names a JSON map
 * of sha256 hash → document, as graphql-codegen's client preset writes it (persisted-documents.json).
 * Clients send `extensions.persistedQuery { version: 1, sha256Hash }` instead of the query text; with
 * ALLOW_ARBITRARY_OPERATIONS=false anything else is refused before parsing, so before any upstream
 * call. HTTP and SSE go through yoga's persisted-operations plugin; graphql-ws, whose operations never
 * pass yoga's request parsing, asks `source()` here (its `query` is then sent as "").
 */
export interface TrustedDocuments {
  readonly plugin: Plugin;
  /** The text to run for a websocket operation, or the refusal HTTP would give it. */
  source(payload: { query?: unknown; extensions?: unknown }): string | GraphQLError;
}

const documentMap = z.record(z.string().regex(/^[0-9a-f]{64}$/, 'keys must be sha256 hashes (64 hex digits)'), z.string().min(1));

const notFound = () => new GraphQLError('No trusted document has this sha256Hash.', { extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
const onlyTrusted = () =>
  new GraphQLError('This server runs trusted documents only: send extensions.persistedQuery { version: 1, sha256Hash }.', {
    extensions: { code: 'PERSISTED_QUERY_ONLY' },
  });

/** Reads the map once at start-up; a missing or malformed file stops the server with a readable message. */
export function loadTrustedDocuments(path: string, allowArbitrary: boolean): TrustedDocuments {
  let documents: Map<string, string>;
  try {
    documents = new Map(Object.entries(documentMap.parse(JSON.parse(readFileSync(path, 'utf8')))));
  } catch (error) {
    const reason = error instanceof z.ZodError ? (error.issues[0]?.message ?? 'not a hash → document map') : (error as Error).message;
    throw new ConfigError([`PERSISTED_DOCUMENTS: ${path} could not be read as a hash → document map (${reason})`]);
  }
  const hashOf = (extensions: unknown): string | null => {
    const pq = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | undefined)?.persistedQuery;
    return pq?.version === 1 && typeof pq.sha256Hash === 'string' ? pq.sha256Hash : null;
  };
  return {
    plugin: usePersistedOperations({
      allowArbitraryOperations: allowArbitrary,
      getPersistedOperation: (hash) => documents.get(hash) ?? null,
      customErrors: { notFound: notFound, persistedQueryOnly: onlyTrusted, keyNotFound: onlyTrusted },
    }) as Plugin,
    source({ query, extensions }) {
      const hash = hashOf(extensions);
      if (typeof query === 'string' && query.length > 0) return allowArbitrary ? query : onlyTrusted();
      if (hash === null) return onlyTrusted();
      return documents.get(hash) ?? notFound();
    },
  };
}
