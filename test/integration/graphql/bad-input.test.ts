import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';

let h: Harness;
let uplynkId: string;
beforeAll(async () => {
  // Runway left disabled, to see PROVIDER_NOT_CONFIGURED.
  h = await startHarness({ enable: ['VIDEO_JUNGLE', 'UPLYNK', 'TWELVE_LABS'] });
  [uplynkId] = (await assetIds(h, 'UPLYNK', 1)) as [string];
});
afterAll(() => h.stop());

const codeOf = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

describe('bad input gets a coded GraphQL error, never a 500', () => {
  it.each([
    ['not base64 at all', '!!!not-an-id!!!'],
    ['base64 of no type', Buffer.from('hello').toString('base64')],
    ['an unknown type', globalId('Banana', '123')],
    ['an empty id part', globalId('UplynkAsset', '')],
  ])('a malformed global ID (%s)', async (_label, id) => {
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id });
    expect(res.status).toBe(200);
    expect(res.data!.asset).toBeNull();
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/not a valid ID/);
  });

  it('a malformed ID in nodes fails that entry alone', async () => {
    const res = await h.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [uplynkId, 'garbage'] });
    expect(res.data!.nodes[0]).toEqual({ id: uplynkId });
    expect(res.data!.nodes[1]).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['nodes', 1], extensions: { code: 'BAD_USER_INPUT' } });
  });

  it.each(['   ', 'x'.repeat(201)])('a filter.search of %#: blank or over 200 characters', async (search) => {
    const before = h.sandbox.servers.UPLYNK.calls();
    const res = await h.gql(`query($f: AssetFilter) { assets(provider: UPLYNK, filter: $f) { nodes { id } } }`, { f: { search } });
    expect(res.status).toBe(200);
    expect(res.data!.assets).toBeNull();
    expect(res.errors![0]).toMatchObject({ message: 'filter.search must be 1–200 characters', extensions: { code: 'BAD_USER_INPUT' } });
    expect(h.sandbox.servers.UPLYNK.calls()).toBe(before);
  });

  it('an ID of the wrong type', async () => {
    const projectId = globalId('Project', '2d1b9a8e-0000-4000-8000-000000000000');
    const asAsset = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: projectId });
    expect(codeOf(asAsset)).toBe('BAD_USER_INPUT');
    expect(asAsset.errors![0]!.message).toMatch(/Expected an asset ID, got a Project ID/);
    const asProject = await h.gql(`query($id: ID!) { project(id: $id) { id } }`, { id: uplynkId });
    expect(codeOf(asProject)).toBe('BAD_USER_INPUT');
  });

  it.each(['1:2', '00:61:00', '-5', 'soon'])('a bad Timecode %j in a variable', async (at) => {
    const res = await h.gql(`query($id: ID!, $at: Timecode!) { asset(id: $id) { frame(at: $at) { base64 } } }`, { id: uplynkId, at });
    expect(res.status).toBeLessThan(500);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/Timecode must be/);
  });

  it('a bad Timecode literal', async () => {
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { frame(at: "noon") { base64 } } }`, { id: uplynkId });
    expect(res.status).toBeLessThan(500);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('a thumbnails range over one second, with nothing sent upstream', async () => {
    h.sandbox.resetCounters();
    const res = await h.gql(`query($id: ID!) { asset(id: $id) { id thumbnails(start: 0, stop: 1500) { base64 } } }`, { id: uplynkId });
    expect(res.data!.asset.id).toBe(uplynkId);
    expect(res.data!.asset.thumbnails).toBeNull();
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/1 second|one second/);
    expect(h.sandbox.servers.UPLYNK.calls()).toBe(1); // the asset read; no getthumbs
  });

  it.each([101, 0, -1])('first: %i', async (first) => {
    const res = await h.gql(`query($f: Int) { assets(provider: UPLYNK, first: $f) { edges { cursor } } }`, { f: first });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/first must be between 1 and 100/);
  });

  it('a cursor from another list', async () => {
    const page = await h.gql(`{ assets(provider: UPLYNK, first: 1) { pageInfo { endCursor } } }`);
    const res = await h.gql(`query($a: String) { assets(provider: TWELVE_LABS, first: 1, after: $a) { edges { cursor } } }`, {
      a: page.data!.assets.pageInfo.endCursor,
    });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const garbage = await h.gql(`{ assets(provider: UPLYNK, after: "%%%") { edges { cursor } } }`);
    expect(codeOf(garbage)).toBe('BAD_USER_INPUT');
  });

  it('an unknown provider', async () => {
    const res = await h.gql(`query($p: Provider!) { assetByProviderId(provider: $p, providerId: "x") { id } }`, { p: 'VIMEO' });
    expect(res.status).toBeLessThan(500);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/VIMEO/);
  });

  it('a provider that is not configured here', async () => {
    const res = await h.gql(`{ assets(provider: RUNWAY) { edges { cursor } } }`);
    expect(codeOf(res)).toBe('PROVIDER_NOT_CONFIGURED');
    const byId = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: globalId('RunwayAsset', 'user:1-runwayml:a@b.c-asset:x') });
    expect(codeOf(byId)).toBe('PROVIDER_NOT_CONFIGURED');
    const providers = await h.gql(`{ providers { provider enabled } }`);
    expect(providers.data!.providers).toContainEqual({ provider: 'RUNWAY', enabled: false });
  });

  it('a DateTime without a zone', async () => {
    const res = await h.gql(`{ changes(since: "2026-01-01T00:00:00") { next } }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('a syntax error', async () => {
    const res = await h.gql(`{ assets(`);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('an unknown field', async () => {
    const res = await h.gql(`{ nope }`);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
