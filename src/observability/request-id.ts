import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * An incoming id is kept only when it is a short token of safe characters: it goes into every log line
 * of the request and back into a response header, so nothing that could split a header, forge a log
 * field or carry a payload is echoed.
 */
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:+/=-]{0,127}$/;

/** The caller's x-request-id when it is sane, else a fresh one. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const incoming = Array.isArray(header) ? header[0] : header;
  return incoming && SANE_ID.test(incoming) ? incoming : randomUUID();
}
