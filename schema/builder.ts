import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from '../src/context.js';
import { decodeGlobalId, encodeGlobalId } from './ids.js';

/** Builder configuration only; types live in their own files and schema/index.ts assembles them. */
export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date };
    Timecode: { Input: number; Output: number };
    JSON: { Input: unknown; Output: unknown };
    File: { Input: File; Output: never };
  };
  DefaultFieldNullability: false;
}>({
  // Federation last: it wraps what the other plugins define (its README's order).
  plugins: [DirectivePlugin, RelayPlugin, FederationPlugin],
  // Fields are non-null unless marked: a provider-backed field says `nullable: true` so one failing
  // provider nulls only that field, not its parent.
  defaultFieldNullability: false,
  relay: {
    // node and nodes are ours (resolvers/query/node.ts): a bad ID must be a BAD_USER_INPUT for that
    // entry alone, and loading must go through the request's DataLoaders.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, String(id)),
    decodeGlobalID: (globalId) => decodeGlobalId(globalId),
  },
});

builder.queryType({});
