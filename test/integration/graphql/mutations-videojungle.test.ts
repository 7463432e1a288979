import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { globalId, startHarness, type Harness } from '../../helpers/harness.js';
import { postMultipart } from '../../helpers/multipart.js';
import { waitFor } from '../../helpers/wait.js';

let h: Harness;
let projectId: string;
let scriptId: string;
let scriptParams: string[];
let clipId: string;
beforeAll(async () => {
  h = await startHarness();
  const store = h.sandbox.stores.VIDEO_JUNGLE;
  store.writeDelayMs = 300;
  const withScript = store.projectIds().find((id) => (store.project(id)!.scripts as unknown[]).length > 0)!;
  const script = store.project(withScript)!.scripts[0] as { id: string; inputs: { name: string }[] };
  projectId = globalId('Project', withScript);
  scriptId = script.id;
  scriptParams = script.inputs.map((i) => i.name);
  clipId = store.assetIds()[0]!;
});
beforeEach(() => h.sandbox.resetCounters());
afterAll(() => h.stop());

const vjCalls = () => h.sandbox.servers.VIDEO_JUNGLE.calls();
const RENDER = `mutation($input: RenderEditInput!) { renderEdit(input: $input) {
  editId asset { id status uploaded project { id } } userErrors { code field message } } }`;
const edit = (overrides: Record<string, unknown> = {}) => ({
  resolution: '1080x1920',
  fps: 30,
  filename: 'reel.mp4',
  clips: [{ videoId: clipId, type: 'asset', start: '00:00:01.000', end: '00:00:04.500', audioLevels: [{ level: 0.8 }], crop: { zoom: 1.2 } }],
  ...overrides,
});

describe('Video Jungle through the mutations', () => {
  it('creates a project and deletes it', async () => {
    const created = await h.gql(
      `mutation { createProject(input: { name: "Launch teasers", description: "Q1" }) { project { id name description } userErrors { code } } }`,
    );
    const project = created.data!.createProject.project;
    expect(project).toMatchObject({ name: 'Launch teasers', description: 'Q1' });
    const deleted = await h.gql(`mutation($id: ID!) { deleteProject(input: { id: $id }) { deletedProjectId userErrors { code } } }`, { id: project.id });
    expect(deleted.data!.deleteProject).toEqual({ deletedProjectId: project.id, userErrors: [] });
    const gone = await h.gql(`query($id: ID!) { project(id: $id) { id } }`, { id: project.id });
    expect(gone.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('generates from a script; the pending asset turns READY', async () => {
    const res = await h.gql(
      `mutation($input: GenerateAssetInput!) { generateAsset(input: $input) { asset { id status uploaded } userErrors { code field message } } }`,
      { input: { projectId, scriptId, parameters: scriptParams.map((name) => ({ name, value: 'Aries' })) } },
    );
    const { asset, userErrors } = res.data!.generateAsset;
    expect(userErrors).toEqual([]);
    // As the description says: PROCESSING while it renders.
    expect(asset.status).toBe('PROCESSING');
    expect(h.sandbox.servers.VIDEO_JUNGLE.calls('POST /projects/:id/:scriptId/generate')).toBe(1);
    await waitFor(async () => {
      const now = await h.gql(`query($id: ID!) { asset(id: $id) { status } }`, { id: asset.id });
      return now.data!.asset.status === 'READY' ? true : undefined;
    });
  });

  it("needs nothing but the schema: a project's scripts name the parameters a generation takes", async () => {
    const found = await h.gql(`query($id: ID!) { project(id: $id) { scripts { id name parameters { name type } } } }`, { id: projectId });
    const script = found.data!.project.scripts.find((s: { id: string }) => s.id === scriptId);
    expect(script.parameters.map((p: { name: string }) => p.name)).toEqual(scriptParams);
    const missing = await h.gql(`mutation($input: GenerateAssetInput!) { generateAsset(input: $input) { asset { id } userErrors { code field message } } }`, {
      input: { projectId, scriptId, parameters: [] },
    });
    expect(missing.data!.generateAsset.userErrors[0].message).toContain(JSON.stringify(scriptParams[0]));
    const generated = await h.gql(`mutation($input: GenerateAssetInput!) { generateAsset(input: $input) { asset { id status } userErrors { code } } }`, {
      input: { projectId, scriptId: script.id, parameters: script.parameters.map((p: { name: string }) => ({ name: p.name, value: 'x' })) },
    });
    expect(generated.data!.generateAsset).toMatchObject({ asset: { status: 'PROCESSING' }, userErrors: [] });
  });

  it.each([
    ['a script id that is not a UUID', () => ({ scriptId: 'horoscope' }), 'INVALID', ['input', 'scriptId'], 0],
    [
      'a parameter given twice',
      () => ({
        parameters: [
          { name: 'x', value: '1' },
          { name: 'x', value: '2' },
        ],
      }),
      'INVALID',
      ['input', 'parameters', '1', 'name'],
      0,
    ],
    ['an unknown script', () => ({ scriptId: '00000000-0000-4000-8000-000000000000' }), 'NOT_FOUND', ['input', 'scriptId'], 1],
    // Both caught before the generate call, from the project's own scripts (one read of the project).
    ['a parameter the script needs left out', () => ({ parameters: [] }), 'REQUIRED', ['input', 'parameters'], 1],
  ])('points a generateAsset refusal of %s at the field at fault', async (_label, overrides, code, field, calls) => {
    const res = await h.gql(`mutation($input: GenerateAssetInput!) { generateAsset(input: $input) { asset { id } userErrors { code field message } } }`, {
      input: { projectId, scriptId, parameters: scriptParams.map((name) => ({ name, value: 'Aries' })), ...overrides() },
    });
    expect(res.data!.generateAsset.asset).toBeNull();
    expect(res.data!.generateAsset.userErrors).toEqual([{ code, field, message: expect.any(String) }]);
    expect(vjCalls()).toBe(calls);
  });

  it('renders an edit and returns the asset it becomes', async () => {
    const res = await h.gql(RENDER, { input: { projectId, edit: edit() } });
    expect(res.data!.renderEdit.userErrors).toEqual([]);
    expect(res.data!.renderEdit.editId).toEqual(expect.any(String));
    expect(res.data!.renderEdit.asset.project.id).toBe(projectId);
    expect(h.sandbox.servers.VIDEO_JUNGLE.calls('POST /projects/:id/create-edit')).toBe(1);
  });

  it.each([
    ['a malformed timecode', { clips: [{ videoId: 'x', type: 'asset', start: '1:2' }] }, ['input', 'edit', 'clips', '0', 'start']],
    [
      'an end before the start',
      { clips: [{ videoId: '00000000-0000-4000-8000-000000000001', type: 'asset', start: '00:00:05', end: '00:00:02' }] },
      ['input', 'edit', 'clips', '0', 'end'],
    ],
    [
      'an audio level over 1',
      { clips: [{ videoId: '00000000-0000-4000-8000-000000000001', type: 'asset', start: '00:00:00', audioLevels: [{ level: 2 }] }] },
      ['input', 'edit', 'clips', '0', 'audioLevels', '0', 'level'],
    ],
    [
      'a crop zoom out of range',
      { clips: [{ videoId: '00000000-0000-4000-8000-000000000001', type: 'asset', start: '00:00:00', crop: { zoom: 20 } }] },
      ['input', 'edit', 'clips', '0', 'crop', 'zoom'],
    ],
    ['a resolution that is not WxH', { resolution: 'big' }, ['input', 'edit', 'resolution']],
    ['no clips', { clips: [] }, ['input', 'edit', 'clips']],
    [
      'an Uplynk asset as a clip',
      { clips: [{ videoId: globalId('UplynkAsset', 'ab'.repeat(16)), type: 'asset', start: '00:00:00' }] },
      ['input', 'edit', 'clips', '0', 'videoId'],
    ],
  ])('refuses %s with the field path, sending nothing', async (_label, overrides, field) => {
    const res = await h.gql(RENDER, { input: { projectId, edit: edit(overrides) } });
    expect(res.data!.renderEdit.asset).toBeNull();
    expect(res.data!.renderEdit.userErrors.map((e: any) => e.field)).toContainEqual(field);
    expect(vjCalls()).toBe(0);
  });

  it('refuses an asset ID where a project is required', async () => {
    const res = await h.gql(RENDER, { input: { projectId: globalId('VideoJungleAsset', clipId), edit: edit() } });
    expect(res.data!.renderEdit.userErrors[0]).toMatchObject({ code: 'INVALID', field: ['input', 'projectId'] });
    expect(vjCalls()).toBe(0);
  });

  it('uploads a file into a project (create, then bytes), and the asset is readable', async () => {
    const file = new File([new Uint8Array(2048)], 'b-roll.mp4', { type: 'video/mp4' });
    const { body } = await postMultipart(
      `${h.url}/graphql`,
      {
        query: `mutation($input: UploadAssetInput!) { uploadAsset(input: $input) { asset { id name provider } userErrors { code field } } }`,
        variables: { input: { provider: 'VIDEO_JUNGLE', projectId, file: null } },
      },
      { 0: { path: 'variables.input.file', file } },
    );
    expect(body.data.uploadAsset).toMatchObject({ asset: { name: 'b-roll.mp4', provider: 'VIDEO_JUNGLE' }, userErrors: [] });
    expect(h.sandbox.servers.VIDEO_JUNGLE.calls('POST /projects/:id/asset')).toBe(1);
    expect(h.sandbox.servers.VIDEO_JUNGLE.calls('POST /assets/:id/upload')).toBe(1);
  });

  it('uploads from any public URL into a project (a video file, then its reference)', async () => {
    const res = await h.gql(
      `mutation($input: UploadAssetInput!) { uploadAsset(input: $input) { asset { id provider status ... on VideoJungleAsset { assetType project { id } } } userErrors { code field } } }`,
      { input: { provider: 'VIDEO_JUNGLE', projectId, url: 'https://media.example.org/interviews/ada.mov' } },
    );
    expect(res.data!.uploadAsset).toMatchObject({
      asset: { provider: 'VIDEO_JUNGLE', assetType: 'video-reference', project: { id: projectId } },
      userErrors: [],
    });
    expect(h.sandbox.servers.VIDEO_JUNGLE.calls('POST /video-file')).toBe(1);
    expect(h.sandbox.servers.VIDEO_JUNGLE.calls('POST /projects/:id/asset')).toBe(1);
  });

  it('removes what step 1 created when the bytes step fails, and says so', async () => {
    const before = h.sandbox.stores.VIDEO_JUNGLE.assetIds().length;
    h.sandbox.servers.VIDEO_JUNGLE.faults.next({ type: 'status', status: 503 }, { endpoint: 'POST /assets/:id/upload' });
    const file = new File([new Uint8Array(512)], 'fails.mp4', { type: 'video/mp4' });
    const { body } = await postMultipart(
      `${h.url}/graphql`,
      {
        query: `mutation($input: UploadAssetInput!) { uploadAsset(input: $input) { asset { id } userErrors { code } } }`,
        variables: { input: { provider: 'VIDEO_JUNGLE', projectId, file: null } },
      },
      { 0: { path: 'variables.input.file', file } },
    );
    expect(body.data.uploadAsset).toBeNull();
    expect(body.errors[0].extensions).toMatchObject({ code: 'PROVIDER_UNAVAILABLE', provider: 'VIDEO_JUNGLE' });
    expect(h.sandbox.servers.VIDEO_JUNGLE.calls('DELETE /assets/:id')).toBe(1);
    expect(h.sandbox.stores.VIDEO_JUNGLE.assetIds()).toHaveLength(before);
  });

  it('gives a presigned POST target that accepts the file directly', async () => {
    const res = await h.gql(
      `mutation($input: CreateUploadTargetInput!) { createUploadTarget(input: $input) {
        uploadTarget { url method fields { name value } expiresAt asset { id status } } userErrors { code field } } }`,
      { input: { provider: 'VIDEO_JUNGLE', projectId, filename: 'master.mov', mimeType: 'video/quicktime', sizeBytes: 3_000_000_000 } },
    );
    const target = res.data!.createUploadTarget.uploadTarget;
    expect(target.method).toBe('POST');
    expect(target.asset.status).toBe('PENDING');
    const form = new FormData();
    for (const f of target.fields) form.append(f.name, f.value);
    form.append('file', new File([new Uint8Array(100)], 'master.mov', { type: 'video/quicktime' }));
    expect((await fetch(target.url, { method: 'POST', body: form })).status).toBe(204);
  });

  it('answers UNSUPPORTED_BY_PROVIDER for an upload target at Uplynk, sending nothing', async () => {
    const res = await h.gql(
      `mutation { createUploadTarget(input: { provider: UPLYNK, filename: "a.mp4", mimeType: "video/mp4", sizeBytes: 10 }) { uploadTarget { url } userErrors { code field } } }`,
    );
    expect(res.data!.createUploadTarget.userErrors).toEqual([{ code: 'UNSUPPORTED_BY_PROVIDER', field: ['input', 'provider'] }]);
    expect(h.sandbox.servers.UPLYNK.calls()).toBe(0);
  });
});
