/**
 * What a request asks for, read from its request target and Host header the way RFC 9112 §3.2 says,
 * before anything builds a URL from them (a URL built from `Host: a b` throws, and a throw there used
 * to come back as a 500 with a stack). Pure: src/server/edge.ts acts on the answer.
 */
export type RequestTarget =
  | { ok: true /** The path exactly as sent, never normalised: `/graphql/` and `//graphql` are not `/graphql`. */; path: string; search: string; host: string }
  | { ok: false; status: 400; message: string }
  | { ok: false; status: 204; asterisk: true };

// RFC 3986 authority without userinfo: an IP literal in brackets or a reg-name (which covers IPv4),
// then an optional port. A Host header is nothing else.
const AUTHORITY = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]*)(?::(\d*))?$/;
const ABSOLUTE = /^(https?):\/\/([^/?#]*)(.*)$/i;
// A path and query of visible ASCII; Node's parser already refuses controls and spaces.
const PATH_AND_QUERY = /^\/[\x21-\x7e]*$/;

export function readRequestTarget(target: string | undefined, method: string | undefined, hostHeader: string | undefined, httpVersion = '1.1'): RequestTarget {
  const raw = target ?? '';
  if (raw === '*') {
    // The asterisk form asks about the server as a whole, and only OPTIONS may use it (§3.2.4).
    return method === 'OPTIONS' ? { ok: false, status: 204, asterisk: true } : refuse('The request target "*" is only valid for OPTIONS.');
  }
  let pathAndQuery = raw;
  let host = hostHeader;
  const absolute = ABSOLUTE.exec(raw);
  if (absolute) {
    // The absolute form (sent to proxies) must be accepted, and its authority replaces Host (§3.2.2).
    host = absolute[2];
    pathAndQuery = absolute[3] || '/';
    if (pathAndQuery.startsWith('?')) pathAndQuery = `/${pathAndQuery}`;
  }
  if (!PATH_AND_QUERY.test(pathAndQuery)) return refuse('The request target must be a path beginning with "/".');
  // HTTP/1.1 requires Host (§3.2); the server is created without Node's own check, which answers bare.
  if (host === undefined && !absolute && httpVersion !== '1.0') return refuse('HTTP/1.1 requests must send a Host header.');
  const authority = checkAuthority(host);
  if (authority === null) return refuse('The Host header is not a valid host[:port].');
  const query = pathAndQuery.indexOf('?');
  return {
    ok: true,
    path: query < 0 ? pathAndQuery : pathAndQuery.slice(0, query),
    search: query < 0 ? '' : pathAndQuery.slice(query),
    host: authority,
  };
}

/** The Host value when it is a valid authority, 'localhost' when absent or empty, else null. */
function checkAuthority(host: string | undefined): string | null {
  if (host === undefined || host === '') return 'localhost';
  const match = AUTHORITY.exec(host);
  if (!match) return null;
  const port = match[2];
  if (port !== undefined && port !== '' && Number(port) > 65_535) return null;
  try {
    // The last word on IPv6 literals and percent-escapes in a name: the URL parser the app uses.
    new URL(`http://${host}/`);
  } catch {
    return null;
  }
  return host;
}

const refuse = (message: string): RequestTarget => ({ ok: false, status: 400, message });
