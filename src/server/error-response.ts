import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';

/**
 * The one shape of every error this server answers outside GraphQL execution (a route that does not
 * exist, a request the HTTP layer cannot read, a missing token, CSRF, an unsupported media type): a
 * GraphQL-style `{ errors: [{ message, extensions: { code } }] }` body, on every layer.
 */
export function errorBody(code: string, message: string, extensions: Record<string, unknown> = {}): string {
  return JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The codes of the error responses made here, for the request log (it never parses a body). */
const responseCodes = new WeakMap<Response, string>();

/** A fetch Response carrying one coded error; the request log reads its code with codeOfResponse. */
export function errorResponse(
  status: number,
  code: string,
  message: string,
  init: { headers?: Record<string, string>; fetchAPI?: { Response: typeof Response } } = {},
): Response {
  const ResponseImpl = init.fetchAPI?.Response ?? Response;
  const response = new ResponseImpl(errorBody(code, message), {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...init.headers },
  });
  responseCodes.set(response, code);
  return response;
}

export const codeOfResponse = (response: Response): string | undefined => responseCodes.get(response);

/**
 * A coded error written straight onto a socket, for what never reaches a ServerResponse: a request
 * Node's parser refused (clientError), CONNECT, a websocket handshake that is refused. Always closes.
 */
export function writeSocketError(socket: Duplex, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  if (socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = errorBody(code, message);
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    `content-type: ${JSON_CONTENT_TYPE}`,
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`);
}
