import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/observability/logger.js';
import { SANDBOX_CREDENTIALS } from '../../../sandbox/credentials.js';
import { renderPng } from '../../../sandbox/png.js';
import { captureLines } from '../../helpers/capture.js';
import { globalId, postGraphQL, startHarness, type Harness } from '../../helpers/harness.js';
import { assetIds } from '../../helpers/ids.js';
import { ASCII, responseProblems, Rng, secretScanner, seedOf, UNICODE } from '../../helpers/fuzz.js';

/**
 * Fuzz-style hardening test: several hundred generated bad inputs, every one of which must come back
 * as a well-formed GraphQL error (or data), never a 5xx, a masked "Unexpected error", a stack trace or
 * a secret. The inputs come from a seeded PRNG, so a failure names an input that is produced again,
 * byte for byte, on the next run.
 *
 * The app runs with API_TOKENS (so a caller token is one of the secrets in play) and a debug logger
 * writing to a capture stream: after the run, every log line and every response body is searched for
 * the token and the four sandbox credentials.
 */

const TOKEN = 'fuzz-caller-0c5b7e19d2a64f38b1';
// The four provider credentials the sandbox checks and the app holds; the Uplynk owner id and the
// Runway email are identifiers (a Runway asset id contains the email), not secrets.
const SECRETS = [
  TOKEN,
  SANDBOX_CREDENTIALS.VIDEO_JUNGLE.apiKey,
  SANDBOX_CREDENTIALS.UPLYNK.apiKey,
  SANDBOX_CREDENTIALS.TWELVE_LABS.apiKey,
  SANDBOX_CREDENTIALS.RUNWAY.token,
];
const secrets = secretScanner(SECRETS);
const secretsIn = secrets.in;
const CONCURRENCY = 20;
/** A request that takes longer than this is reported as hanging rather than failing the whole file. */
const REQUEST_TIMEOUT_MS = 15_000;

const ODD_KEYS = ['a', 'id', '', ' ', 'constructor', 'toString', 'hasOwnProperty', '$where', 'a.b', '漢', '0', '__typename'];
const HOSTILE_STRINGS = [
  'null',
  'undefined',
  'NaN',
  '{}',
  '[]',
  'true',
  '0',
  '-1',
  '%s%n%x',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  "'; DROP TABLE assets; --",
  '../../../../etc/passwd',
  '\\',
  '"',
  '\r\nX-Injected: 1',
  'http://169.254.169.254/latest/meta-data/',
  'file:///etc/passwd',
  'javascript:alert(1)',
];
const TYPENAMES = ['VideoJungleAsset', 'UplynkAsset', 'TwelveLabsAsset', 'RunwayAsset', 'Project'];
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** Any JSON value, biased towards the ones parsers and validators get wrong. */
function junk(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 9 : 12)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.int(-1e9, 1e9);
    case 3:
      return rng.pick([0, -1, 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1e-300]);
    case 4:
      return (rng.next() - 0.5) * 10 ** rng.int(0, 30);
    case 5:
      return '';
    case 6:
      return rng.string(rng.int(1, 40));
    case 7:
      return rng.string(rng.int(1, 20), UNICODE);
    case 8:
      return rng.string(rng.int(1000, 20_000));
    case 9:
      return rng.pick(HOSTILE_STRINGS);
    case 10:
      return Array.from({ length: rng.int(0, 5) }, () => junk(rng, depth + 1));
    case 11:
      return Object.fromEntries(Array.from({ length: rng.int(0, 5) }, () => [rng.pick(ODD_KEYS), junk(rng, depth + 1)]));
    // fromEntries defines "__proto__" as an own key, so it reaches the server as a JSON key.
    default:
      return Object.fromEntries([
        ['__proto__', { polluted: true }],
        ['constructor', { prototype: { polluted: true } }],
      ]);
  }
}

/** A JS value as a GraphQL literal (JSON string syntax is valid GraphQL string syntax). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '1e999';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return `{${Object.entries(value as object)
    .map(([key, item]) => `${/^[_A-Za-z][_0-9A-Za-z]*$/.test(key) ? key : 'k'}: ${literal(item)}`)
    .join(', ')}}`;
}

// ---------------------------------------------------------------------------------------------------
// Requests

interface FuzzRequest {
  method: string;
  /** The query string, without "?", sent verbatim (it may be malformed on purpose). */
  search?: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Authorization header: undefined sends the valid token, null sends none. */
  auth?: string | null;
}

interface FuzzCase {
  category: string;
  label: string;
  request: FuzzRequest;
}

const ACCEPTS = ['application/json', 'application/graphql-response+json', 'application/graphql-response+json, application/json;q=0.9', '*/*'];

function jsonRequest(rng: Rng, payload: unknown, accept = rng.pick(ACCEPTS)): FuzzRequest {
  return { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: Buffer.from(JSON.stringify(payload)) };
}

function rawRequest(body: string | Buffer, contentType: string | undefined, accept = 'application/json'): FuzzRequest {
  return {
    method: 'POST',
    headers: { ...(contentType === undefined ? {} : { 'content-type': contentType }), accept },
    // A Buffer body, because fetch gives a string body a text/plain content type of its own.
    body: typeof body === 'string' ? Buffer.from(body) : body,
  };
}

/** Percent-encodes UTF-8 bytes (encodeURIComponent throws on a lone surrogate; this replaces it). */
const encode = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

// ---------------------------------------------------------------------------------------------------
// Fixtures: real ids, so bad values get past the first check and reach deeper validation

interface Fixtures {
  uplynk: string;
  /** A second Uplynk asset that the mutations may change, so the reads above see a stable one. */
  uplynkMutable: string;
  videoJungle: string;
  videoJungleUuid: string;
  twelveLabs: string;
  runway: string;
  project: string;
}

const Q = {
  asset: 'query($id: ID!) { asset(id: $id) { id name status provider } }',
  node: 'query($id: ID!) { node(id: $id) { id } }',
  project: 'query($id: ID!) { project(id: $id) { id name assetCount } }',
  nodes: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
  deleteAssets:
    'mutation($input: DeleteAssetsInput!) { deleteAssets(input: $input) { deletedIds userErrors { code field message } failedProviders { provider code message } } }',
  updateAsset: 'mutation($input: UpdateAssetInput!) { updateAsset(input: $input) { asset { id name } userErrors { code field message } } }',
  deleteProject: 'mutation($input: DeleteProjectInput!) { deleteProject(input: $input) { deletedProjectId userErrors { code field message } } }',
  frame: 'query($id: ID!, $at: Timecode!) { asset(id: $id) { id frame(at: $at) { at mimeType } } }',
  thumbnails: 'query($id: ID!, $start: Timecode!, $stop: Timecode) { asset(id: $id) { id thumbnails(start: $start, stop: $stop) { at } } }',
  changes: 'query($since: DateTime!) { changes(since: $since) { next start changes { action providerId } } }',
  renderEdit: 'mutation($input: RenderEditInput!) { renderEdit(input: $input) { editId asset { id status } userErrors { code field message } } }',
  upload: 'mutation($input: UploadAssetInput!) { uploadAsset(input: $input) { asset { id name } userErrors { code field message } } }',
  uploadTarget:
    'mutation($input: CreateUploadTargetInput!) { createUploadTarget(input: $input) { uploadTarget { method url uploadId } userErrors { code field message } } }',
  reportParts:
    'mutation($input: ReportUploadedPartsInput!) { reportUploadedParts(input: $input) { complete completedParts userErrors { code field message } } }',
  generate: 'mutation($input: GenerateAssetInput!) { generateAsset(input: $input) { asset { id } userErrors { code field message } } }',
  createProject: 'mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code field message } } }',
  assets:
    'query($p: Provider, $first: Int, $after: String, $filter: AssetFilter) { assets(provider: $p, first: $first, after: $after, filter: $filter) { totalCount edges { cursor } } }',
  byProviderId: 'query($p: Provider!, $pid: String!) { assetByProviderId(provider: $p, providerId: $pid) { id } }',
} as const;

// ---------------------------------------------------------------------------------------------------
// Generators, one per category. Each returns [label, request] pairs; labels say what was generated.

type Generated = [label: string, request: FuzzRequest];

/** A malformed global ID and what kind it is. */
function badId(rng: Rng, f: Fixtures): [string, unknown] {
  const kinds: [string, () => unknown][] = [
    ['random bytes', () => rng.bytes(rng.int(1, 64)).toString('latin1')],
    ['base64 of junk bytes', () => rng.bytes(rng.int(1, 64)).toString('base64')],
    ['base64 of an unknown type', () => b64(`${rng.pick(['Banana', 'Asset', 'User', '__typename', 'uplynkasset', 'UPLYNK', 'Node'])}:${rng.string(8)}`)],
    ['base64 without a colon', () => b64(rng.string(rng.int(1, 24)))],
    ['base64 of an empty id part', () => b64(`${rng.pick(TYPENAMES)}:`)],
    ['base64 of an empty type', () => b64(`:${rng.string(6)}`)],
    ['an ID of another type', () => rng.pick([f.project, globalId('Project', rng.string(8))])],
    [
      'a huge ID',
      () => rng.pick(['A'.repeat(rng.int(2049, 100_000)), b64(`UplynkAsset:${'x'.repeat(rng.int(1000, 1500))}`), b64(`Project:${rng.string(1500)}`)]),
    ],
    ['unicode', () => rng.string(rng.int(1, 30), UNICODE)],
    ['base64 of unicode', () => b64(`${rng.pick(TYPENAMES)}:${rng.string(10, UNICODE)}`)],
    ['empty or blank', () => rng.pick(['', ' ', '\n', '\t', '=', '==', '\u0000'])],
    ['bad base64 padding', () => rng.pick(['QQ=A', 'abc===', '====', 'A', 'QUJD=', `${b64('UplynkAsset:1')}=`, ` ${b64('UplynkAsset:1')}`])],
    [
      'a hostile provider id',
      () =>
        b64(
          `${rng.pick(TYPENAMES)}:${rng.pick(['../../admin', '..%2F..%2Fadmin', '?x=1&apiKey=1', '#frag', '%00', 'a/b/c', ' ', '\r\nX-Injected: 1', '*', '%', '${jndi:ldap://x}', '1 OR 1=1'])}`,
        ),
    ],
    ['base64url', () => Buffer.from(`${rng.pick(TYPENAMES)}:${rng.string(10)}~~?`).toString('base64url')],
    ['a JSON value that is not a string', () => rng.pick([123, 1.5, true, {}, [], [f.uplynk], { id: 'x' }, -0.0001])],
  ];
  const [kind, make] = rng.pick(kinds);
  return [kind, make()];
}

function idCases(rng: Rng, f: Fixtures, n: number): Generated[] {
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const [kind, id] = badId(rng, f);
    const templates: [string, () => FuzzRequest][] = [
      ['asset(id)', () => jsonRequest(rng, { query: Q.asset, variables: { id } })],
      ['node(id)', () => jsonRequest(rng, { query: Q.node, variables: { id } })],
      ['project(id)', () => jsonRequest(rng, { query: Q.project, variables: { id: id === f.project ? f.uplynk : id } })],
      ['nodes(ids) among real ones', () => jsonRequest(rng, { query: Q.nodes, variables: { ids: [f.uplynk, id, f.runway, id, f.project] } })],
      // Real asset ids never go into deleteAssets: the other cases read them.
      ['deleteAssets', () => jsonRequest(rng, { query: Q.deleteAssets, variables: { input: { ids: [id, id], force: rng.chance(0.5) } } })],
      ['updateAsset', () => jsonRequest(rng, { query: Q.updateAsset, variables: { input: { id, name: 'fuzz' } } })],
      ['deleteProject', () => jsonRequest(rng, { query: Q.deleteProject, variables: { input: { id: id === f.project ? f.uplynk : id } } })],
      ['an inline literal', () => jsonRequest(rng, { query: `{ asset(id: ${literal(id)}) { id } node(id: ${literal(id)}) { id } }` })],
    ];
    const [where, make] = rng.pick(templates);
    out.push([`${kind} in ${where}`, make()]);
  }
  return out;
}

function badTimecode(rng: Rng): unknown {
  if (rng.chance(0.6)) {
    return rng.pick<unknown>([
      -1,
      -0.5,
      1.5,
      2 ** 53,
      1e21,
      -(2 ** 31),
      '1:2',
      '00:61:00',
      '00:00:60',
      '-00:00:01',
      '00:00:00.1234',
      '1000:00:00',
      '',
      ' ',
      'soon',
      '00:00:00Z',
      '0x10',
      '1e3',
      'NaN',
      'Infinity',
      '٠٠:٠٠:٠٠',
      '00:00:00\n',
      '00:00:00.',
      ':::',
      '99',
      true,
      false,
      [],
      {},
      [0],
      { ms: 1 },
      null,
      '00:00:00'.repeat(1000),
    ]);
  }
  return rng.pick<() => unknown>([
    () => rng.string(rng.int(1, 12), [...'0123456789:.-+ eE']),
    () => -rng.int(1, 1e9),
    () => rng.next() * 1e6,
    () => rng.string(rng.int(1, 8), UNICODE),
    () => junk(rng),
  ])();
}

function timecodeCases(rng: Rng, f: Fixtures, n: number): Generated[] {
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const at = badTimecode(rng);
    const id = rng.chance(0.75) ? f.uplynk : rng.pick([f.videoJungle, f.twelveLabs, f.runway]);
    const form = rng.int(0, 4);
    if (form === 0 || form === 1) {
      out.push([`frame(at: ${JSON.stringify(at)?.slice(0, 40)}) as a variable`, jsonRequest(rng, { query: Q.frame, variables: { id, at } })]);
    } else if (form === 2) {
      const [start, stop] = rng.pick<[unknown, unknown]>([
        [at, undefined],
        [0, at],
        [at, at],
        [5000, 1000],
        [0, 1001],
        [2 ** 53, 2 ** 53 + 1000],
      ]);
      out.push([
        `thumbnails(start: ${JSON.stringify(start)?.slice(0, 30)}, stop: ${JSON.stringify(stop)?.slice(0, 30)})`,
        jsonRequest(rng, { query: Q.thumbnails, variables: { id, start, stop } }),
      ]);
    } else if (form === 3) {
      out.push([
        `frame(at: ${literal(at).slice(0, 40)}) as a literal`,
        jsonRequest(rng, { query: `query($id: ID!) { asset(id: $id) { id frame(at: ${literal(at)}) { at } } }`, variables: { id } }),
      ]);
    } else {
      const big = rng.pick(['99999999999999999999999', '-0', '1.0', '0.0e0', '"00:00:00" "00:00:01"', '$missing', 'ENUM_VALUE']);
      out.push([
        `thumbnails(start: ${big}) literal`,
        jsonRequest(rng, { query: `query($id: ID!) { asset(id: $id) { thumbnails(start: ${big}) { at } } }`, variables: { id } }),
      ]);
    }
  }
  return out;
}

function badDateTime(rng: Rng): unknown {
  if (rng.chance(0.6)) {
    return rng.pick<unknown>([
      '2026-01-01T00:00:00',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-01-32T00:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T23:59:60Z',
      '2026-01-01T00:00:00+25:00',
      '2026-01-01T00:00:00+05',
      '2026-01-01 00:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999999999Z',
      '+275760-09-13T00:00:00Z',
      '2026-01-01T00:00:00.Z',
      '2026-1-1T0:0:0Z',
      '',
      'now',
      'yesterday',
      '２０２６-01-01T00:00:00Z',
      `2026-01-01T00:00:00.${'9'.repeat(1000)}Z`,
      '2026-01-01T00:00:00Z\u0000',
      1_700_000_000_000,
      -1,
      true,
      {},
      [],
      ['2026-01-01T00:00:00Z'],
      null,
    ]);
  }
  // A valid instant with one character replaced or inserted.
  const valid = '2026-01-31T12:00:00.000Z';
  const at = rng.int(0, valid.length - 1);
  const char = rng.pick([...ASCII, ...UNICODE]);
  return rng.chance(0.5) ? valid.slice(0, at) + char + valid.slice(at + 1) : valid.slice(0, at) + char + valid.slice(at);
}

function dateTimeCases(rng: Rng, f: Fixtures, n: number): Generated[] {
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const value = badDateTime(rng);
    const shown = JSON.stringify(value)?.slice(0, 50);
    const form = rng.int(0, 2);
    if (form === 0) out.push([`changes(since: ${shown})`, jsonRequest(rng, { query: Q.changes, variables: { since: value } })]);
    else if (form === 1) out.push([`changes(since: ${shown}) literal`, jsonRequest(rng, { query: `{ changes(since: ${literal(value)}) { next } }` })]);
    else
      out.push([
        `updateAsset autoExpireAt ${shown}`,
        jsonRequest(rng, { query: Q.updateAsset, variables: { input: { id: f.uplynkMutable, autoExpireAt: value } } }),
      ]);
  }
  return out;
}

function badJson(rng: Rng): [string, unknown] {
  const nested = (depth: number, array: boolean) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = array ? [value] : { a: value };
    return value;
  };
  const kinds: [string, () => unknown][] = [
    ['deeply nested objects', () => nested(rng.int(500, 5000), false)],
    ['deeply nested arrays', () => nested(rng.int(500, 5000), true)],
    ['10,000 keys', () => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))],
    [
      'prototype keys',
      () =>
        Object.fromEntries([
          ['__proto__', { polluted: true }],
          ['constructor', 'x'],
          ['prototype', 1],
        ]),
    ],
    ['odd keys', () => Object.fromEntries(ODD_KEYS.map((k) => [k, rng.string(5)]))],
    ['a long key', () => ({ ['k'.repeat(rng.int(257, 50_000))]: 'v' })],
    ['a long value', () => ({ k: 'v'.repeat(rng.int(4097, 100_000)) })],
    ['nested values', () => ({ a: { b: [1, { c: null }] } })],
    ['a top-level scalar', () => rng.pick<unknown>([1, 'text', true, null, 1e308, -0])],
    ['a top-level array', () => [1, 'two', { three: 3 }]],
    ['random junk', () => junk(rng)],
  ];
  const [kind, make] = rng.pick(kinds);
  return [kind, make()];
}

function jsonScalarCases(rng: Rng, f: Fixtures, n: number): Generated[] {
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const [kind, value] = badJson(rng);
    const form = rng.int(0, 3);
    if (form === 0) {
      out.push([
        `${kind} as updateAsset metadata`,
        jsonRequest(rng, { query: Q.updateAsset, variables: { input: { id: rng.pick([f.uplynkMutable, f.twelveLabs, f.runway]), metadata: value } } }),
      ]);
    } else if (form === 1) {
      out.push([
        `${kind} as uploadAsset metadata`,
        jsonRequest(rng, { query: Q.upload, variables: { input: { provider: 'TWELVE_LABS', url: 'https://media.example/fuzz.mp4', metadata: value } } }),
      ]);
    } else if (form === 2) {
      // A JSON literal in the document with a variable inside it (valueFromASTUntyped resolves it).
      const text = kind.startsWith('deeply') || kind === '10,000 keys' ? '{a: {b: [1, $v]}}' : literal(value);
      out.push([
        `${kind} as a metadata literal`,
        jsonRequest(rng, {
          query: `mutation($v: JSON) { updateAsset(input: { id: ${literal(f.uplynkMutable)}, metadata: ${text} }) { userErrors { code field } } }`,
          variables: { v: value },
        }),
      ]);
    } else {
      out.push([
        `${kind} as a JSON variable of the wrong type`,
        jsonRequest(rng, { query: 'query($m: JSON) { providers { name } }', variables: { m: value } }),
      ]);
    }
  }
  return out;
}

function editCases(rng: Rng, f: Fixtures, n: number): Generated[] {
  const clip = () => ({
    videoId: f.videoJungleUuid,
    start: '00:00:00',
    end: '00:00:05',
    type: 'videofile',
    crop: { zoom: 1, positionX: 0, positionY: 0 },
    audioLevels: [{ level: 0.5 }],
  });
  const base = () => ({
    clips: [clip()],
    filename: 'fuzz.mp4',
    fps: 30,
    resolution: '1920x1080',
    outputFormat: 'mp4',
    version: '1.0',
    skipRendering: true,
    audioOverlays: [{ audioId: f.videoJungleUuid, type: 'music', start: '00:00:00', end: '00:00:02' }],
  });
  type Edit = Record<string, any>;
  /** The first clip, restored first when an earlier mutation of the same case replaced the clips. */
  const first = (e: Edit): Record<string, unknown> => {
    if (!Array.isArray(e.clips) || typeof e.clips[0] !== 'object' || e.clips[0] === null) e.clips = [clip()];
    return e.clips[0];
  };
  const mutations: [string, (edit: Edit) => void][] = [
    ['a required field omitted', (e) => delete e[rng.pick(['clips', 'filename', 'fps', 'resolution'])]],
    [
      'a top-level field set to junk',
      (e) => {
        e[rng.pick(Object.keys(base()))] = junk(rng);
      },
    ],
    [
      'an optional field set to junk',
      (e) => {
        e[rng.pick(['name', 'description', 'subtitleFromAudioOverlay', 'autoVerticalCrop'])] = junk(rng);
      },
    ],
    [
      'an unknown field',
      (e) => {
        e[rng.pick(['bogus', 'clipz', '__typename', 'id'])] = junk(rng);
      },
    ],
    [
      'no clips',
      (e) => {
        e.clips = [];
      },
    ],
    [
      '501 clips',
      (e) => {
        e.clips = Array.from({ length: 501 }, clip);
      },
    ],
    ['a clip field omitted', (e) => delete first(e)[rng.pick(['videoId', 'start', 'end', 'type'])]],
    [
      'a clip field set to junk',
      (e) => {
        first(e)[rng.pick(['videoId', 'start', 'end', 'type', 'crop', 'audioLevels'])] = junk(rng);
      },
    ],
    [
      'a bad clip timecode',
      (e) => {
        first(e)[rng.pick(['start', 'end'])] = rng.pick(['1:2', '00:00:60', '-00:00:01', '00:00:00.1234', '', '99:99:99', '0:00:01']);
      },
    ],
    [
      'a clip ending before it starts',
      (e) => {
        first(e).start = '00:00:09';
        first(e).end = rng.pick(['00:00:01', '00:00:09']);
      },
    ],
    [
      'a crop out of range',
      (e) => {
        first(e).crop = { zoom: rng.pick([0, 0.09, 10.01, -1, 1e308]), positionX: rng.pick([-1.01, 2, 0]), positionY: rng.pick([1.5, 0, -9]) };
      },
    ],
    [
      'an audio level out of range',
      (e) => {
        first(e).audioLevels = [{ level: rng.pick([-0.1, 1.1, 1e9]), start: '00:00:02', end: '00:00:01' }];
      },
    ],
    [
      '101 audio levels',
      (e) => {
        first(e).audioLevels = Array.from({ length: 101 }, () => ({ level: 0.5 }));
      },
    ],
    [
      'a videoId that is not Video Jungle',
      (e) => {
        first(e).videoId = rng.pick([f.uplynk, f.project, 'not-a-uuid', globalId('VideoJungleAsset', ''), rng.string(36)]);
      },
    ],
    [
      'audio overlays of junk',
      (e) => {
        e.audioOverlays = rng.pick<unknown>([[{}], [null], junk(rng), Array.from({ length: 101 }, () => ({ audioId: f.videoJungleUuid, type: 'music' }))]);
      },
    ],
    [
      'a bad resolution',
      (e) => {
        e.resolution = rng.pick(['1920X1080', '0x0', '1920x', 'x1080', '100000x100000', '1920 x 1080', '-1x-1', rng.string(9)]);
      },
    ],
    [
      'a bad fps',
      (e) => {
        e.fps = rng.pick<unknown>([0, -30, 121, 1e308, '30', null]);
      },
    ],
    [
      'a bad output format',
      (e) => {
        e.outputFormat = rng.pick(['gif', 'MP4', '', 'mp4 ', rng.string(5)]);
      },
    ],
    [
      'a bad autoVerticalCrop',
      (e) => {
        e.autoVerticalCrop = rng.pick(['standard', 'HUGE', '', 1]);
      },
    ],
    [
      'an over-long filename',
      (e) => {
        e.filename = rng.pick(['', '   ', 'f'.repeat(256), rng.string(300, UNICODE)]);
      },
    ],
  ];
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const edit: Edit = base();
    const labels: string[] = [];
    for (let m = rng.int(1, 3); m > 0; m--) {
      const [label, mutate] = rng.pick(mutations);
      labels.push(label);
      mutate(edit);
    }
    let projectId: unknown = f.project;
    if (rng.chance(0.15)) {
      const [kind, id] = badId(rng, f);
      projectId = id;
      labels.push(`projectId: ${kind}`);
    }
    const label = `renderEdit with ${labels.join(', ')}`;
    if (rng.chance(0.15)) {
      out.push([
        `${label} (inline literal)`,
        jsonRequest(rng, {
          query: `mutation { renderEdit(input: { projectId: ${literal(projectId)}, edit: ${literal(edit)} }) { editId userErrors { code field } } }`,
        }),
      ]);
    } else {
      out.push([label, jsonRequest(rng, { query: Q.renderEdit, variables: { input: { projectId, edit } } })]);
    }
  }
  return out;
}

function uploadCases(rng: Rng, f: Fixtures, n: number): Generated[] {
  const kinds: [string, () => [string, unknown]][] = [
    [
      'uploadAsset with a junk file variable',
      () => [
        Q.upload,
        {
          input: {
            provider: 'RUNWAY',
            file: rng.pick<unknown>(['a file', 0, {}, { stream: 1, size: 1 }, [], true, { name: 'x.png', size: 3, type: 'image/png' }]),
          },
        },
      ],
    ],
    [
      'uploadAsset with a junk provider',
      () => [Q.upload, { input: { provider: rng.pick<unknown>(['VIMEO', 'runway', '', 0, null, ['RUNWAY']]), url: 'https://media.example/a.mp4' } }],
    ],
    [
      'uploadAsset with a junk url',
      () => [
        Q.upload,
        {
          input: {
            provider: rng.pick(['TWELVE_LABS', 'RUNWAY', 'VIDEO_JUNGLE', 'UPLYNK']),
            url: rng.pick<unknown>([
              'ftp://x/a.mp4',
              'javascript:alert(1)',
              'http://',
              'https://',
              '//media.example/a.mp4',
              'https://[::1',
              `https://media.example/${'a'.repeat(10_000)}`,
              'http://169.254.169.254/latest/meta-data/',
              'file:///etc/passwd',
              rng.string(30),
              junk(rng),
            ]),
            projectId: rng.chance(0.5) ? f.project : undefined,
          },
        },
      ],
    ],
    [
      'uploadAsset with a junk filename',
      () => [
        Q.upload,
        {
          input: {
            provider: 'TWELVE_LABS',
            url: 'https://media.example/a.mp4',
            filename: rng.pick<unknown>(['', '   ', 'f'.repeat(256), '../../etc/passwd', 'a\u0000b.mp4', rng.string(20, UNICODE), junk(rng)]),
          },
        },
      ],
    ],
    ['uploadAsset with both file and url', () => [Q.upload, { input: { provider: 'RUNWAY', file: 'x', url: 'https://media.example/a.png' } }]],
    [
      'uploadAsset with a junk projectId',
      () => [Q.upload, { input: { provider: 'VIDEO_JUNGLE', url: 'https://youtube.com/watch?v=x', projectId: badId(rng, f)[1] } }],
    ],
    ['uploadAsset with junk input', () => [Q.upload, { input: junk(rng) }]],
    [
      'createUploadTarget with junk sizes',
      () => [
        Q.uploadTarget,
        {
          input: {
            provider: rng.pick(['TWELVE_LABS', 'VIDEO_JUNGLE', 'UPLYNK', 'RUNWAY']),
            filename: 'a.mp4',
            mimeType: 'video/mp4',
            sizeBytes: rng.pick<unknown>([-1, 0, 1e308, 2 ** 53 + 1, 0.5, '100', null]),
            projectId: f.project,
          },
        },
      ],
    ],
    [
      'createUploadTarget with junk names',
      () => [
        Q.uploadTarget,
        {
          input: {
            provider: 'TWELVE_LABS',
            filename: rng.pick<unknown>(['', 'f'.repeat(10_000), junk(rng)]),
            mimeType: rng.pick<unknown>(['', 'video', 'text/html', 'x'.repeat(5000), junk(rng)]),
            sizeBytes: 1000,
          },
        },
      ],
    ],
    [
      'reportUploadedParts with junk parts',
      () => [
        Q.reportParts,
        {
          input: {
            provider: rng.pick(['TWELVE_LABS', 'UPLYNK', 'RUNWAY']),
            uploadId: rng.pick<unknown>(['', 'nope', rng.string(64), '../../x', junk(rng)]),
            parts: rng.pick<unknown>([
              [],
              [{ partNumber: -1, etag: '', sizeBytes: -5 }],
              [{ partNumber: 2 ** 31, etag: 'e', sizeBytes: 1 }],
              [{ partNumber: 0, etag: rng.string(5000), sizeBytes: 1e308 }],
              junk(rng),
              [junk(rng)],
            ]),
          },
        },
      ],
    ],
    [
      'generateAsset with junk',
      () => [
        Q.generate,
        {
          input: {
            projectId: rng.chance(0.6) ? f.project : badId(rng, f)[1],
            scriptId: rng.pick<unknown>(['', 'nope', rng.string(100), junk(rng)]),
            parameters: rng.pick<unknown>([[], [{ name: '', value: '' }], [{ name: 'x' }], junk(rng)]),
            prompt: rng.pick<unknown>([undefined, '', 'p'.repeat(50_000), junk(rng)]),
          },
        },
      ],
    ],
    [
      'createProject with junk',
      () => [
        Q.createProject,
        {
          input: {
            name: rng.pick<unknown>(['', '   ', rng.string(20, UNICODE), junk(rng)]),
            description: junk(rng),
            generationMethod: rng.pick<unknown>(['nope', '', junk(rng)]),
            promptId: rng.pick<unknown>([undefined, 'x', junk(rng)]),
          },
        },
      ],
    ],
  ];
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const [label, make] = kinds[i % kinds.length]!;
    const [query, variables] = make();
    out.push([label, jsonRequest(rng, { query, variables })]);
  }
  return out;
}

interface Part {
  name: string;
  filename?: string;
  type?: string;
  data: string | Buffer;
  /** The part's header block verbatim (each line ending in the body's line ending). */
  rawHeaders?: string;
}

function multipartBody(boundary: string, parts: Part[], { close = true, eol = '\r\n' } = {}): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const headers =
      part.rawHeaders ??
      `Content-Disposition: form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}${eol}` +
        (part.type ? `Content-Type: ${part.type}${eol}` : '');
    chunks.push(Buffer.from(`--${boundary}${eol}${headers}${eol}`), Buffer.from(part.data), Buffer.from(eol));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--${eol}`));
  return Buffer.concat(chunks);
}

function multipartCases(rng: Rng, f: Fixtures, n: number): Generated[] {
  const png = Buffer.from(renderPng(8, 8, 3));
  const operations = (input: Record<string, unknown> = {}) =>
    JSON.stringify({ query: Q.upload, variables: { input: { provider: 'RUNWAY', file: null, ...input } } });
  const ops = (data: string | Buffer = operations()): Part => ({ name: 'operations', data });
  const map = (data: string | Buffer = '{"0":["variables.input.file"]}'): Part => ({ name: 'map', data });
  const file = (name = '0', data: Buffer = png): Part => ({ name, filename: 'still.png', type: 'image/png', data });
  const headers = (boundary: string, extra: Record<string, string> = {}) => ({
    'content-type': `multipart/form-data; boundary=${boundary}`,
    accept: 'application/json',
    'graphql-require-preflight': '1',
    ...extra,
  });
  const request = (boundary: string, body: Buffer, extra: Record<string, string> = {}): FuzzRequest => ({
    method: 'POST',
    headers: headers(boundary, extra),
    body,
  });

  const kinds: [string, (boundary: string) => FuzzRequest][] = [
    ['missing operations', (b) => request(b, multipartBody(b, [map(), file()]))],
    ['missing map', (b) => request(b, multipartBody(b, [ops(), file()]))],
    ['map that is not JSON', (b) => request(b, multipartBody(b, [ops(), map(rng.pick(['{', 'nope', '{"0": [', "{'0': []}", rng.string(20)])), file()]))],
    [
      'map of the wrong shape',
      (b) =>
        request(
          b,
          multipartBody(b, [
            ops(),
            map(
              rng.pick([
                '[]',
                '"x"',
                '5',
                'null',
                'true',
                '{"0":"variables.input.file"}',
                '{"0":[]}',
                '{"0":[5]}',
                '{"0":[null]}',
                '{"0":{}}',
                '{"0":5}',
                '{"0":["nope.path"]}',
                '{"0":["variables.input.file.deeper"]}',
                '{"0":["variables.__proto__.polluted"]}',
                '{"0":["__proto__.polluted"]}',
                '{"0":["constructor.prototype.polluted"]}',
                '{"0":["0.variables.input.file"]}',
                '{"":["variables.input.file"]}',
                '{"0":["variables.input.provider"]}',
                '{"0":["variables.input"]}',
                '{"0":["variables"]}',
                '{"0":["query"]}',
                '{"0":["variables.input.file","variables.input.file"]}',
                `{"0":["${'a.'.repeat(5000)}b"]}`,
                '{"0":[""]}',
                '{"0":["."]}',
              ]),
            ),
            file(),
          ]),
        ),
    ],
    ['map pointing at a missing file', (b) => request(b, multipartBody(b, [ops(), map(`{"${rng.pick(['7', 'x', 'file', '0 '])}":["variables.input.file"]}`)]))],
    [
      'operations that are not JSON',
      (b) => request(b, multipartBody(b, [ops(rng.pick(['{', '{query: "x"}', 'null null', rng.string(30), '\u0000'])), map(), file()])),
    ],
    [
      'operations of the wrong JSON type',
      (b) =>
        request(
          b,
          multipartBody(b, [
            ops(
              rng.pick([
                'null',
                '5',
                '"x"',
                'true',
                '[]',
                '[null]',
                '[5]',
                '{}',
                '{"query":5}',
                '[{"query":"{ __typename }"},7]',
                '{"query":"{ __typename }","variables":"x"}',
              ]),
            ),
            map(),
            file(),
          ]),
        ),
    ],
    [
      'a truncated body',
      (b) => {
        const whole = multipartBody(b, [ops(), map(), file()]);
        return request(b, whole.subarray(0, rng.int(1, whole.length - 1)));
      },
    ],
    ['no closing boundary', (b) => request(b, multipartBody(b, [ops(), map(), file()], { close: false }))],
    ['a boundary that does not match the header', (b) => request(b, multipartBody(`${b}x`, [ops(), map(), file()]))],
    [
      'no boundary parameter',
      (b) => ({
        ...request(b, multipartBody(b, [ops(), map(), file()])),
        headers: {
          ...headers(b),
          'content-type': rng.pick(['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary="unterminated']),
        },
      }),
    ],
    ['a huge field name', (b) => request(b, multipartBody(b, [ops(), map(), { ...file(), name: 'n'.repeat(rng.int(10_000, 200_000)) }]))],
    ['a huge file name', (b) => request(b, multipartBody(b, [ops(), map(), { ...file(), filename: rng.string(rng.int(10_000, 100_000)).replace(/"/g, '') }]))],
    ['too many files', (b) => request(b, multipartBody(b, [ops(), map(), ...Array.from({ length: rng.int(21, 30) }, (_, i) => file(String(i)))]))],
    [
      'too many fields',
      (b) => request(b, multipartBody(b, [ops(), map(), ...Array.from({ length: rng.int(51, 80) }, (_, i) => ({ name: `f${i}`, data: 'v' }))])),
    ],
    ['a field over 1 MB', (b) => request(b, multipartBody(b, [ops(operations({ filename: 'x'.repeat(1_100_000) })), map(), file()]))],
    [
      'a part without Content-Disposition',
      (b) => request(b, multipartBody(b, [ops(), map(), { name: '0', data: png, rawHeaders: 'Content-Type: image/png\r\n' }])),
    ],
    [
      'a junk Content-Disposition',
      (b) =>
        request(
          b,
          multipartBody(b, [
            ops(),
            map(),
            {
              name: '0',
              data: png,
              rawHeaders: `Content-Disposition: ${rng.pick(['', 'form-data', 'attachment', 'form-data; name=', 'form-data; name="', rng.string(40).replace(/[\r\n]/g, '')])}\r\n`,
            },
          ]),
        ),
    ],
    ['operations sent as a file', (b) => request(b, multipartBody(b, [{ ...ops(), filename: 'ops.json', type: 'application/json' }, map(), file()]))],
    ['map sent as a file', (b) => request(b, multipartBody(b, [ops(), { ...map(), filename: 'map.json', type: 'application/json' }, file()]))],
    [
      'junk between the parts',
      (b) => {
        const body = multipartBody(b, [ops(), map(), file()]);
        const at = rng.int(0, body.length);
        return request(b, Buffer.concat([body.subarray(0, at), rng.bytes(rng.int(1, 200)), body.subarray(at)]));
      },
    ],
    ['LF-only line endings', (b) => request(b, multipartBody(b, [ops(), map(), file()], { eol: '\n' }))],
    ['an empty body', (b) => request(b, Buffer.alloc(0))],
    ['a body of random bytes', (b) => request(b, rng.bytes(rng.int(1, 4000)))],
    [
      'a file mapped into a string variable',
      (b) => request(b, multipartBody(b, [ops(operations({ filename: null })), map('{"0":["variables.input.filename"]}'), file()])),
    ],
    [
      'a batch mapped with wrong indexes',
      (b) =>
        request(
          b,
          multipartBody(b, [
            ops(`[${operations()},${operations()}]`),
            map(
              rng.pick([
                '{"0":["2.variables.input.file"]}',
                '{"0":["-1.variables.input.file"]}',
                '{"0":["variables.input.file"]}',
                '{"0":["1.variables.input.file"]}',
              ]),
            ),
            file(),
          ]),
        ),
    ],
    [
      'no CSRF preflight header',
      (b) => ({
        ...request(b, multipartBody(b, [ops(), map(), file()])),
        headers: { 'content-type': `multipart/form-data; boundary=${b}`, accept: 'application/json' },
      }),
    ],
    [
      'a file on an operation that takes none',
      (b) => request(b, multipartBody(b, [ops('{"query":"{ __typename }"}'), map('{"0":["variables.file"]}'), file()])),
    ],
    ['an empty file', (b) => request(b, multipartBody(b, [ops(), map(), file('0', Buffer.alloc(0))]))],
    ['random bytes labelled image/png', (b) => request(b, multipartBody(b, [ops(), map(), file('0', rng.bytes(rng.int(1, 3000)))]))],
    ['duplicated operations fields', (b) => request(b, multipartBody(b, [ops(), ops('{"query":"{ nope }"}'), map(), file()]))],
    [
      'a file for a Video Jungle project that is not one',
      (b) => request(b, multipartBody(b, [ops(operations({ provider: 'VIDEO_JUNGLE', projectId: badId(rng, f)[1] })), map(), file()])),
    ],
  ];
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const [label, make] = kinds[i % kinds.length]!;
    out.push([`multipart: ${label}`, make(`----fuzz${rng.bytes(8).toString('hex')}`)]);
  }
  return out;
}

function oversizedCases(rng: Rng, f: Fixtures): Generated[] {
  const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
  const req = (payload: unknown) => jsonRequest(rng, payload);
  const clip = { videoId: f.videoJungleUuid, start: '00:00:00' };
  return [
    ['a 1 MB project name', req({ query: Q.createProject, variables: { input: { name: 'n'.repeat(1_000_000) } } })],
    ['a 1 MB search text', req({ query: Q.assets, variables: { p: 'UPLYNK', filter: { search: 's'.repeat(1_000_000) } } })],
    ['a 1 MB search text over every provider', req({ query: Q.assets, variables: { filter: { search: rng.string(1_000_000) } } })],
    ['nodes with 10,000 junk ids', req({ query: Q.nodes, variables: { ids: many(10_000, (i) => `junk-${i}`) } })],
    ['nodes with 5,001 well-formed ids', req({ query: Q.nodes, variables: { ids: many(5001, (i) => globalId('UplynkAsset', `fuzz${i}`)) } })],
    ['deleteAssets with 10,000 ids', req({ query: Q.deleteAssets, variables: { input: { ids: many(10_000, (i) => globalId('UplynkAsset', `gone${i}`)) } } })],
    [
      'renderEdit with 10,000 clips',
      req({
        query: Q.renderEdit,
        variables: { input: { projectId: f.project, edit: { clips: many(10_000, () => clip), filename: 'a.mp4', fps: 30, resolution: '1920x1080' } } },
      }),
    ],
    [
      'renderEdit with 10,000 audio levels',
      req({
        query: Q.renderEdit,
        variables: {
          input: {
            projectId: f.project,
            edit: { clips: [{ ...clip, audioLevels: many(10_000, () => ({ level: 0.5 })) }], filename: 'a.mp4', fps: 30, resolution: '1920x1080' },
          },
        },
      }),
    ],
    [
      'generateAsset with 10,000 parameters',
      req({
        query: Q.generate,
        variables: { input: { projectId: f.project, scriptId: 's', parameters: many(10_000, (i) => ({ name: `p${i}`, value: 'v' })) } },
      }),
    ],
    [
      'reportUploadedParts with 10,000 parts',
      req({
        query: Q.reportParts,
        variables: { input: { provider: 'TWELVE_LABS', uploadId: 'nope', parts: many(10_000, (i) => ({ partNumber: i + 1, etag: 'e', sizeBytes: 1 })) } },
      }),
    ],
    ['10,000 unused variables', req({ query: '{ providers { name } }', variables: Object.fromEntries(many(10_000, (i) => [`v${i}`, i])) })],
    ['a 5 MB poster image', req({ query: Q.updateAsset, variables: { input: { id: f.uplynkMutable, posterImage: 'A'.repeat(5_000_000) } } })],
    ['a 1 MB upload url', req({ query: Q.upload, variables: { input: { provider: 'TWELVE_LABS', url: `https://media.example/${'u'.repeat(1_000_000)}` } } })],
    [
      'a 100 KB filename',
      req({ query: Q.upload, variables: { input: { provider: 'TWELVE_LABS', url: 'https://media.example/a.mp4', filename: 'f'.repeat(100_000) } } }),
    ],
    ['a 100 KB operation name', req({ query: '{ __typename }', operationName: 'O'.repeat(100_000) })],
    ['a 1 MB ID', req({ query: Q.asset, variables: { id: 'A'.repeat(1_000_000) } })],
    ['a 1 MB timecode', req({ query: Q.frame, variables: { id: f.uplynk, at: '0'.repeat(1_000_000) } })],
    ['a 1 MB DateTime', req({ query: Q.changes, variables: { since: `2026-01-01T00:00:00.${'1'.repeat(1_000_000)}Z` } })],
    [
      'metadata with 10,000 keys',
      req({ query: Q.updateAsset, variables: { input: { id: f.uplynkMutable, metadata: Object.fromEntries(many(10_000, (i) => [`k${i}`, 'v'])) } } }),
    ],
    ['metadata that is a 10,000-item list', req({ query: Q.updateAsset, variables: { input: { id: f.uplynkMutable, metadata: many(10_000, (i) => i) } } })],
    ['a 26 MB body (over the request body limit)', req({ query: '{ __typename }', variables: { x: 'y'.repeat(26_000_000) } })],
    [
      'an Int of 1e400 (Infinity after JSON parsing)',
      rawRequest(`{"query":${JSON.stringify(Q.assets)},"variables":{"p":"UPLYNK","first":1e400}}`, 'application/json'),
    ],
    [
      'a Float of -1e400',
      rawRequest(
        `{"query":${JSON.stringify(Q.uploadTarget)},"variables":{"input":{"provider":"TWELVE_LABS","filename":"a.mp4","mimeType":"video/mp4","sizeBytes":-1e400}}}`,
        'application/json',
      ),
    ],
    ['an Int over 32 bits', req({ query: Q.assets, variables: { p: 'UPLYNK', first: rng.pick([2 ** 31, 1e20, -(2 ** 31) - 1]) } })],
    ['1 MB of comments around a query', req({ query: `# ${'c'.repeat(1_000_000)}\n{ __typename }` })],
    ['a 1 MB string literal', req({ query: `{ assets(provider: UPLYNK, filter: { search: "${'x'.repeat(1_000_000)}" }) { totalCount } }` })],
    ['a batch of 10 with 10,000-item lists', req(many(10, () => ({ query: Q.nodes, variables: { ids: many(10_000, (i) => `j${i}`) } })))],
    ['a 1 MB JSON string variable', req({ query: 'query($m: JSON) { __typename }', variables: { m: 'm'.repeat(1_000_000) } })],
    ['an 8 KB bearer token', { ...req({ query: '{ __typename }' }), auth: `Bearer ${'t'.repeat(8000)}` }],
    [
      'a 2 MB multipart file mapped nowhere',
      (() => {
        const boundary = 'fuzzbig';
        const body = multipartBody(boundary, [
          { name: 'operations', data: '{"query":"{ __typename }"}' },
          { name: 'map', data: '{}' },
          { name: '0', filename: 'big.bin', type: 'application/octet-stream', data: rng.bytes(2_000_000) },
        ]);
        return {
          method: 'POST',
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'application/json', 'graphql-require-preflight': '1' },
          body,
        } satisfies FuzzRequest;
      })(),
    ],
  ];
}

function deepWideCases(rng: Rng): Generated[] {
  /**
   * projects → assets → project → assets …: graphql-armor counts 3 levels a round plus 3, so 4 rounds
   * sit exactly at the default depth limit of 15 and 5 are over it. Only queries over a limit are
   * generated: one under them all but fanning out through real lists is a load test, not bad input.
   */
  const deep = (rounds: number) => `{ projects { nodes { ${'assets { nodes { project { '.repeat(rounds)}id${' } } }'.repeat(rounds)} } } }`;
  const req = (query: string, variables?: unknown) => jsonRequest(rng, { query, variables });
  const out: Generated[] = [];
  for (const rounds of [5, 8, 12, 30]) out.push([`${rounds} rounds of projects → assets → project`, req(deep(rounds))]);
  const fragments = (n: number) =>
    `{ projects { ...F0 } } ${Array.from({ length: n }, (_, i) => `fragment F${i} on ProjectConnection { nodes { assets { ${i + 1 < n ? `...A${i}` : 'totalCount'} } } } fragment A${i} on VideoJungleAssetConnection { nodes { project { assets { ${i + 1 < n ? `nodes { project { id } } ` : ''}totalCount } } } }`).join(' ')}`;
  out.push(['depth hidden in fragments', req(fragments(6))]);
  out.push(['a fragment cycle', req('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }')]);
  out.push([
    'a self-referencing fragment',
    req(
      '{ projects { ...P } } fragment P on ProjectConnection { nodes { assets { nodes { project { assets { ...Q } } } } } } fragment Q on VideoJungleAssetConnection { ...Q }',
    ),
  ]);
  for (const n of [31, 100, 500, 1500]) out.push([`${n} aliases`, req(`{ ${Array.from({ length: n }, (_, i) => `a${i}: providers { name }`).join(' ')} }`)]);
  for (const n of [5001, 20_000, 100_000]) out.push([`${n} tokens`, req(`{ ${'__typename '.repeat(n)} }`)]);
  for (const n of [51, 400]) out.push([`${n} directives`, req(`{ providers { name ${'@include(if: true) '.repeat(n)} } }`)]);
  out.push([
    'cost: 12 wide connections',
    req(
      `{ ${Array.from({ length: 12 }, (_, i) => `p${i}: projects(first: 100) { nodes { assets(first: 100) { nodes { id name status url } } } }`).join(' ')} }`,
    ),
  ]);
  out.push([
    'cost: nested first: 100 lists',
    req(
      '{ assets(first: 100) { nodes { ... on VideoJungleAsset { project { assets(first: 100) { nodes { project { assets(first: 100) { nodes { id } } } } } } } } } }',
    ),
  ]);
  out.push(['1,500 levels of unknown fields', req(`{ ${'a { '.repeat(1500)}b${' }'.repeat(1500)} }`)]);
  out.push(['a list type 1,000 deep', req(`query($v: ${'['.repeat(1000)}ID${']'.repeat(1000)}) { __typename }`)]);
  out.push(['a list type 4,000 deep (over the token limit)', req(`query($v: ${'['.repeat(4000)}ID${']'.repeat(4000)}) { __typename }`)]);
  // 2,400 levels is as deep as nesting gets inside the 5,000-token limit (2 tokens a level).
  out.push(['a list type 2,400 deep', req(`query($v: ${'['.repeat(2400)}ID${']'.repeat(2400)}) { __typename }`)]);
  out.push([
    'an input literal 1,000 deep',
    req(`mutation { updateAsset(input: { id: "x", metadata: ${'{a: '.repeat(1000)}1${'}'.repeat(1000)} }) { userErrors { code } } }`),
  ]);
  out.push(['a list literal 2,400 deep', req(`{ nodes(ids: ${'['.repeat(2400)}"x"${']'.repeat(2400)}) { id } }`)]);
  out.push(['one field selected 4,000 times', req(`{ providers { ${'name '.repeat(4000)} } }`)]);
  out.push(['introspection 200 ofType deep', req(`{ __type(name: "Asset") { fields { type { ${'ofType { '.repeat(200)}name${' }'.repeat(200)} } } } }`)]);
  for (const k of [2, 3, 5])
    out.push([`introspection fields nested ${k} times`, req(`{ __schema { types { ${'fields { type { '.repeat(k)}name${' } }'.repeat(k)} } } }`)]);
  out.push([
    'introspection interfaces/possibleTypes nested 8 times',
    req(`{ __schema { types { ${'interfaces { possibleTypes { '.repeat(8)}name${' } }'.repeat(8)} } } }`),
  ]);
  out.push(['1,000 anonymous operations', req('{ __typename } '.repeat(1000))]);
  out.push(['1,000 named operations, none chosen', req(Array.from({ length: 1000 }, (_, i) => `query Q${i} { __typename }`).join(' '))]);
  out.push(['2,000 unused fragments', req(`{ __typename } ${Array.from({ length: 2000 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}`)]);
  out.push(['1,500 variables', req(`query(${Array.from({ length: 1500 }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }`)]);
  // Random mixes of depth and aliases, each over at least one limit: too deep, or too many aliases.
  while (out.length < 42) {
    const tooDeep = rng.chance(0.5);
    const rounds = tooDeep ? rng.int(5, 8) : rng.int(1, 2);
    const aliases = tooDeep ? rng.int(1, 40) : rng.int(31, 60);
    const body = Array.from({ length: aliases }, (_, i) => `x${i}: ${deep(rounds).slice(2, -2)}`).join(' ');
    out.push([`${aliases} aliases of ${rounds} rounds of projects → assets → project`, req(`{ ${body} }`)]);
  }
  return out;
}

function invalidJsonCases(rng: Rng): Generated[] {
  const valid = JSON.stringify({ query: 'query($id: ID!) { asset(id: $id) { id } }', variables: { id: 'x' }, operationName: null });
  const fixed: [string, string | Buffer][] = [
    ['an empty body', ''],
    ['whitespace', '  \n\t '],
    ['an open brace', '{'],
    ['a close brace', '}'],
    ['a missing value', '{"query":}'],
    ['single quotes', "{'query':'{ __typename }'}"],
    ['a trailing comma', '{"query":"{ __typename }",}'],
    ['NaN', '{"query":"query($f: Int) { assets(first: $f) { totalCount } }","variables":{"f":NaN}}'],
    ['a BOM before the JSON', '\ufeff{"query":"{ __typename }"}'],
    ['a NUL byte', '\u0000'],
    ['trailing garbage', '{"query":"{ __typename }"}garbage'],
    ['two documents', '{"query":"{ __typename }"}{"query":"{ __typename }"}'],
    ['duplicate keys', '{"query":"{ __typename }","query":"{ nope }"}'],
    ['an escaped lone surrogate', '{"query":"{ asset(id: \\"\\ud800\\") { id } }"}'],
    ['a bad escape', '{"query":"\\x41"}'],
    ['an unterminated string', '{"query":"{ __typename }'],
    ['100,000 nested arrays', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['100,000 nested objects, unterminated', '{"a":'.repeat(100_000)],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x22, 0x7d])],
    ['UTF-16', Buffer.from('{"query":"{ __typename }"}', 'utf16le')],
    ['a number with 100,000 digits', `{"query":"{ __typename }","variables":{"n":${'9'.repeat(100_000)}}}`],
    ['a JSON string', '"{ __typename }"'],
    ['JSON true', 'true'],
    ['JSON null', 'null'],
    ['variables as a JSON string', '{"query":"{ __typename }","variables":"{\\"a\\":1}"}'],
    ['the query as an object', '{"query":{"kind":"Document","definitions":[]}}'],
    ['the query as a number', '{"query":5}'],
    ['a comment in the JSON', '{/* c */"query":"{ __typename }"}'],
    ['unknown parameters', '{"query":"{ __typename }","documentId":"x","foo":1}'],
  ];
  const out: Generated[] = fixed.map(([label, body]) => [label, rawRequest(body, 'application/json', rng.pick(ACCEPTS))]);
  while (out.length < 45) {
    const kind = rng.int(0, 2);
    if (kind === 0) {
      const at = rng.int(1, valid.length - 1);
      out.push([`a valid body cut at byte ${at}`, rawRequest(valid.slice(0, at), 'application/json')]);
    } else if (kind === 1) {
      const bytes = Buffer.from(valid);
      for (let m = rng.int(1, 4); m > 0; m--) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
      out.push(['a valid body with random bytes changed', rawRequest(bytes, 'application/json')]);
    } else {
      out.push(['random bytes', rawRequest(rng.bytes(rng.int(1, 2000)), 'application/json')]);
    }
  }
  return out;
}

function contentTypeCases(rng: Rng): Generated[] {
  const body = '{"query":"{ providers { name } }"}';
  const contentTypes: (string | undefined)[] = [
    undefined,
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/xml',
    'application/jsonp',
    'application/json-patch+json',
    'application/x-json',
    'APPLICATION/JSON',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json;;;',
    'json',
    '*/*',
    'application/*',
    'multipart/mixed; boundary=x',
    'application/x-www-form-urlencoded',
    'application/graphql',
    'application/graphql+json',
    'application/graphql-response+json',
    '%%%/;;;',
    `application/${'a'.repeat(4000)}`,
    'application/json, text/plain',
    'image/png',
    'application/octet-stream',
    '',
  ];
  const out: Generated[] = contentTypes.map((type) => [`content-type ${JSON.stringify(type)?.slice(0, 60) ?? 'absent'}`, rawRequest(body, type)]);
  const accepts = [
    'application/xml',
    'text/html',
    'image/*',
    'application/json;q=0',
    'text/plain',
    'application/xml, text/csv',
    rng.string(20).replace(/[\r\n]/g, ''),
  ];
  for (const accept of accepts) out.push([`accept ${JSON.stringify(accept)}`, rawRequest(body, 'application/json', accept)]);
  const urlEncoded = [
    'query=%%%',
    'query=%7B__typename%7D&variables=%7B',
    'query=%7B__typename%7D&variables=nope',
    'query=%7B__typename%7D&extensions=%5B',
    'query=',
    '&&&=&',
    'variables=%7B%7D',
    `query=${encode('{ __typename }')}&operationName=${encode(rng.string(10, UNICODE))}`,
  ];
  for (const form of urlEncoded) out.push([`form-urlencoded ${form.slice(0, 60)}`, rawRequest(form, 'application/x-www-form-urlencoded')]);
  for (const text of ['{ nope', '', 'mutation { deleteProject(input: {id: "x"}) { deletedProjectId } }', rng.string(200)]) {
    out.push([`application/graphql body ${JSON.stringify(text.slice(0, 40))}`, rawRequest(text, 'application/graphql')]);
  }
  // A subscription asked for as plain JSON cannot be streamed: it needs a coded refusal, not a dangling stream.
  for (const accept of ['application/json', 'application/graphql-response+json']) {
    out.push([`a subscription with accept ${accept}`, rawRequest('{"query":"subscription { assetChanges { at } }"}', 'application/json', accept)]);
  }
  out.push(['PUT', { ...rawRequest(body, 'application/json'), method: 'PUT' }]);
  out.push(['PATCH', { ...rawRequest(body, 'application/json'), method: 'PATCH' }]);
  out.push(['DELETE', { method: 'DELETE', headers: { accept: 'application/json' } }]);
  return out;
}

function getCases(rng: Rng): Generated[] {
  const q = encode('{ providers { name } }');
  const fixed = [
    '',
    'query',
    'query=',
    'query=%',
    'query=%%%',
    'query=%E0%A4%A',
    'query=%00',
    `query=${q}&variables=%7B`,
    `query=${q}&variables=nope`,
    `query=${q}&variables=%5B%5D`,
    `query=${q}&variables=5`,
    `query=${q}&variables=null`,
    `query=${q}&extensions=%7B`,
    `query=${q}&extensions=%5B1%5D`,
    `query=${q}&operationName=%00`,
    `query=${q}&operationName=Nope`,
    `query=${encode('mutation { deleteProject(input: {id: "x"}) { deletedProjectId } }')}`,
    `query=${q}&query=${encode('{ nope }')}`,
    'query[]=x',
    '=&&&=',
    'variables=%7B%7D',
    `query=${'%41'.repeat(2000)}`,
    `query=${encode('{ asset(id: "x") { id } }')}&variables=${encode('{"id": {"$gt": ""}}')}`, // Long, but under Node's 16 KB header limit (past it Node itself answers 431 before the app sees anything).
    `query=${encode(`{ ${'__typename '.repeat(350)}}`)}`,
    `query=${encode('query($id: ID!) { asset(id: $id) { id } }')}&variables=${encode('{"id": 5}')}`,
    `query=${q}&extensions=${encode('{"persistedQuery":{"version":1,"sha256Hash":"x"}}')}`,
  ];
  const out: Generated[] = fixed.map((search) => [`GET ?${search.slice(0, 80)}`, { method: 'GET', search, headers: { accept: rng.pick(ACCEPTS) } }]);
  while (out.length < 42) {
    const kind = rng.int(0, 3);
    let search: string;
    if (kind === 0) search = [...rng.bytes(rng.int(1, 300))].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    else if (kind === 1) search = `query=${encode(rng.string(rng.int(1, 200)))}&variables=${encode(JSON.stringify(junk(rng)) ?? '')}`;
    else if (kind === 2) search = `query=${q}&variables=${encode(rng.string(rng.int(1, 50)))}&operationName=${encode(rng.string(rng.int(0, 20), UNICODE))}`;
    else search = rng.string(rng.int(1, 300), [...'=&?%+#;', ...'abcxyz019']).replace(/#/g, '%23');
    out.push([`GET ?${search.slice(0, 80)}`, { method: 'GET', search, headers: { accept: rng.pick(ACCEPTS) } }]);
  }
  return out;
}

function batchCases(rng: Rng, f: Fixtures, n: number): Generated[] {
  const entries: (() => unknown)[] = [
    () => null,
    () => rng.int(-5, 5),
    () => rng.string(10),
    () => [],
    () => [{ query: '{ __typename }' }],
    () => ({}),
    () => ({ query: 5 }),
    () => ({ query: '{ __typename }', extra: 1 }),
    () => ({ query: '{ providers { name } }' }),
    () => ({ query: Q.asset, variables: { id: badId(rng, f)[1] } }),
    () => ({ query: '{ __typename }', variables: junk(rng) }),
    () => ({ query: '{ nope }' }),
    () => ({ operationName: 'x' }),
    () => junk(rng),
    () => ({ query: 'subscription { assetChanges { at } }' }),
  ];
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const length = rng.pick([0, 1, 2, 3, 5, 10, 11, 50]);
    const batch = Array.from({ length }, () => rng.pick(entries)());
    // A subscription inside a batch, asked for as plain JSON, must not start a stream.
    out.push([`a batch of ${length}: ${JSON.stringify(batch).slice(0, 120)}`, jsonRequest(rng, batch, 'application/json')]);
  }
  return out;
}

function operationNameCases(rng: Rng, f: Fixtures, n: number): Generated[] {
  const documents = [
    'query A { providers { name } }',
    'query A { providers { name } } query B { __typename }',
    '{ __typename }',
    '{ __typename } query A { __typename }',
    'query A($id: ID!) { asset(id: $id) { id } } mutation B($input: DeleteProjectInput!) { deleteProject(input: $input) { deletedProjectId } }',
    'fragment F on Query { __typename }',
    '',
    'query A { ...F } fragment F on Query { providers { name } }',
    'subscription S { assetChanges { at } }',
    'query A($id: ID!, $at: Timecode!) { asset(id: $id) { frame(at: $at) { at } } }',
  ];
  const names: unknown[] = [undefined, null, '', 'A', 'B', 'C', 'S', 'a', ' A', 'A ', '__proto__', 'constructor', 5, true, {}, ['A'], 'O'.repeat(10_000)];
  const variables: (() => unknown)[] = [
    () => undefined,
    () => null,
    () => ({}),
    () => junk(rng),
    () => ({ id: badId(rng, f)[1] }),
    () => [1, 2],
    () => 'vars',
    () => 7,
    () => Object.fromEntries([['__proto__', { id: f.uplynk }]]),
    () => ({ unknown: 1, id: f.uplynk }),
    () => ({ id: f.uplynk, at: badTimecode(rng), input: { id: badId(rng, f)[1] } }),
  ];
  const out: Generated[] = [];
  for (let i = 0; i < n; i++) {
    const query = rng.pick(documents);
    const operationName = rng.chance(0.3) ? rng.string(rng.int(1, 30), rng.chance(0.5) ? UNICODE : ASCII) : rng.pick(names);
    const vars = rng.pick(variables)();
    // Subscriptions go out as plain JSON only: with */* yoga would rightly answer with an open SSE stream.
    const accept = query.startsWith('subscription') ? 'application/json' : rng.pick(ACCEPTS);
    out.push([
      `operationName ${JSON.stringify(operationName)?.slice(0, 40)} on ${JSON.stringify(query.slice(0, 50))} with variables ${JSON.stringify(vars)?.slice(0, 60)}`,
      jsonRequest(rng, { query, operationName, variables: vars }, accept),
    ]);
  }
  return out;
}

function authCases(rng: Rng, f: Fixtures): Generated[] {
  const bad: (string | null)[] = [
    null,
    '',
    'Bearer',
    'Bearer ',
    'Bearer wrong-token',
    'Basic dXNlcjpwYXNz',
    TOKEN,
    `Bearer ${TOKEN} extra`,
    `Bearer ${TOKEN}x`,
    `Bearer ${TOKEN.slice(0, -1)}`,
    `Bearer ${TOKEN.toUpperCase()}`,
    `Bearer  ${TOKEN}x`,
    `Bearer ${TOKEN},${TOKEN}x`,
    'Bearer null',
    `Bearer ${'x'.repeat(4000)}`,
    'Bearer \u00ff\u00fe',
    'Digest username="a"',
    `Token ${TOKEN}`,
    'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
  ];
  const requests: (() => FuzzRequest)[] = [
    () => jsonRequest(rng, { query: '{ providers { name } }' }),
    () => jsonRequest(rng, { query: Q.asset, variables: { id: badId(rng, f)[1] } }),
    () => jsonRequest(rng, { query: Q.deleteAssets, variables: { input: { ids: [globalId('UplynkAsset', 'x')] } } }),
    () => rawRequest('{"query":', 'application/json'),
    () => ({ method: 'GET', search: 'query=%7B__typename%7D', headers: { accept: 'application/json' } }),
    () => ({
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', accept: 'application/json', 'graphql-require-preflight': '1' },
      body: Buffer.from('--x\r\n'),
    }),
  ];
  return bad.map((auth, i) => {
    const request = requests[i % requests.length]!();
    return [`authorization ${JSON.stringify(auth)?.slice(0, 50) ?? 'absent'} (${request.method})`, { ...request, auth }];
  });
}

// ---------------------------------------------------------------------------------------------------
// Running and checking

interface Outcome {
  status?: number;
  contentType?: string | null;
  text?: string;
  error?: string;
}

let h: Harness;
let endpoint: string;
const logs = captureLines();
let fixtures: Fixtures;
const categories = new Map<string, FuzzCase[]>();

const CATEGORY_NAMES = [
  'malformed global IDs',
  'bad Timecodes',
  'bad DateTimes',
  'JSON scalar junk',
  'malformed VideoEditInput documents',
  'bad upload inputs',
  'malformed multipart bodies',
  'oversized values',
  'deep and wide queries',
  'invalid JSON bodies',
  'wrong content types and methods',
  'GET with junk query strings',
  'batches with junk entries',
  'random operation names and variables',
  'bad and absent tokens',
] as const;

function generate(name: (typeof CATEGORY_NAMES)[number], f: Fixtures): Generated[] {
  const rng = new Rng(seedOf(name));
  switch (name) {
    case 'malformed global IDs':
      return idCases(rng, f, 70);
    case 'bad Timecodes':
      return timecodeCases(rng, f, 50);
    case 'bad DateTimes':
      return dateTimeCases(rng, f, 40);
    case 'JSON scalar junk':
      return jsonScalarCases(rng, f, 40);
    case 'malformed VideoEditInput documents':
      return editCases(rng, f, 80);
    case 'bad upload inputs':
      return uploadCases(rng, f, 48);
    case 'malformed multipart bodies':
      return multipartCases(rng, f, 64);
    case 'oversized values':
      return oversizedCases(rng, f);
    case 'deep and wide queries':
      return deepWideCases(rng);
    case 'invalid JSON bodies':
      return invalidJsonCases(rng);
    case 'wrong content types and methods':
      return contentTypeCases(rng);
    case 'GET with junk query strings':
      return getCases(rng);
    case 'batches with junk entries':
      return batchCases(rng, f, 30);
    case 'random operation names and variables':
      return operationNameCases(rng, f, 40);
    case 'bad and absent tokens':
      return authCases(rng, f);
  }
}

async function send(request: FuzzRequest): Promise<Outcome> {
  const headers = { ...request.headers };
  const auth = request.auth === undefined ? `Bearer ${TOKEN}` : request.auth;
  if (auth !== null) headers.authorization = auth;
  try {
    const res = await fetch(`${endpoint}${request.search === undefined ? '' : `?${request.search}`}`, {
      method: request.method,
      headers,
      // A copy typed over a plain ArrayBuffer, which is what fetch's BodyInit accepts.
      body: request.body === undefined ? undefined : new Uint8Array(request.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
  } catch (error) {
    return {
      error: `${(error as Error).name}: ${(error as Error).message}${(error as { cause?: Error }).cause ? ` (${(error as { cause: Error }).cause.message})` : ''}`,
    };
  }
}

/** What is wrong with one response, by the rules every response must follow (empty when nothing). */
function problemsOf(outcome: Outcome): string[] {
  if (outcome.error !== undefined) return [`no response: ${outcome.error}`];
  const { status = 0, text = '', contentType } = outcome;
  return responseProblems(status, text, contentType ?? null, secrets);
}

/** The input, as exactly as fits on a line: enough to send it again by hand. */
function describeCase(c: FuzzCase): string {
  const { method, search, headers, body, auth } = c.request;
  const shownBody = body === undefined ? '' : ` body(${body.length} bytes)=${JSON.stringify(body.toString('utf8').slice(0, 800))}`;
  return `[${c.category}] ${c.label} :: ${method}${search === undefined ? '' : ` ?${search.slice(0, 200)}`} headers=${JSON.stringify(headers).slice(0, 200)}${auth === undefined ? '' : ` authorization=${JSON.stringify(auth)?.slice(0, 60) ?? 'absent'}`}${shownBody}`;
}

/** Sends every case, CONCURRENCY at a time, and lists the failures with their inputs. */
async function run(cases: FuzzCase[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      const problems = problemsOf(await send(c.request));
      if (problems.length > 0) failures.push(`${problems.join('; ')}\n    input: ${describeCase(c)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

beforeAll(async () => {
  h = await startHarness({ env: { API_TOKENS: TOKEN }, token: TOKEN, logger: createLogger('debug', logs) });
  endpoint = `${h.url}/graphql`;
  const [uplynk, uplynkMutable] = (await assetIds(h, 'UPLYNK', 2)) as [string, string];
  const [videoJungle] = (await assetIds(h, 'VIDEO_JUNGLE', 1)) as [string];
  const [twelveLabs] = (await assetIds(h, 'TWELVE_LABS', 1)) as [string];
  const [runway] = (await assetIds(h, 'RUNWAY', 1)) as [string];
  const vj = await h.gql(`query($id: ID!) { asset(id: $id) { providerId } }`, { id: videoJungle });
  const projects = await h.gql(`{ projects(first: 1) { nodes { id } } }`);
  fixtures = {
    uplynk,
    uplynkMutable,
    videoJungle,
    videoJungleUuid: vj.data!.asset.providerId,
    twelveLabs,
    runway,
    project: projects.data!.projects.nodes[0].id,
  };
  for (const name of CATEGORY_NAMES) {
    const rng = new Rng(seedOf(`${name}:auth`));
    categories.set(
      name,
      generate(name, fixtures).map(([label, request]) => {
        // A few of every category go with a missing or wrong token: they must be refused just as cleanly.
        if (request.auth !== undefined || !rng.chance(0.04)) return { category: name, label, request };
        const auth = rng.pick([null, 'Bearer not-the-token']);
        return { category: name, label: `${label} (authorization ${auth === null ? 'absent' : 'wrong'})`, request: { ...request, auth } };
      }),
    );
  }
});
afterAll(() => h?.stop());

describe('fuzz: generated bad inputs get only well-formed GraphQL errors', () => {
  for (const name of CATEGORY_NAMES) {
    it(name, async () => {
      const failures = await run(categories.get(name)!);
      // The count alone is compared, so the report lists each failing input once, in the message.
      expect(failures.length, `${failures.length} of ${categories.get(name)!.length} inputs failed:\n${failures.join('\n')}\n`).toBe(0);
    });
  }

  it('generated at least 500 inputs, deterministically', () => {
    const total = [...categories.values()].reduce((n, list) => n + list.length, 0);
    expect(total).toBeGreaterThanOrEqual(500);
    // The same seed gives the same inputs: regenerate one category and compare.
    const again = generate('malformed VideoEditInput documents', fixtures).map(([label, request]) => `${label}${request.body?.toString('base64')}`);
    const first = categories
      .get('malformed VideoEditInput documents')!
      .map((c) => `${c.label.replace(/ \(authorization (absent|wrong)\)$/, '')}${c.request.body?.toString('base64')}`);
    expect(again).toEqual(first);
  });

  it('leaves the server answering, with no secret in any log line and no polluted prototype', async () => {
    const res = await postGraphQL(endpoint, '{ providers { provider enabled } }', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ providers: expect.arrayContaining([{ provider: 'UPLYNK', enabled: true }]) });
    // Every request logged at least its "request completed" line, so the capture saw the whole run.
    const total = [...categories.values()].reduce((n, list) => n + list.length, 0);
    expect(logs.lines.length).toBeGreaterThan(total);
    expect(secretsIn(logs.text())).toEqual([]);
    // Every request has ended, so no subscription may still be open: one a request could not stream
    // (plain JSON, or inside a batch) must have been closed, not left running in the live engine.
    expect(h.app.live.stats().subscribers, 'subscriptions still open after every request ended').toBe(0);
    // The app runs in this process: a multipart map or a JSON key that reached Object.prototype shows here.
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
