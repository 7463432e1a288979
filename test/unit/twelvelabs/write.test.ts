import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors/domain.js';
import { mapUploadTarget, partHeaders } from '../../../src/providers/twelvelabs/map.js';
import { FileStreamError } from '../../../src/providers/file-stream.js';
import { encodeMultipart } from '../../../src/providers/multipart.js';
import { kindOf, mimeOf, uploadForm } from '../../../src/providers/twelvelabs/upload.js';
import { missingRuns } from '../../../src/providers/twelvelabs/uploadTarget.js';
import { wireUploadSession } from '../../../src/providers/twelvelabs/wire.js';
import type { UploadFile } from '../../../src/providers/types.js';

const MiB = 1024 * 1024;

async function drain(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const sized = (size: number, name: string, type: string) =>
  ({ name, type, size, stream: () => new Blob([]).stream(), arrayBuffer: async () => new ArrayBuffer(0) }) as unknown as UploadFile;

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).message;
  }
  throw new Error('expected a refusal');
}

describe('encodeMultipart', () => {
  it('writes a body Node’s own parser reads back, with an exact content-length', async () => {
    const file = new File([new Uint8Array([0, 1, 2, 255])], 'x.mp4', { type: 'video/mp4' });
    const { body, headers } = encodeMultipart(
      [
        ['method', 'direct'],
        ['user_metadata', '{"a":"b"}'],
      ],
      { field: 'file', filename: 'Café "final"\r\n.mp4', contentType: 'video/mp4', file },
    );
    const bytes = await drain(body);
    expect(Number(headers['content-length'])).toBe(bytes.length);
    const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': headers['content-type']! } }).formData();
    expect(form.get('method')).toBe('direct');
    expect(form.get('user_metadata')).toBe('{"a":"b"}');
    const part = form.get('file') as File;
    expect(part.name).toBe('Café "final"\r\n.mp4');
    expect(part.type).toBe('video/mp4');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('fails with FileStreamError when the file is shorter than its size says', async () => {
    const file = { ...sized(10, 'a.mp4', 'video/mp4'), stream: () => new Blob([new Uint8Array(4)]).stream() } as UploadFile;
    const { body } = encodeMultipart([], { field: 'file', filename: 'a.mp4', contentType: 'video/mp4', file });
    await expect(drain(body)).rejects.toBeInstanceOf(FileStreamError);
  });
});

describe('uploadForm', () => {
  it('builds the SDK’s fields: method, url, filename, renditions off, user_metadata as a JSON string', () => {
    const form = uploadForm({ filename: 'a.mp4', url: 'https://x.test/a.mp4', metadata: { n: 1.5, ok: false } });
    expect(form.fields).toEqual([
      ['method', 'url'],
      ['url', 'https://x.test/a.mp4'],
      ['filename', 'a.mp4'],
      ['enable_hls', 'false'],
      ['enable_thumbnail', 'false'],
      ['user_metadata', '{"n":1.5,"ok":false}'],
    ]);
    expect(form.file).toBeUndefined();
  });

  it('takes files up to the limit of their type, inclusive', () => {
    expect(uploadForm({ filename: 'a.mp4', file: sized(200 * MiB, 'a.mp4', 'video/mp4') }).file?.contentType).toBe('video/mp4');
    expect(uploadForm({ filename: 'a.png', file: sized(32 * MiB, 'a.png', 'image/png') }).file?.contentType).toBe('image/png');
    expect(refused(() => uploadForm({ filename: 'a.mp4', file: sized(200 * MiB + 1, 'a.mp4', 'video/mp4') }))).toContain('200 MB');
    expect(refused(() => uploadForm({ filename: 'a.png', file: sized(32 * MiB + 1, 'a.png', 'image/png') }))).toContain('32 MB');
  });

  it('counts filename length in characters, not UTF-16 units', () => {
    const emoji = '🎬'.repeat(255);
    expect(uploadForm({ filename: emoji, url: 'https://x.test/a' }).fields).toContainEqual(['filename', emoji]);
    refused(() => uploadForm({ filename: `${emoji}a`, url: 'https://x.test/a' }));
  });

  it('omits filename for a URL upload without one, so the provider names it', () => {
    expect(uploadForm({ filename: '', url: 'https://x.test/a.mp4' }).fields.map(([k]) => k)).not.toContain('filename');
  });
});

describe('MIME types', () => {
  it('uses the given type, else the extension', () => {
    expect(mimeOf('video/mp4; codecs=avc1', 'x')).toBe('video/mp4');
    expect(mimeOf('application/octet-stream', 'IMG_0001.JPG')).toBe('image/jpeg');
    expect(mimeOf('', 'noext')).toBeUndefined();
    expect(kindOf('audio/wav')).toBe('audio');
    expect(kindOf('application/pdf')).toBeUndefined();
  });
});

describe('upload targets', () => {
  it('groups missing part numbers into runs of at most 50', () => {
    expect(missingRuns(new Set([1, 2, 3]), 3)).toEqual([]);
    expect(missingRuns(new Set([1, 2, 5]), 120)).toEqual([
      { start: 3, count: 2 },
      { start: 6, count: 50 },
      { start: 56, count: 50 },
      { start: 106, count: 15 },
    ]);
  });

  it('maps a session: PUT parts, headers, and the earliest expiry', () => {
    const session = wireUploadSession.parse({
      upload_id: 'u1',
      asset_id: 'a1',
      upload_urls: [],
      upload_headers: { 'Content-Type': 'application/octet-stream' },
      chunk_size: 5 * MiB,
      expires_at: '2026-01-02T00:00:00Z',
    });
    const parts = [
      { chunk_index: 1, url: 'https://s3.test/1', expires_at: '2026-01-01T01:00:00Z' },
      { chunk_index: 2, url: 'https://s3.test/2', expires_at: '2026-01-01T01:00:05Z' },
    ];
    expect(mapUploadTarget(session, parts, null)).toEqual({
      url: 'https://s3.test/1',
      method: 'PUT',
      fields: [],
      headers: [{ name: 'Content-Type', value: 'application/octet-stream' }],
      parts: [
        { partNumber: 1, url: 'https://s3.test/1' },
        { partNumber: 2, url: 'https://s3.test/2' },
      ],
      chunkSizeBytes: 5 * MiB,
      uploadId: 'u1',
      expiresAt: new Date('2026-01-01T01:00:00Z'),
      asset: null,
    });
  });

  it("PUTs each part as application/octet-stream, with the session's own headers beside or instead", () => {
    const session = (upload_headers?: Record<string, string>) =>
      wireUploadSession.parse({ upload_id: 'u1', chunk_size: 5 * MiB, ...(upload_headers && { upload_headers }) });
    const octet = { name: 'Content-Type', value: 'application/octet-stream' };
    expect(partHeaders(session())).toEqual([octet]);
    expect(partHeaders(session({ 'x-amz-acl': 'private' }))).toEqual([octet, { name: 'x-amz-acl', value: 'private' }]);
    expect(partHeaders(session({ 'content-type': 'video/mp4' }))).toEqual([{ name: 'content-type', value: 'video/mp4' }]);
  });

  it('needs upload_id and chunk_size from the session reply', () => {
    expect(wireUploadSession.safeParse({ asset_id: 'a', chunk_size: 1 }).success).toBe(false);
    expect(wireUploadSession.safeParse({ upload_id: 'u' }).success).toBe(false);
  });
});
