import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const HOUR = 3_600_000;

// The README's examples and GraphiQL's tabs ask for "recent" things: a fresh sandbox must have them.
describe('a fresh sandbox lives in the present', () => {
  it('has Uplynk change history in the last day', async () => {
    const since = new Date(Date.now() - 24 * HOUR).toISOString();
    const res = await h.gql(`query($s: DateTime!) { changes(since: $s) { changes { at } } }`, { s: since });
    expect(res.errors).toBeUndefined();
    const times = res.data!.changes.changes.map((c: { at: string }) => Date.parse(c.at));
    expect(times.length).toBeGreaterThan(0);
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
  });

  it.each(['VIDEO_JUNGLE', 'UPLYNK', 'TWELVE_LABS', 'RUNWAY'])('has %s assets made minutes ago and none in the future', async (provider) => {
    const res = await h.gql(`query($p: Provider!) { assets(provider: $p, first: 100) { nodes { status createdAt } } }`, { p: provider });
    expect(res.errors).toBeUndefined();
    const nodes: { status: string; createdAt: string }[] = res.data!.assets.nodes;
    const ages = nodes.map((n) => Date.now() - Date.parse(n.createdAt));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.min(...ages)).toBeLessThan(HOUR);
    // Where the seed holds work in progress, it was started minutes ago, not months.
    const pending = nodes.filter((n) => n.status === 'PROCESSING');
    for (const n of pending) expect(Date.now() - Date.parse(n.createdAt)).toBeLessThan(HOUR);
    if (provider !== 'RUNWAY') expect(pending.length).toBeGreaterThan(0);
  });
});
