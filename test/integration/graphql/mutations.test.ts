import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { renderPng } from '../../../sandbox/png.js';
import { globalId, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { postMultipart } from '../../helpers/multipart.js';

let h: Harness;
let endpoint: string;
beforeAll(async () => {
  h = await startHarness({ env: { MAX_UPLOAD_BYTES: String(64 * 1024) } });
  endpoint = `${h.url}/graphql`;
});
beforeEach(() => h.sandbox.resetCounters());
afterAll(() => h.stop());

const UPLOAD = `mutation($input: UploadAssetInput!) { uploadAsset(input: $input) {
  asset { id provider name status mimeType sizeBytes } userErrors { code field message } } }`;
const DELETE = `mutation($input: DeleteAssetsInput!) { deleteAssets(input: $input) {
  deletedIds userErrors { code field message } failedProviders { provider code } } }`;
const png = (name = 'still.png') => new File([new Uint8Array(renderPng(32, 18, 7))], name, { type: 'image/png' });
const totalCalls = () => Object.values(h.sandbox.servers).reduce((n, s) => n + s.calls(), 0);

describe('uploadAsset over real multipart requests', () => {
  it('streams a file to Runway and returns the new asset, readable at once', async () => {
    const { status, body } = await postMultipart(
      endpoint,
      { query: UPLOAD, variables: { input: { provider: 'RUNWAY', file: null } } },
      {
        0: { path: 'variables.input.file', file: png() },
      },
    );
    expect(status).toBe(200);
    expect(body.data.uploadAsset.userErrors).toEqual([]);
    const asset = body.data.uploadAsset.asset;
    expect(asset).toMatchObject({ provider: 'RUNWAY', name: 'still.png', status: 'READY', mimeType: 'image/png' });
    expect(h.sandbox.servers.RUNWAY.calls('POST /assets/')).toBe(1);
    const read = await h.gql(`query($id: ID!) { asset(id: $id) { id name } }`, { id: asset.id });
    expect(read.data!.asset).toEqual({ id: asset.id, name: 'still.png' });
  });

  it("takes the spec's batched form: two operations, two files", async () => {
    const { body } = await postMultipart(
      endpoint,
      [
        { query: UPLOAD, variables: { input: { provider: 'RUNWAY', file: null, filename: 'first.png' } } },
        { query: UPLOAD, variables: { input: { provider: 'RUNWAY', file: null, filename: 'second.png' } } },
      ],
      { a: { path: '0.variables.input.file', file: png('a.png') }, b: { path: '1.variables.input.file', file: png('b.png') } },
    );
    expect(body.map((r: any) => r.data.uploadAsset.asset.name)).toEqual(['first.png', 'second.png']);
    expect(h.sandbox.servers.RUNWAY.calls('POST /assets/')).toBe(2);
  });

  it.each([
    ['neither file nor url', { provider: 'RUNWAY' }, ['input', 'file'], 'REQUIRED'],
    ['a url that is not http(s)', { provider: 'TWELVE_LABS', url: 'ftp://example.com/a.mp4' }, ['input', 'url'], 'INVALID'],
    ['an empty filename', { provider: 'TWELVE_LABS', url: 'https://example.com/a.mp4', filename: '  ' }, ['input', 'filename'], 'INVALID'],
    ['Uplynk, which ingests elsewhere', { provider: 'UPLYNK', url: 'https://example.com/a.mp4' }, ['input', 'provider'], 'UNSUPPORTED_BY_PROVIDER'],
    ['Video Jungle without a project', { provider: 'VIDEO_JUNGLE', url: 'https://youtube.com/watch?v=x' }, ['input', 'projectId'], 'REQUIRED'],
    [
      'metadata that is not flat',
      { provider: 'TWELVE_LABS', url: 'https://example.com/a.mp4', metadata: { a: { b: 1 } } },
      ['input', 'metadata', 'a'],
      'INVALID',
    ],
  ])('refuses %s as a user error, sending nothing', async (_label, input, field, code) => {
    const res = await h.gql(UPLOAD, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.uploadAsset.asset).toBeNull();
    expect(res.data!.uploadAsset.userErrors[0]).toMatchObject({ code, field });
    expect(totalCalls()).toBe(0);
  });

  it('refuses both a file and a url', async () => {
    const { body } = await postMultipart(
      endpoint,
      { query: UPLOAD, variables: { input: { provider: 'RUNWAY', file: null, url: 'https://example.com/x.png' } } },
      {
        0: { path: 'variables.input.file', file: png() },
      },
    );
    expect(body.data.uploadAsset.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'file'] });
    expect(totalCalls()).toBe(0);
  });

  it('refuses a file over the server limit while receiving it, with FILE_TOO_LARGE', async () => {
    const big = new File([new Uint8Array(65 * 1024)], 'big.png', { type: 'image/png' });
    const { status, body } = await postMultipart(
      endpoint,
      { query: UPLOAD, variables: { input: { provider: 'RUNWAY', file: null } } },
      {
        0: { path: 'variables.input.file', file: big },
      },
    );
    expect(status).toBe(413);
    expect(body.errors[0].extensions.code).toBe('FILE_TOO_LARGE');
    expect(totalCalls()).toBe(0);
  });

  it('reports a provider failing mid-upload as a coded error, not retried', async () => {
    h.sandbox.servers.RUNWAY.faults.next({ type: 'status', status: 502 });
    const { body } = await postMultipart(
      endpoint,
      { query: UPLOAD, variables: { input: { provider: 'RUNWAY', file: null } } },
      {
        0: { path: 'variables.input.file', file: png() },
      },
    );
    expect(body.data.uploadAsset).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'RUNWAY' });
    expect(h.sandbox.servers.RUNWAY.calls('POST /assets/')).toBe(1);
  });
});

describe('deleteAssets', () => {
  it('deletes across providers, Uplynk in one call per 1,000 ids, with a user error per id not deleted', async () => {
    const uplynk = await assetIds(h, 'UPLYNK', 1200);
    const runway = await assetIds(h, 'RUNWAY', 2);
    h.sandbox.resetCounters();
    const missing = globalId('UplynkAsset', '0123456789abcdef0123456789abcdef');
    const ids = [...uplynk.slice(0, 996), missing, ...runway, 'garbage']; // 1,000: the most one call takes
    const res = await h.gql(DELETE, { input: { ids } });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.deleteAssets;
    expect(payload.deletedIds).toHaveLength(998);
    expect(payload.deletedIds).toEqual(expect.arrayContaining([...uplynk.slice(0, 996), ...runway]));
    expect(payload.userErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'ids', '996'] }),
        expect.objectContaining({ code: 'INVALID', field: ['input', 'ids', '999'] }),
      ]),
    );
    expect(h.sandbox.servers.UPLYNK.calls('POST /api2/asset/delete')).toBe(1);
    expect(h.sandbox.servers.RUNWAY.calls('DELETE /assets/:id')).toBe(2);
    const gone = await h.gql(`query($id: ID!) { asset(id: $id) { id } }`, { id: runway[0] });
    expect(gone.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it.each([
    ['no ids', [], 'REQUIRED|INVALID'],
    ['more than 1,000 ids', Array.from({ length: 1001 }, (_, i) => globalId('UplynkAsset', i.toString(16).padStart(32, '0'))), 'INVALID'],
  ])('refuses %s, sending nothing', async (_label, ids, code) => {
    const res = await h.gql(DELETE, { input: { ids } });
    expect(res.data!.deleteAssets.userErrors[0].code).toMatch(new RegExp(code));
    expect(res.data!.deleteAssets.userErrors[0].field).toEqual(['input', 'ids']);
    expect(totalCalls()).toBe(0);
  });

  it('turns a provider outage that deleted nothing into a GraphQL error', async () => {
    const [id] = await assetIds(h, 'UPLYNK', 1);
    h.sandbox.resetCounters();
    h.sandbox.servers.UPLYNK.faults.next({ type: 'status', status: 503 });
    const res = await h.gql(DELETE, { input: { ids: [id] } });
    expect(res.data!.deleteAssets).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'UPLYNK' });
    expect(h.sandbox.servers.UPLYNK.calls()).toBe(1);
  });
});
