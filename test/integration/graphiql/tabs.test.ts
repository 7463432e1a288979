import { parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExampleIds } from '../../../src/graphiql/example-ids.js';
import { exampleTabs, type GraphiQLTab } from '../../../src/graphiql/example-tabs.js';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { collect, wsClient } from '../../helpers/ws.js';

let h: Harness;
let tabs: { name: string; kind: string; tab: GraphiQLTab }[];
beforeAll(async () => {
  h = await startHarness();
  // The ids the page would show, found the way the page finds them: through the API.
  const ids = await findExampleIds(async (query) => (await h.gql(query)).data!);
  tabs = exampleTabs(ids).map((tab) => {
    const op = parse(tab.query).definitions[0] as OperationDefinitionNode;
    return { name: op.name!.value, kind: op.operation, tab };
  });
});
afterAll(() => h.stop());

const userErrorsOf = (data: Record<string, any>) => Object.values(data).flatMap((payload) => payload?.userErrors ?? []);

// The browser test runs two tabs through the page; this runs every one, as it opens on a fresh sandbox.
describe("GraphiQL's example tabs, run as they open on the sandbox", () => {
  it('answer every query and mutation without an error or a userError', async () => {
    const failed: unknown[] = [];
    for (const { name, kind, tab } of tabs.filter((t) => t.kind !== 'subscription')) {
      const res = await h.gql(tab.query, tab.variables ? JSON.parse(tab.variables) : undefined);
      const problems = [...(res.errors ?? []), ...(kind === 'mutation' ? userErrorsOf(res.data ?? {}) : [])];
      if (problems.length > 0 || !res.data) failed.push({ name, problems });
    }
    expect(failed).toEqual([]);
    expect(tabs.filter((t) => t.kind === 'mutation').map((t) => t.name)).toEqual(expect.arrayContaining(['Generate', 'RenderEdit', 'Delete']));
  });

  it('start every subscription with a first event and no error', async () => {
    const subscriptions = tabs.filter((t) => t.kind === 'subscription' && t.tab.variables);
    expect(subscriptions.length).toBeGreaterThan(0);
    for (const { tab } of subscriptions) {
      const client = wsClient(h.url);
      const sub = collect(client, tab.query, JSON.parse(tab.variables!));
      await expect.poll(() => sub.events.length, { timeout: 10_000 }).toBeGreaterThan(0);
      sub.unsubscribe();
      await client.dispose();
      expect(sub.events[0]!.errors).toBeUndefined();
    }
  });
});
