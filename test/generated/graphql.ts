/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** An asset's lifecycle, normalised across providers; the provider's own value is in `providerStatus`. READY, FAILED and DELETED are terminal. */
export type AssetStatus =
  | 'DELETED'
  | 'FAILED'
  | 'PENDING'
  | 'PROCESSING'
  | 'READY';

/** A video-asset provider behind this API. */
export type Provider =
  | 'RUNWAY'
  | 'TWELVE_LABS'
  | 'UPLYNK'
  | 'VIDEO_JUNGLE';

export type AssetByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type AssetByIdQuery = { asset:
    | { id: string, provider: Provider, providerId: string, name: string | null, status: AssetStatus, createdAt: unknown }
    | { id: string, provider: Provider, providerId: string, name: string | null, status: AssetStatus, createdAt: unknown }
    | { id: string, provider: Provider, providerId: string, name: string | null, status: AssetStatus, createdAt: unknown }
    | { id: string, provider: Provider, providerId: string, name: string | null, status: AssetStatus, createdAt: unknown }
   | null };

export type NodesQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type NodesQuery = { nodes: Array<
    | { id: string }
    | { provider: Provider, providerId: string, status: AssetStatus, id: string }
    | { provider: Provider, providerId: string, status: AssetStatus, id: string }
    | { provider: Provider, providerId: string, status: AssetStatus, id: string }
    | { provider: Provider, providerId: string, status: AssetStatus, id: string }
   | null> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const AssetByIdDocument = new TypedDocumentString(`
    query AssetById($id: ID!) {
  asset(id: $id) {
    id
    provider
    providerId
    name
    status
    createdAt
  }
}
    `) as unknown as TypedDocumentString<AssetByIdQuery, AssetByIdQueryVariables>;
export const NodesDocument = new TypedDocumentString(`
    query Nodes($ids: [ID!]!) {
  nodes(ids: $ids) {
    id
    ... on Asset {
      provider
      providerId
      status
    }
  }
}
    `) as unknown as TypedDocumentString<NodesQuery, NodesQueryVariables>;