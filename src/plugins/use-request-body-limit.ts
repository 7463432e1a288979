import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface BodyLimits {
  /** Any body but a multipart one (JSON, application/graphql, form-urlencoded). */
  plainBytes: number;
  /** A multipart upload: its parts are bounded one by one by the parser's limits; this bounds the sum. */
  multipartBytes: number;
}

/** The parser's limits on a multipart request, and the body size they add up to. */
export function multipartLimits(maxUploadBytes: number) {
  const parts = { fileSize: maxUploadBytes, files: 20, fieldSize: 1024 * 1024, fields: 50 };
  // Part headers and boundaries: a few hundred bytes a part; a megabyte is ample for 70 parts.
  const totalBytes = parts.files * parts.fileSize + parts.fields * parts.fieldSize + 1024 * 1024;
  return { parts, totalBytes };
}

const CONTENT_LENGTH = /^\d+$/;

/**
 * Request body size limits, in place of yoga's `maxRequestBodySize` (which the app turns off).
 *
 * yoga pipes every body through a TransformStream that counts bytes; the pipe, its AbortController
 * and the DOMException its finish raises cost ~15% of a `{ __typename }` request's CPU (npm run bench,
 * BENCH_PROFILE=1). When Content-Length is present Node's HTTP parser already holds the body to it,
 * so checking the header is the whole check; only a chunked body (no Content-Length) is counted as it
 * streams. yoga's one limit (25 MB) also capped uploads below MAX_UPLOAD_BYTES; here a multipart body
 * gets the bound its own part limits imply.
 */
export function useRequestBodyLimit(limits: BodyLimits): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      const multipart = request.headers.get('content-type')?.includes('multipart/form-data') ?? false;
      const limit = multipart ? limits.multipartBytes : limits.plainBytes;
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        // One non-negative integer only: a list ("10, 10") or a sign is a smuggling attempt, not a size.
        if (!CONTENT_LENGTH.test(declared)) throw requestError('Content-Length header is invalid.', 'BAD_REQUEST', 400);
        if (Number(declared) > limit) throw tooLarge(limit);
        return;
      }
      if (!requestParser || !request.body) return;
      const parse = requestParser;
      setRequestParser((req) => parse(counted(req, limit, fetchAPI)));
    },
  };
}

/** The request with a body that errors once more than `limit` bytes have streamed through. */
function counted(request: Request, limit: number, fetchAPI: { TransformStream: typeof TransformStream; Request: typeof Request }): Request {
  // The body is a native stream or the ponyfill's, and each pipes only into a TransformStream of its own kind.
  const Transform = request.body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytes = 0;
  const body = request.body!.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        if (bytes > limit) controller.error(tooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    body,
    duplex: 'half',
  } as RequestInit);
}

function tooLarge(limit: number): GraphQLError {
  return requestError(`Request body too large (the limit is ${limit} bytes).`, 'REQUEST_ENTITY_TOO_LARGE', 413);
}

function requestError(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}
