import { Readable } from 'node:stream';
import { badInput, type InvalidInputError } from '../errors/domain.js';
import type { UploadFile } from './types.js';

/** The file's own stream failed or did not match its size: the upload cannot have succeeded. */
export class FileStreamError extends Error {
  override name = 'FileStreamError';
}

/**
 * A Node stream over an uploaded file's bytes, never buffered whole. graphql-yoga hands resolvers
 * @whatwg-node ponyfill Files: their `stream()` is not Node's own ReadableStream (Readable.fromWeb
 * refuses it, and undici's FormData refuses the File), but it has a reader, as native streams do.
 */
export function fileStream(file: UploadFile): Readable {
  return Readable.from(fileChunks(file), { objectMode: false });
}

/** The file's bytes through its stream's reader (or async iteration); a size other than the declared one is an error. */
export async function* fileChunks(file: UploadFile): AsyncGenerator<Uint8Array> {
  let sent = 0;
  try {
    for await (const chunk of chunksOf(file.stream())) {
      sent += chunk.byteLength;
      if (sent > file.size) throw new FileStreamError(`the file has more bytes than its declared size (${file.size})`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof FileStreamError) throw error;
    throw new FileStreamError(`the file's stream failed: ${(error as Error)?.message ?? String(error)}`, { cause: error });
  }
  if (sent !== file.size) throw new FileStreamError(`the file ended after ${sent} of its ${file.size} bytes`);
}

/** Native and @whatwg-node ponyfill streams both have getReader(); a bare async iterable is taken too. */
async function* chunksOf(stream: unknown): AsyncGenerator<Uint8Array> {
  if (typeof (stream as ReadableStream).getReader !== 'function') {
    yield* stream as AsyncIterable<Uint8Array>;
    return;
  }
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/**
 * When an upload failed because the caller's own file broke (the client went away mid-send), not
 * because of the provider: the error the provider call ended with has a FileStreamError behind it.
 */
export function fileStreamFailure(error: unknown): FileStreamError | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof FileStreamError) return cause;
  }
  return undefined;
}

/** The caller's file broke mid-send: their input, not a provider outage; the provider stored nothing. */
export function abandonedUpload(failure: FileStreamError): InvalidInputError {
  return badInput(`the file could not be read to the end (${failure.message}); the upload was abandoned and nothing was stored`, {
    field: ['file'],
  });
}
