import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { fileChunks } from './file-stream.js';
import type { UploadFile } from './types.js';

/**
 * A streaming multipart/form-data body. undici 7's FormData takes only real Blobs (its webidl check
 * is `instanceof Blob`), while yoga hands us a ponyfill File; so the body is written here: the text
 * fields, then the file's own stream, with an exact content-length. The file is never buffered whole.
 */
export interface MultipartFile {
  field: string;
  filename: string;
  contentType: string;
  file: UploadFile;
}

export interface MultipartBody {
  body: Readable;
  headers: Record<string, string>;
}

/** WHATWG's escaping of names in Content-Disposition: quotes and line breaks percent-encoded. */
function quoted(value: string): string {
  return `"${value.replaceAll('"', '%22').replaceAll('\r', '%0D').replaceAll('\n', '%0A')}"`;
}

export function encodeMultipart(fields: readonly (readonly [string, string])[], part?: MultipartFile): MultipartBody {
  const boundary = `----assetfed${randomBytes(12).toString('hex')}`;
  const head: Buffer[] = fields.map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`),
  );
  let fileHead: Buffer | undefined;
  if (part) {
    const disposition = `form-data; name=${quoted(part.field)}; filename=${quoted(part.filename)}`;
    const type = `Content-Type: ${part.contentType}`;
    fileHead = Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n\r\n`);
  }
  const tail = Buffer.from(`${part ? '\r\n' : ''}--${boundary}--\r\n`);
  const length = head.reduce((n, b) => n + b.length, 0) + (fileHead?.length ?? 0) + (part?.file.size ?? 0) + tail.length;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (fileHead && part) {
      yield fileHead;
      yield* fileChunks(part.file);
    }
    yield tail;
  }
  return {
    body: Readable.from(chunks(), { objectMode: false }),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(length) },
  };
}
