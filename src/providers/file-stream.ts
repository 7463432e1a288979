import { Readable } from 'node:stream';
import type { UploadFile } from './types.js';

/**
 * A Node stream over an uploaded file's bytes, without copying them. graphql-yoga hands resolvers
 * @whatwg-node ponyfill Files whose `stream()` is not Node's own ReadableStream (Readable.fromWeb
 * refuses it) but is async-iterable; a native File's stream is both.
 */
export function fileStream(file: UploadFile): Readable {
  const stream: unknown = file.stream();
  if (stream instanceof ReadableStream) return Readable.fromWeb(stream as import('node:stream/web').ReadableStream);
  return Readable.from(stream as AsyncIterable<Uint8Array>);
}
