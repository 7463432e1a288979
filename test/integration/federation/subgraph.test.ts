import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_SDL } from '../../helpers/catalog.js';
import { globalId, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';

let h: Harness;
let uplynk: string[];
beforeAll(async () => {
  h = await startHarness();
  uplynk = await assetIds(h, 'UPLYNK', 2500);
}, 60_000);
beforeEach(() => h.sandbox.resetCounters());
afterAll(() => h.stop());

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  __typename ... on Asset { id provider name } ... on Project { id projectName: name } } }`;

describe('assetfed as a Federation v2 subgraph', () => {
  it('answers _service { sdl } with its entities and keys', async () => {
    const res = await h.gql(`{ _service { sdl } }`);
    const sdl: string = res.data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6"');
    for (const type of ['interface Asset', 'type UplynkAsset', 'type TwelveLabsAsset', 'type RunwayAsset', 'type VideoJungleAsset', 'type Project']) {
      expect(sdl).toMatch(new RegExp(`${type}[^{]*@key\\(fields: "id"\\)`));
    }
  });

  it('resolves 2,500 Uplynk references in 3 upstream calls, through the loaders', async () => {
    const representations = uplynk.map((id) => ({ __typename: 'UplynkAsset', id }));
    const res = await h.gql(ENTITIES, { r: representations });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((e: any) => e.id)).toEqual(uplynk);
    expect(h.sandbox.servers.UPLYNK.calls()).toBe(3);
  });

  it('resolves interface (Asset) and Project references to their concrete types', async () => {
    const [tl] = await assetIds(h, 'TWELVE_LABS', 1);
    const projects = await h.gql(`{ projects(first: 1) { nodes { id name } } }`);
    const project = projects.data!.projects.nodes[0];
    const res = await h.gql(ENTITIES, {
      r: [
        { __typename: 'Asset', id: tl },
        { __typename: 'Project', id: project.id },
      ],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      expect.objectContaining({ __typename: 'TwelveLabsAsset', id: tl, provider: 'TWELVE_LABS' }),
      { __typename: 'Project', id: project.id, projectName: project.name },
    ]);
  });

  it('nulls a missing or mistyped reference alone, with a code', async () => {
    const missing = globalId('UplynkAsset', 'ffffffffffffffffffffffffffffffff');
    const res = await h.gql(ENTITIES, {
      r: [
        { __typename: 'UplynkAsset', id: uplynk[0] },
        { __typename: 'UplynkAsset', id: missing },
        { __typename: 'RunwayAsset', id: uplynk[1] },
      ],
    });
    expect(res.data!._entities[0]).toMatchObject({ id: uplynk[0] });
    expect(res.data!._entities[1]).toBeNull();
    expect(res.data!._entities[2]).toBeNull();
    const codes = Object.fromEntries(res.errors!.map((e) => [e.path!.at(-1), e.extensions!.code]));
    expect(codes).toEqual({ 1: 'NOT_FOUND', 2: 'BAD_USER_INPUT' });
  });

  it('composes with another subgraph that references its assets, without errors', async () => {
    const res = await h.gql(`{ _service { sdl } }`);
    const result = composeServices([
      { name: 'assetfed', typeDefs: parse(res.data!._service.sdl), url: 'http://assetfed/graphql' },
      { name: 'catalog', typeDefs: parse(CATALOG_SDL), url: 'http://catalog/graphql' },
    ]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.supergraphSdl).toContain('join__graph(name: "assetfed"');
    expect(result.publicSdl).toMatch(/type Episode[\s\S]*video: Asset/);
    expect(result.publicSdl).toMatch(/interface Asset[\s\S]*usedBy: \[Episode!\]!/);
  });
});
