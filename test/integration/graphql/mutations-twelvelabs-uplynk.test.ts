import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { globalId, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { postMultipart } from '../../helpers/multipart.js';
import { waitFor } from '../../helpers/wait.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.sandbox.stores.TWELVE_LABS.uploadDelayMs = 300;
});
beforeEach(() => h.sandbox.resetCounters());
afterAll(() => h.stop());

const UPLOAD = `mutation($input: UploadAssetInput!) { uploadAsset(input: $input) {
  asset { id provider name status ... on TwelveLabsAsset { filename userMetadata } } userErrors { code field message } } }`;
const UPDATE = `mutation($input: UpdateAssetInput!) { updateAsset(input: $input) {
  asset { id name ... on UplynkAsset { externalId meta requireDrm autoExpireAt } ... on TwelveLabsAsset { userMetadata } }
  userErrors { code field message } } }`;
const statusOf = async (id: string) => (await h.gql(`query($id: ID!) { asset(id: $id) { status } }`, { id })).data?.asset?.status;

describe('Twelve Labs through the mutations', () => {
  it('uploads a file with metadata; the asset is PROCESSING, then READY', async () => {
    const file = new File([new Uint8Array(4096)], 'keynote.mp4', { type: 'video/mp4' });
    const { body } = await postMultipart(
      `${h.url}/graphql`,
      { query: UPLOAD, variables: { input: { provider: 'TWELVE_LABS', file: null, metadata: { speaker: 'Ada', take: 3 } } } },
      {
        0: { path: 'variables.input.file', file },
      },
    );
    const { asset, userErrors } = body.data.uploadAsset;
    expect(userErrors).toEqual([]);
    expect(asset).toMatchObject({ provider: 'TWELVE_LABS', status: 'PROCESSING', filename: 'keynote.mp4', userMetadata: { speaker: 'Ada', take: 3 } });
    expect(h.sandbox.servers.TWELVE_LABS.calls('POST /assets')).toBe(1);
    await waitFor(async () => ((await statusOf(asset.id)) === 'READY' ? true : undefined));
  });

  it('has the provider fetch a URL', async () => {
    const res = await h.gql(UPLOAD, { input: { provider: 'TWELVE_LABS', url: 'https://media.example.com/talks/opening.mp4' } });
    expect(res.data!.uploadAsset.asset).toMatchObject({ status: 'PROCESSING', filename: 'opening.mp4' });
  });

  it('gives a multipart upload target, takes the parts, and finishes the asset', async () => {
    const size = 12 * 1024 * 1024;
    const target = await h.gql(
      `mutation($input: CreateUploadTargetInput!) { createUploadTarget(input: $input) {
        uploadTarget { method uploadId chunkSizeBytes parts { partNumber url } headers { name value } asset { id status } }
        userErrors { code field message } } }`,
      { input: { provider: 'TWELVE_LABS', filename: 'archive.mp4', mimeType: 'video/mp4', sizeBytes: size } },
    );
    const t = target.data!.createUploadTarget.uploadTarget;
    expect(t.method).toBe('PUT');
    const chunk = t.chunkSizeBytes as number;
    expect(t.parts).toHaveLength(Math.ceil(size / chunk));
    const parts = [];
    for (const part of t.parts) {
      const bytes = Math.min(chunk, size - (part.partNumber - 1) * chunk);
      const headers = Object.fromEntries(t.headers.map((x: any) => [x.name, x.value]));
      const res = await fetch(part.url, { method: 'PUT', body: new Uint8Array(bytes), headers });
      expect(res.status).toBe(200);
      parts.push({ partNumber: part.partNumber, etag: res.headers.get('etag'), sizeBytes: bytes });
    }
    const done = await h.gql(
      `mutation($input: ReportUploadedPartsInput!) { reportUploadedParts(input: $input) { complete completedParts asset { id status } userErrors { code } } }`,
      { input: { provider: 'TWELVE_LABS', uploadId: t.uploadId, parts } },
    );
    expect(done.data!.reportUploadedParts).toMatchObject({ complete: true, completedParts: parts.length, userErrors: [] });
    expect(done.data!.reportUploadedParts.asset.id).toBe(t.asset.id);
  });

  it.each([
    ['image/png', 'still.png', 32 * 1024 ** 2 + 1],
    ['video/mp4', 'master.mp4', 10 * 1024 ** 3 + 1],
  ])("refuses a %s upload target over its kind's limit, on the sizeBytes field, sending nothing", async (mimeType, filename, sizeBytes) => {
    const res = await h.gql(
      `mutation($input: CreateUploadTargetInput!) { createUploadTarget(input: $input) { uploadTarget { uploadId } userErrors { code field message } } }`,
      { input: { provider: 'TWELVE_LABS', filename, mimeType, sizeBytes } },
    );
    expect(res.data!.createUploadTarget.uploadTarget).toBeNull();
    expect(res.data!.createUploadTarget.userErrors).toEqual([
      { code: 'INVALID', field: ['input', 'sizeBytes'], message: expect.stringMatching(/32 MB|10 GB/) },
    ]);
    expect(h.sandbox.servers.TWELVE_LABS.calls()).toBe(0);
  });

  it('refuses to delete an asset an index uses (CONFLICT), unless forced', async () => {
    const [indexed] = h.sandbox.stores.TWELVE_LABS.idsReferencedByIndex();
    const id = globalId('TwelveLabsAsset', indexed!);
    const DELETE = `mutation($input: DeleteAssetsInput!) { deleteAssets(input: $input) { deletedIds userErrors { code field } } }`;
    const refused = await h.gql(DELETE, { input: { ids: [id] } });
    expect(refused.data!.deleteAssets).toEqual({ deletedIds: [], userErrors: [{ code: 'CONFLICT', field: ['input', 'ids', '0'] }] });
    const forced = await h.gql(DELETE, { input: { ids: [id], force: true } });
    expect(forced.data!.deleteAssets.deletedIds).toEqual([id]);
  });

  it('updates user metadata, and refuses fields Twelve Labs lacks without calling it', async () => {
    const [id] = await assetIds(h, 'TWELVE_LABS', 1);
    const res = await h.gql(UPDATE, { input: { id, metadata: { campaign: 'spring' } } });
    expect(res.data!.updateAsset).toMatchObject({ asset: { id, userMetadata: { campaign: 'spring' } }, userErrors: [] });
    h.sandbox.resetCounters();
    const refused = await h.gql(UPDATE, { input: { id, name: 'renamed', requireDrm: true } });
    expect(refused.data!.updateAsset.userErrors.map((e: any) => [e.code, e.field])).toEqual([
      ['UNSUPPORTED_BY_PROVIDER', ['input', 'name']],
      ['UNSUPPORTED_BY_PROVIDER', ['input', 'requireDrm']],
    ]);
    expect(h.sandbox.servers.TWELVE_LABS.calls()).toBe(0);
  });
});

describe('Uplynk updates', () => {
  it('updates name, external id, DRM and expiry, and {} clears metadata', async () => {
    const [id] = await assetIds(h, 'UPLYNK', 1);
    const res = await h.gql(UPDATE, {
      input: { id, name: 'Harbour Lights (director cut)', externalId: 'hl-dc-1', requireDrm: true, metadata: {}, autoExpireAt: null },
    });
    expect(res.data!.updateAsset.userErrors).toEqual([]);
    expect(res.data!.updateAsset.asset).toMatchObject({
      name: 'Harbour Lights (director cut)',
      externalId: 'hl-dc-1',
      requireDrm: true,
      meta: {},
      autoExpireAt: null,
    });
    const byExternal = await h.gql(`{ assetByExternalId(externalId: "hl-dc-1") { id } }`);
    expect(byExternal.data!.assetByExternalId.id).toBe(id);
  });

  it.each([
    ['no field to change', {}, ['input'], 'REQUIRED'],
    ['a poster over 3 MB', { posterImage: 'A'.repeat(4_200_000) }, ['input', 'posterImage'], 'FILE_TOO_LARGE'],
    ['an empty name', { name: ' ' }, ['input', 'name'], 'INVALID'],
  ])('refuses %s, sending nothing', async (_label, fields, field, code) => {
    const [id] = await assetIds(h, 'UPLYNK', 1);
    h.sandbox.resetCounters();
    const res = await h.gql(UPDATE, { input: { id, ...fields } });
    expect(res.data!.updateAsset.userErrors[0]).toMatchObject({ code, field });
    expect(h.sandbox.servers.UPLYNK.calls()).toBe(0);
  });

  it('refuses an ID that is not an asset', async () => {
    const res = await h.gql(UPDATE, { input: { id: globalId('Project', '7b0c6f8e-0000-4000-8000-000000000000'), name: 'x' } });
    expect(res.data!.updateAsset.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'id'] });
  });
});
