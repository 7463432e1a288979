import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness.js';

/** With its Redis unreachable, the bucket lets operations through (logged) and says so; MAX_QUERY_COST still holds. */
let h: Harness;
beforeAll(async () => {
  // Port 1: nothing listens there, so every bucket script fails fast with ECONNREFUSED.
  h = await startHarness({ env: { REDIS_URL: 'redis://127.0.0.1:1', MAX_QUERY_COST: '3' } });
});
afterAll(() => h.stop());

it('serves the operation with throttleStatus null, and still refuses one over MAX_QUERY_COST', async () => {
  const res = await h.gql('{ assets(provider: UPLYNK, first: 5) { nodes { id } } }');
  expect(res.errors).toBeUndefined();
  expect(res.extensions!.cost).toEqual({ requestedQueryCost: 1, actualQueryCost: 1, throttleStatus: null });
  const over = await h.gql('{ assets(first: 5) { nodes { id } } }');
  expect(over.errors![0]!.extensions!.code).toBe('MAX_COST_EXCEEDED');
  expect(over.extensions!.cost).toMatchObject({ requestedQueryCost: 4, actualQueryCost: 0, throttleStatus: null });
});
