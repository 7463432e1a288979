import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../resolvers/schema.js';
import { findExampleIds, placeholderIds } from '../../../src/graphiql/example-ids.js';
import { exampleTabs } from '../../../src/graphiql/example-tabs.js';

const schema = await buildSchema();
const NOW = new Date('2026-06-15T12:00:00.000Z');

describe('GraphiQL example tabs', () => {
  it.each([
    ['placeholders', placeholderIds(NOW)],
    [
      'sandbox ids',
      {
        uplynk: ['VXBseW5rQXNzZXQ6YQ=='],
        uplynkProviderId: 'a',
        uplynkExternalId: 'ext-1',
        processingTwelveLabs: 'VHdlbHZlTGFic0Fzc2V0OmI=',
        project: 'UHJvamVjdDpw',
        scriptId: 's1',
        scriptParameters: ['zodiac sign', 'lucky number'],
        projectAsset: 'VmlkZW9KdW5nbGVBc3NldDp2',
        deletable: 'VXBseW5rQXNzZXQ6Yw==',
        changesSince: '2026-06-08T12:00:00Z',
      },
    ],
  ])('are one named operation each, valid against the schema, with JSON variables (%s)', (_, ids) => {
    const tabs = exampleTabs(ids);
    const names = tabs.map((tab) => {
      const document = parse(tab.query);
      expect(validate(schema, document)).toEqual([]);
      expect(document.definitions).toHaveLength(1);
      if (tab.variables) expect(() => JSON.parse(tab.variables!)).not.toThrow();
      return (document.definitions[0] as { name?: { value: string } }).name?.value;
    });
    expect(new Set(names).size).toBe(tabs.length);
    expect(names).toEqual(expect.arrayContaining(['Providers', 'ManyAssets', 'Stills', 'Changes', 'Generate', 'RenderEdit', 'StatusChanges']));
  });

  it('reads ids from the listed assets: READY Uplynk ones long enough for stills, a PROCESSING Twelve Labs one', async () => {
    const uplynk = [
      { id: 'u-short', providerId: 'p0', status: 'READY', durationSeconds: 5, externalId: null },
      { id: 'u1', providerId: 'p1', status: 'READY', durationSeconds: 60, externalId: null },
      { id: 'u2', providerId: 'p2', status: 'PROCESSING', durationSeconds: 60, externalId: 'ext-2' },
      { id: 'u3', providerId: 'p3', status: 'READY', durationSeconds: 60, externalId: null },
      { id: 'u4', providerId: 'p4', status: 'READY', durationSeconds: 60, externalId: null },
      { id: 'u5', providerId: 'p5', status: 'READY', durationSeconds: 60, externalId: null },
    ];
    const twelveLabs = [
      { id: 't1', status: 'READY' },
      { id: 't2', status: 'PROCESSING' },
    ];
    const projects = [
      { id: 'no-script', scripts: [], assets: { nodes: [{ id: 'v0' }] } },
      { id: 'empty', scripts: [{ id: 's0', parameters: [] }], assets: { nodes: [] } },
      { id: 'pr', scripts: [{ id: 's1', parameters: [{ name: 'topic' }] }], assets: { nodes: [{ id: 'v1' }] } },
    ];
    const ids = await findExampleIds(async () => ({ uplynk: { nodes: uplynk }, twelveLabs: { nodes: twelveLabs }, projects: { nodes: projects } }), NOW);
    expect(ids).toEqual({
      uplynk: ['u1', 'u3', 'u4'],
      uplynkProviderId: 'p1',
      uplynkExternalId: 'ext-2',
      processingTwelveLabs: 't2',
      project: 'pr',
      scriptId: 's1',
      scriptParameters: ['topic'],
      projectAsset: 'v1',
      deletable: 'u5',
      changesSince: '2026-06-08T12:00:00Z',
    });
  });

  it('keeps placeholders for what the providers do not have', async () => {
    const ids = await findExampleIds(async () => ({ uplynk: null, twelveLabs: { nodes: [] } }), NOW);
    expect(ids).toEqual(placeholderIds(NOW));
  });
});
