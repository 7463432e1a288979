import { connect } from 'node:net';

/** One HTTP response read off a raw socket, or what the socket did instead. */
export interface RawResponse {
  /** The status of the first response, undefined when the server answered nothing. */
  status: number | undefined;
  headers: Record<string, string>;
  body: string;
  /** Every byte the server sent (several responses when requests were pipelined). */
  raw: string;
  /** The server closed the connection (rather than the read timing out). */
  closed: boolean;
}

/**
 * Sends bytes exactly as given to `url`'s host and port and reads what comes back until the first
 * response is complete, the server closes, or `timeoutMs` passes. No client library in between, so
 * hostile framing (a bad Host, an odd request target, broken chunking) reaches the server as written.
 */
export function sendRaw(url: string, bytes: string | Buffer, { timeoutMs = 3000 } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    const finish = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks), closed));
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (complete(Buffer.concat(chunks))) finish(false);
    });
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

/** An HTTP/1.1 request as bytes: `target` and headers verbatim, Content-Length added for a body. */
export function rawRequest(method: string, target: string, headers: Record<string, string> = {}, body?: string): string {
  const lines = [`${method} ${target} HTTP/1.1`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (body !== undefined && !Object.keys(headers).some((k) => /^(content-length|transfer-encoding)$/i.test(k))) {
    lines.push(`content-length: ${Buffer.byteLength(body)}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n${body ?? ''}`;
}

function split(data: Buffer): { head: string; body: Buffer } | undefined {
  const end = data.indexOf('\r\n\r\n');
  return end < 0 ? undefined : { head: data.subarray(0, end).toString('latin1'), body: data.subarray(end + 4) };
}

function headersOf(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Whether the first response has arrived whole (by Content-Length or the chunked terminator). */
function complete(data: Buffer): boolean {
  const parts = split(data);
  if (!parts) return false;
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(parts.head)?.[1]);
  if (status === 101) return true;
  const headers = headersOf(parts.head);
  if (headers['content-length'] !== undefined) return parts.body.length >= Number(headers['content-length']);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) return parts.body.includes('0\r\n\r\n');
  return status === 204 || status === 304;
}

function parse(data: Buffer, closed: boolean): RawResponse {
  const raw = data.toString('utf8');
  const parts = split(data);
  if (!parts) return { status: undefined, headers: {}, body: '', raw, closed };
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(parts.head)?.[1]) || undefined;
  const headers = headersOf(parts.head);
  let body = parts.body;
  if (headers['content-length'] !== undefined) body = body.subarray(0, Number(headers['content-length']));
  else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  return { status, headers, body: body.toString('utf8'), raw, closed };
}

function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!size) break;
    out.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}
