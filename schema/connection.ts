import type { ProviderName } from '../src/providers/types.js';
import { builder } from './builder.js';
import { ProviderEnum } from './enums.js';

/** What every connection resolver returns; cursors are opaque strings (see resolvers/paging.ts). */
export interface ConnectionResult<T> {
  edges: { cursor: string; node: T }[];
  hasNextPage: boolean;
  totalCount: number | null;
  /** Providers a merged list could not include this time (down, or lacking a filter). */
  incomplete: ProviderProblem[];
}

export interface ProviderProblem {
  provider: ProviderName;
  code: string;
  message: string;
}

const PageInfoRef = builder.objectRef<ConnectionResult<unknown>>('PageInfo').implement({
  description: 'Forward paging: pass endCursor as `after` while hasNextPage is true.',
  // Every Relay subgraph has a PageInfo; shareable lets them compose into one supergraph.
  shareable: true,
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.boolean({ resolve: () => false, description: 'Always false: lists page forward only.' }),
    startCursor: t.string({ nullable: true, resolve: (c) => c.edges[0]?.cursor ?? null }),
    endCursor: t.string({ nullable: true, resolve: (c) => c.edges.at(-1)?.cursor ?? null }),
  }),
});

export const ProviderProblemRef = builder.objectRef<ProviderProblem>('ProviderProblem').implement({
  description: 'Why a provider is missing from a merged list; its position is kept, so the next page retries it.',
  fields: (t) => ({
    provider: t.field({ type: ProviderEnum, resolve: (p) => p.provider }),
    code: t.exposeString('code'),
    message: t.exposeString('message'),
  }),
});

/** A Relay connection type `<name>Connection` with `<name>Edge`, over nodes of `nodeRef`. */
export function connectionType<T>(name: string, nodeRef: Parameters<typeof builder.objectRef>[0] | object) {
  const ref = nodeRef as never;
  const EdgeRef = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      node: t.field({ type: ref, resolve: (e) => e.node as never }),
    }),
  });
  return builder.objectRef<ConnectionResult<T>>(`${name}Connection`).implement({
    fields: (t) => ({
      edges: t.field({ type: [EdgeRef], resolve: (c) => c.edges }),
      nodes: t.field({ type: [ref], resolve: (c) => c.edges.map((e) => e.node) as never }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (c) => c as ConnectionResult<unknown> }),
      totalCount: t.exposeInt('totalCount', {
        nullable: true,
        description: 'The total, when the provider reports one.',
      }),
      incompleteProviders: t.field({
        type: [ProviderProblemRef],
        description: 'Providers this page could not include (merged lists only); empty when complete.',
        resolve: (c) => c.incomplete,
      }),
    }),
  });
}
