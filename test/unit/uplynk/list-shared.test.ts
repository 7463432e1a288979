import { describe, expect, it } from 'vitest';
import type { UplynkCall } from '../../../src/providers/uplynk/call.js';
import { listUplynkAssets } from '../../../src/providers/uplynk/list.js';
import type { UplynkWireAsset } from '../../../src/providers/uplynk/wire.js';

const asset = (id: string, created: number): UplynkWireAsset => ({ id, created }) as UplynkWireAsset;
// Two newest-first lists whose dates interleave.
const own = Array.from({ length: 230 }, (_, i) => asset(`own${String(i).padStart(3, '0')}`, 1_000_000 - i * 10));
const shared = Array.from({ length: 90 }, (_, i) => asset(`shr${String(i).padStart(3, '0')}`, 1_000_000 - i * 27 - 5));
const merged = [...own, ...shared].sort((a, b) => b.created! - a.created!).map((a) => a.id);

type Paging = 'each list alike' | 'one result split in two';

/** A fake `/asset/list` under either reading of how skip/limit apply to the two lists [I]. */
function fakeList(paging: Paging, sent: Record<string, unknown>[]): UplynkCall {
  return (async (spec: { params: Record<string, unknown> }) => {
    sent.push(spec.params);
    const { skip, limit, ignore_shared_libraries: ignore } = spec.params as { skip: number; limit: number; ignore_shared_libraries: boolean };
    if (ignore) return { assets: own.slice(skip, skip + limit), shared_assets: [], error: 0 };
    if (paging === 'each list alike') {
      return { assets: own.slice(skip, skip + limit), shared_assets: shared.slice(skip, skip + limit), error: 0 };
    }
    const page = merged.slice(skip, skip + limit);
    const ownIds = new Set(own.map((a) => a.id));
    const pick = (ids: string[]) => ids.map((id) => [...own, ...shared].find((a) => a.id === id)!);
    return { assets: pick(page.filter((id) => ownIds.has(id))), shared_assets: pick(page.filter((id) => !ownIds.has(id))), error: 0 };
  }) as unknown as UplynkCall;
}

describe.each<Paging>(['each list alike', 'one result split in two'])('shared libraries, paged %s', (paging) => {
  it('pages the newest-first merge exactly, and says when it ends', async () => {
    const sent: Record<string, unknown>[] = [];
    const call = fakeList(paging, sent);
    const seen: string[] = [];
    let page: Awaited<ReturnType<typeof listUplynkAssets>>;
    for (let offset = 0; ; offset += 70) {
      page = await listUplynkAssets(call, { offset, limit: 70 }, { includeShared: true });
      seen.push(...page.items.map((a) => a.providerId));
      if (!page.hasNextPage) break;
    }
    expect(seen).toEqual(merged);
    expect(sent.every((p) => p.ignore_shared_libraries === false && p.skip !== undefined)).toBe(true);
  });
});

it('sends ignore_shared_libraries: true by default and reads your own library only', async () => {
  const sent: Record<string, unknown>[] = [];
  const page = await listUplynkAssets(fakeList('each list alike', sent), { offset: 10, limit: 5 }, {});
  expect(page.items.map((a) => a.providerId)).toEqual(own.slice(10, 15).map((a) => a.id));
  expect(sent).toEqual([{ skip: 10, limit: 6, order: '-created', ignore_shared_libraries: true }]);
});
