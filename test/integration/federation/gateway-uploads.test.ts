import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderPng } from '../../../sandbox/png.js';
import { startGateway, type Gateway } from '../../helpers/gateway.js';
import { postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';
import { postMultipart } from '../../helpers/multipart.js';

/**
 * `uploadAsset` with a file, sent to Hive Gateway as a GraphQL multipart request. The gateway parses
 * the request (only with `multipart: true`), holds the file as a variable, and its HTTP executor
 * re-encodes the subgraph call as a multipart request to assetfed.
 */

const UPLOAD = `mutation($input: UploadAssetInput!) { uploadAsset(input: $input) {
  asset { id provider name status mimeType sizeBytes } userErrors { code field message } } }`;
/** Headers a browser cannot send cross-site without a CORS preflight; assetfed accepts any of them. */
const PREFLIGHT_HEADERS = ['graphql-require-preflight', 'apollo-require-preflight', 'x-graphql-yoga-csrf'];

let h: Harness;
/** Content types of the requests assetfed received during the current test. */
let subgraphRequests: string[] = [];
const bytes = new Uint8Array(renderPng(32, 18, 7));
const png = (name: string) => new File([bytes], name, { type: 'image/png' });
const upload = (endpoint: string, name: string) =>
  postMultipart(
    endpoint,
    { query: UPLOAD, variables: { input: { provider: 'RUNWAY', file: null } } },
    {
      0: { path: 'variables.input.file', file: png(name) },
    },
  );

beforeAll(async () => {
  h = await startHarness();
  h.app.server.on('request', (req: IncomingMessage) => subgraphRequests.push(req.headers['content-type'] ?? ''));
});
afterAll(() => h.stop());
beforeEach(() => {
  h.sandbox.resetCounters();
  subgraphRequests = [];
});

describe('Hive Gateway as configured by default', () => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway(h);
  });
  afterAll(() => gw.stop());

  it('refuses a multipart request with 415 and an empty body: `multipart` defaults to false', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: UPLOAD, variables: { input: { provider: 'RUNWAY', file: null } } }));
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append('0', png('still.png'), 'still.png');
    const res = await fetch(gw.endpoint, { method: 'POST', body: form, headers: { 'graphql-require-preflight': '1' } });
    expect(res.status).toBe(415);
    expect(await res.text()).toBe('');
    expect(subgraphRequests).toEqual([]);
    expect(h.sandbox.servers.RUNWAY.calls('POST /assets/')).toBe(0);
  });
});

describe('Hive Gateway with multipart: true', () => {
  let gw: Gateway;
  beforeAll(async () => {
    gw = await startGateway(h, {
      config: {
        multipart: true,
        // Accepting multipart makes the gateway a target for cross-site form posts, so it applies
        // the same rule as assetfed: a header that forces a CORS preflight.
        csrfPrevention: { requestHeaders: PREFLIGHT_HEADERS },
        // The gateway sends subgraphs none of the client's headers unless told; assetfed wants the
        // preflight header on multipart requests too, so the client's is passed along.
        propagateHeaders: {
          fromClientToSubgraphs: ({ request }) =>
            Object.fromEntries(PREFLIGHT_HEADERS.filter((name) => request.headers.has(name)).map((name) => [name, request.headers.get(name)])),
        },
      },
    });
  });
  afterAll(() => gw.stop());

  it('forwards the file to assetfed as a multipart request; Runway receives it and the asset is READY', async () => {
    const { status, body } = await upload(gw.endpoint, 'through-gateway.png');
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.uploadAsset.userErrors).toEqual([]);
    const asset = body.data.uploadAsset.asset;
    expect(asset).toMatchObject({ provider: 'RUNWAY', name: 'through-gateway.png', status: 'READY', mimeType: 'image/png', sizeBytes: bytes.byteLength });
    expect(subgraphRequests).toHaveLength(1);
    expect(subgraphRequests[0]).toMatch(/^multipart\/form-data; boundary=/);
    expect(h.sandbox.servers.RUNWAY.calls('POST /assets/')).toBe(1);

    const read = await postGraphQL<any>(gw.endpoint, `query($id: ID!) { asset(id: $id) { id name status } }`, { id: asset.id });
    expect(read.data.asset).toEqual({ id: asset.id, name: 'through-gateway.png', status: 'READY' });
  });

  it('refuses a multipart request without a preflight header at the gateway, before assetfed', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: UPLOAD, variables: { input: { provider: 'RUNWAY', file: null } } }));
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append('0', png('csrf.png'), 'csrf.png');
    const res = await fetch(gw.endpoint, { method: 'POST', body: form });
    expect(res.status).toBe(403);
    expect(subgraphRequests).toEqual([]);
    expect(h.sandbox.servers.RUNWAY.calls('POST /assets/')).toBe(0);
  });
});
