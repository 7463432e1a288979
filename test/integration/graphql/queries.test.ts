import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const ASSET_FIELDS = `id provider providerId name status providerStatus createdAt mediaType __typename`;

describe('the read path over HTTP, against the sandbox', () => {
  it('lists the providers with what they support', async () => {
    const res = await h.gql(`{ providers { provider name enabled sandbox capabilities } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.providers).toHaveLength(4);
    const uplynk = res.data!.providers.find((p: any) => p.provider === 'UPLYNK');
    expect(uplynk).toMatchObject({ name: 'Uplynk', enabled: true, sandbox: true });
    expect(uplynk.capabilities).toEqual(expect.arrayContaining(['MULTI_GET', 'FRAMES', 'CHANGE_FEED', 'EXTERNAL_IDS']));
  });

  it.each(['VIDEO_JUNGLE', 'UPLYNK', 'TWELVE_LABS', 'RUNWAY'])('reads a %s asset by global ID and by provider id', async (provider) => {
    const [id] = await assetIds(h, provider, 1);
    const byId = await h.gql(`query($id: ID!) { asset(id: $id) { ${ASSET_FIELDS} } }`, { id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.asset).toMatchObject({ id, provider });
    const byProviderId = await h.gql(`query($p: Provider!, $pid: String!) { assetByProviderId(provider: $p, providerId: $pid) { id } }`, {
      p: provider,
      pid: byId.data!.asset.providerId,
    });
    expect(byProviderId.data!.assetByProviderId.id).toBe(id);
    const node = await h.gql(`query($id: ID!) { node(id: $id) { id ... on Asset { provider } } }`, { id });
    expect(node.data!.node).toEqual({ id, provider });
  });

  it("exposes each provider's own fields on its concrete type", async () => {
    const [up] = await assetIds(h, 'UPLYNK', 1);
    const [tl] = await assetIds(h, 'TWELVE_LABS', 1);
    const [rw] = await assetIds(h, 'RUNWAY', 1);
    const res = await h.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) {
        ... on UplynkAsset { externalId requireDrm breakOffsets { breakType offsetSeconds } meta }
        ... on TwelveLabsAsset { method filename hls { status } }
        ... on RunwayAsset { uuid previewUrls mediaSubtype }
      } }`,
      { ids: [up, tl, rw] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.nodes[0]).toHaveProperty('breakOffsets');
    expect(res.data!.nodes[1]).toHaveProperty('method');
    expect(res.data!.nodes[2].previewUrls).toBeInstanceOf(Array);
  });

  it('pages a provider list with first/after, without repeats', async () => {
    const first = await h.gql(`{ assets(provider: UPLYNK, first: 30) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`);
    const page1 = first.data!.assets;
    expect(page1.edges).toHaveLength(30);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await h.gql(`query($after: String) { assets(provider: UPLYNK, first: 30, after: $after) { edges { node { id } } } }`, {
      after: page1.pageInfo.endCursor,
    });
    const ids1 = page1.edges.map((e: any) => e.node.id);
    const ids2 = second.data!.assets.edges.map((e: any) => e.node.id);
    expect(ids2).toHaveLength(30);
    expect(ids1.filter((id: string) => ids2.includes(id))).toEqual([]);
  });

  it('merges every provider newest first when no provider is named, and pages on', async () => {
    const res = await h.gql(
      `{ assets(first: 50) { edges { cursor node { provider createdAt } } pageInfo { hasNextPage endCursor } incompleteProviders { provider } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.assets.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(50);
    const times = nodes.map((n: any) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(res.data!.assets.incompleteProviders).toEqual([]);
    const next = await h.gql(`query($a: String) { assets(first: 50, after: $a) { edges { node { id createdAt } } } }`, {
      a: res.data!.assets.pageInfo.endCursor,
    });
    const nextTimes = next.data!.assets.edges.map((e: any) => Date.parse(e.node.createdAt));
    expect(Math.max(...nextTimes)).toBeLessThanOrEqual(Math.min(...times));
  });

  it('filters by media type and search', async () => {
    const res = await h.gql(`{ assets(provider: TWELVE_LABS, first: 20, filter: { mediaType: IMAGE }) { edges { node { mediaType } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.assets.edges.length).toBeGreaterThan(0);
    expect(res.data!.assets.edges.every((e: any) => e.node.mediaType === 'IMAGE')).toBe(true);
  });

  it("lists Uplynk's shared libraries only when asked, merged in and paged on", async () => {
    const shared = new Set(h.sandbox.stores.UPLYNK.sharedAssets().map((a) => globalId('UplynkAsset', a.id)));
    const query = `query($f: AssetFilter, $after: String) { assets(provider: UPLYNK, first: 100, filter: $f, after: $after) {
      nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const own = await h.gql(query, {});
    expect(own.data!.assets.nodes.filter((n: any) => shared.has(n.id))).toEqual([]);
    const first = await h.gql(query, { f: { includeShared: true } });
    const second = await h.gql(query, { f: { includeShared: true }, after: first.data!.assets.pageInfo.endCursor });
    const ids = [...first.data!.assets.nodes, ...second.data!.assets.nodes].map((n: any) => n.id);
    expect(new Set(ids).size).toBe(200);
    expect(ids.filter((id) => shared.has(id)).length).toBeGreaterThan(0);
    expect(second.data!.assets.pageInfo.hasNextPage).toBe(true);
  });

  it('reads projects, a project, and its assets', async () => {
    const list = await h.gql(
      `{ projects(first: 3) { totalCount edges { node { id name assetCount assets(first: 2) { totalCount edges { node { id uploaded project { id } } } } } } } }`,
    );
    expect(list.errors).toBeUndefined();
    const project = list.data!.projects.edges[0].node;
    expect(project.assets.edges.length).toBeGreaterThan(0);
    expect(project.assets.edges[0].node.project.id).toBe(project.id);
    const one = await h.gql(`query($id: ID!) { project(id: $id) { id name } node(id: $id) { ... on Project { name } } }`, { id: project.id });
    expect(one.data!.project.name).toBe(project.name);
    expect(one.data!.node.name).toBe(project.name);
  });

  it('reads an Uplynk asset by external id', async () => {
    const list = await h.gql(`{ assets(provider: UPLYNK, first: 100) { nodes { ... on UplynkAsset { id externalId } } } }`);
    const withExternal = list.data!.assets.nodes.find((n: any) => n.externalId);
    expect(withExternal).toBeDefined();
    const res = await h.gql(`query($e: String!) { assetByExternalId(externalId: $e) { id externalId } }`, { e: withExternal.externalId });
    expect(res.data!.assetByExternalId).toEqual(withExternal);
  });

  it('returns real images for Uplynk frames and thumbnails', async () => {
    const [id] = await assetIds(h, 'UPLYNK', 1, 'READY');
    const res = await h.gql(
      `query($id: ID!) { asset(id: $id) { frame(at: "00:00:01.500") { at mimeType base64 } thumbnails(start: 1000, stop: 2000) { at mimeType base64 } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const frame = res.data!.asset.frame;
    expect(frame.at).toBe(1500);
    const bytes = Buffer.from(frame.base64, 'base64');
    expect(bytes.subarray(1, 4).toString('ascii')).toMatch(/PNG|\u00d8\u00ff/);
    expect(frame.mimeType).toMatch(/^image\//);
    const thumbs = res.data!.asset.thumbnails;
    expect(thumbs.length).toBeGreaterThan(0);
    expect(thumbs[0].at).toBe(1000);
    expect(thumbs.every((t: any, i: number) => i === 0 || t.at > thumbs[i - 1].at)).toBe(true);
  });

  it('answers UNSUPPORTED_BY_PROVIDER for frames of other providers, nulling only that field', async () => {
    const [id] = await assetIds(h, 'TWELVE_LABS', 1);
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { id frame(at: 0) { base64 } } }`, { id });
    expect(res.data!.asset.id).toBe(id);
    expect(res.data!.asset.frame).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe('UNSUPPORTED_BY_PROVIDER');
    expect(res.errors![0]!.path).toEqual(['asset', 'frame']);
  });

  it('reads the Uplynk change feed with its next cursor', async () => {
    const since = new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString();
    const res = await h.gql(`query($s: DateTime!) { changes(since: $s) { start next changes { action at providerId assetId } } }`, { s: since });
    expect(res.errors).toBeUndefined();
    expect(res.data!.changes.changes.length).toBeGreaterThan(0);
    expect(Date.parse(res.data!.changes.next)).toBeGreaterThanOrEqual(Date.parse(since));
    expect(['UPDATED', 'DELETED', 'CREATED']).toContain(res.data!.changes.changes[0].action);
  });

  // The spec's serialized map ordering: fields in the order asked, whichever resolved first (the
  // executor yoga ships writes them in the order their values settle).
  it.each(['UPLYNK', 'TWELVE_LABS'])('answers %s fields in the order the query asks, nested ones too', async (provider) => {
    const [id] = await assetIds(h, provider, 1);
    const fields = ['createdAt', 'name', 'status', 'providerId', 'provider', 'id', '__typename'];
    const query = `query($ids: [ID!]!, $id: ID!) { z: asset(id: $id) { ${fields.join(' ')} } a: nodes(ids: $ids) { ... on Asset { ${fields.join(' ')} } } providers { name provider } }`;
    const body = (await (
      await fetch(`${h.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { id, ids: [id] } }),
      })
    ).json()) as any;
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data)).toEqual(['z', 'a', 'providers']);
    expect(Object.keys(body.data.z)).toEqual(fields);
    expect(Object.keys(body.data.a[0])).toEqual(fields);
    expect(Object.keys(body.data.providers[0])).toEqual(['name', 'provider']);
  });

  it('gives NOT_FOUND for an asset that does not exist', async () => {
    const id = globalId('UplynkAsset', 'ffffffffffffffffffffffffffffffff');
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id });
    expect(res.data!.asset).toBeNull();
    expect(res.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('serves GraphiQL at /graphql to a browser and answers /health', async () => {
    const page = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('GraphiQL');
    expect((await fetch(`${h.url}/health`)).status).toBe(200);
  });
});
