import { execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../resolvers/schema.js';
import { encodeGlobalId } from '../../../schema/ids.js';
import type { Asset } from '../../../src/providers/types.js';

/**
 * Ids resolve synchronously (Pothos' t.globalID and builder.node ids go through an async function):
 * a subscription event whose selection needs no loading executes at once, which is what lets its
 * frame be written straight to every subscriber's socket (src/plugins/use-shared-event-execution.ts).
 */
describe('node ids', () => {
  const asset = { provider: 'TWELVE_LABS', providerId: 'a1', status: 'READY' } as Asset;

  it.each([
    ['an asset event', 'subscription { assetStatusChanged(ids: ["x"]) { id status ... on TwelveLabsAsset { id } } }', asset],
    ['a change event', 'subscription { assetChanges { assetId action asset { id } } }', { ...asset, action: 'UPDATED', at: new Date(0), asset }],
  ])('%s executes without waiting a turn, with the ids a client decodes', async (_name, query, rootValue) => {
    const schema = await buildSchema();
    const result = execute({ schema, document: parse(query), rootValue, contextValue: {} });
    expect(result).not.toBeInstanceOf(Promise);
    const json = JSON.stringify(result);
    expect(json).toContain(JSON.stringify(encodeGlobalId('TwelveLabsAsset', 'a1')));
    expect((result as { errors?: unknown }).errors).toBeUndefined();
  });
});
