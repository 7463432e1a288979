import { readFileSync } from 'node:fs';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../helpers/harness.js';
import { postMultipart } from '../../helpers/multipart.js';
import { collect, wsClient } from '../../helpers/ws.js';

/**
 * The README's examples are the first thing a newcomer runs: each one, exactly as written there, must
 * answer on a fresh sandbox without an error or a userError. An operation that needs variables gets
 * them from VARIABLES below (the README says what to pass); one that is not listed there fails.
 */
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Example queries'), readme.indexOf('## Errors'));
const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

interface Example {
  name: string;
  kind: string;
  /** The whole block: the operation is sent with its neighbours and picked by name, as GraphiQL does. */
  document: string;
  variables: string[];
}

const examples: Example[] = blocks.flatMap((document) =>
  parse(document)
    .definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => ({
      name: op.name?.value ?? '',
      kind: op.operation,
      document,
      variables: (op.variableDefinitions ?? []).map((v) => v.variable.name.value),
    })),
);
const byKind = (kind: string) => examples.filter((e) => e.kind === kind);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { POLL_INTERVAL_MS: '200' } });
});
afterAll(() => h.stop());

/** What the README tells the reader to pass, made the way a reader would make it. */
const VARIABLES: Record<string, () => Promise<Record<string, unknown>>> = {
  RecentChanges: async () => ({ since: new Date(Date.now() - 86_400_000).toISOString() }),
  ReportParts: async () => uploadParts(12 * 1024 * 1024),
};

/** Steps 1 and 2 of the README's large-upload flow, for a file small enough to send in a test. */
async function uploadParts(size: number): Promise<Record<string, unknown>> {
  const res = await h.gql(
    `mutation($input: CreateUploadTargetInput!) { createUploadTarget(input: $input) {
      uploadTarget { uploadId chunkSizeBytes parts { partNumber url } headers { name value } } } }`,
    { input: { provider: 'TWELVE_LABS', filename: 'master.mp4', mimeType: 'video/mp4', sizeBytes: size } },
  );
  const target = res.data!.createUploadTarget.uploadTarget;
  const headers = Object.fromEntries(target.headers.map((x: { name: string; value: string }) => [x.name, x.value]));
  const parts = [];
  for (const part of target.parts) {
    const bytes = Math.min(target.chunkSizeBytes, size - (part.partNumber - 1) * target.chunkSizeBytes);
    const put = await fetch(part.url, { method: 'PUT', body: new Uint8Array(bytes), headers });
    expect(put.status).toBe(200);
    parts.push({ partNumber: part.partNumber, etag: put.headers.get('etag'), sizeBytes: bytes });
  }
  return { uploadId: target.uploadId, parts };
}

/** Every `userErrors` list in a mutation's answer. */
const userErrorsOf = (data: Record<string, any>) => Object.values(data).flatMap((payload) => payload?.userErrors ?? []);

describe("the README's examples, on a fresh sandbox", () => {
  it('are all named, so each can be picked from its block', () => {
    expect(examples.length).toBeGreaterThan(15);
    expect(examples.filter((e) => !e.name)).toEqual([]);
    expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
  });

  it.each(byKind('query').map((e) => [e.name, e]))('query %s answers without errors', async (_, example) => {
    const res = await run(example);
    expect(res.errors).toBeUndefined();
    for (const value of Object.values(res.data!)) expect(value).not.toBeNull();
    if (example.name === 'ManyIds') expect(res.data!.nodes.every((n: unknown) => n !== null)).toBe(true);
    if (example.name === 'RecentChanges') expect(res.data!.changes.changes.length).toBeGreaterThan(0);
  });

  it.each(byKind('mutation').map((e) => [e.name, e]))('mutation %s succeeds without userErrors', async (_, example) => {
    const res = example.variables.includes('file') ? await upload(example) : await run(example);
    expect(res.errors).toBeUndefined();
    expect(userErrorsOf(res.data!)).toEqual([]);
    if (example.name === 'ReportParts') expect(res.data!.reportUploadedParts.complete).toBe(true);
  });

  it('subscription WatchStatus reports the current state, then READY, then completes', async () => {
    const client = wsClient(h.url);
    const example = examples.find((e) => e.name === 'WatchStatus')!;
    const { done } = collect(client, pick(example));
    const events = await done;
    await client.dispose();
    expect(events.every((e) => e.errors === undefined)).toBe(true);
    expect(events.at(-1)!.data.assetStatusChanged.status).toBe('READY');
  });

  it('subscription WatchChanges pushes the change the Update example makes', async () => {
    const client = wsClient(h.url);
    const example = examples.find((e) => e.name === 'WatchChanges')!;
    const sub = collect(client, pick(example));
    const id = 'VXBseW5rQXNzZXQ6ZDYwNDJjZTVkZmUzMzljZDJlMjg2N2I4MTUzOTc4NzI=';
    // The feed is read from when the subscription started: update until the poller has seen one.
    const deadline = Date.now() + 15_000;
    while (sub.events.length === 0 && Date.now() < deadline) {
      await h.gql(`mutation($id: ID!) { updateAsset(input: { id: $id, name: "Seen live" }) { userErrors { code } } }`, { id });
      await new Promise((r) => setTimeout(r, 300));
    }
    sub.unsubscribe();
    await client.dispose();
    // The first event carries the subscription's cost (a change feed has no initial read).
    expect(sub.events[0]).toEqual({
      data: { assetChanges: expect.objectContaining({ action: 'UPDATED', asset: { name: 'Seen live' } }) },
      extensions: { cost: expect.objectContaining({ requestedQueryCost: 0, actualQueryCost: 0 }) },
    });
  });

  it('cover every subscription in the README', () => {
    expect(byKind('subscription').map((e) => e.name)).toEqual(['WatchStatus', 'WatchChanges']);
  });
});

/** The example alone: graphql-ws sends one operation, so the block is cut down to it. */
function pick(example: Example): string {
  const op = parse(example.document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === example.name)!;
  return example.document.slice(op.loc!.start, op.loc!.end);
}

async function run(example: Example) {
  const variables = example.variables.length > 0 ? await variablesFor(example) : undefined;
  const res = await fetch(`${h.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: example.document, operationName: example.name, variables }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

async function variablesFor(example: Example): Promise<Record<string, unknown>> {
  const make = VARIABLES[example.name];
  if (!make) throw new Error(`the README's ${example.name} takes variables (${example.variables}) that the test does not know how to make`);
  return make();
}

async function upload(example: Example) {
  const file = new File([new Uint8Array(4096)], 'spring-teaser.mp4', { type: 'video/mp4' });
  const { status, body } = await postMultipart(
    `${h.url}/graphql`,
    { query: pick(example), variables: { file: null } },
    {
      0: { path: 'variables.file', file },
    },
  );
  expect(status).toBe(200);
  return body as { data?: Record<string, any>; errors?: unknown[] };
}
