import { pino, type DestinationStream, type Logger } from 'pino';
import { prettyDestination, type LogFormat } from './log-format.js';

export type { Logger };

export const REDACTED = '[redacted]';

export interface LoggerOptions {
  /**
   * Secret values to scrub wherever they appear in a log line: the configured provider keys and API
   * tokens (providerSecrets in src/providers/index.ts). More can be added later with addSecrets.
   */
  secrets?: readonly (string | undefined)[];
  /** LOG_FORMAT: `json` (default) or `pretty` (pino-pretty, for a terminal); both after redaction. */
  format?: LogFormat;
}

/**
 * Structured JSON logs with ISO 8601 times (or the same lines pretty-printed: LOG_FORMAT=pretty).
 * Code never logs a secret on purpose; redaction catches one that slips in anyway, in one pass over
 * every finished line (pino's streamWrite hook, so it sees the message, child bindings, serialized
 * errors with their stacks and causes: everything that reaches the stream). It blanks secret keys at
 * any depth and scrubs every string for the configured secret values, bearer tokens, signature query
 * parameters, URL passwords and Uplynk messages; a line with nothing secret-looking in it (most are)
 * costs one regex scan. pino's own `redact` paths are not used: they cloned every logged object
 * (about a tenth of a request's logging CPU at info, bench case logging) for keys this pass blanks anyway.
 *
 * `destination` defaults to stdout; tests pass a stream that captures lines.
 */
export function createLogger(level: string, destination?: DestinationStream, options?: LoggerOptions): Logger;
export function createLogger(level: string, options?: LoggerOptions): Logger;
export function createLogger(level: string, destinationOrOptions?: DestinationStream | LoggerOptions, maybeOptions: LoggerOptions = {}): Logger {
  const isStream = (value: unknown): value is DestinationStream => typeof (value as DestinationStream | undefined)?.write === 'function';
  const destination = isStream(destinationOrOptions) ? destinationOrOptions : undefined;
  const options = isStream(destinationOrOptions) ? maybeOptions : (destinationOrOptions ?? maybeOptions);
  const redactor = createRedactor(options.secrets ?? []);
  const logger = pino(
    {
      level,
      base: { service: 'assetfed' },
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: { streamWrite: (line) => redactor.line(line) },
    },
    options.format === 'pretty' ? prettyDestination(destination) : destination,
  );
  // Child loggers inherit this through the prototype, so addSecrets on any of them reaches the root's.
  Object.defineProperty(logger, REDACTOR, { value: redactor });
  return logger;
}

/**
 * Adds secret values to a logger made by createLogger (and all its children): for secrets known only
 * after the logger exists, such as the sandbox's credentials. False for any other logger.
 */
export function addSecrets(logger: Logger, secrets: readonly (string | undefined)[]): boolean {
  const redactor = (logger as unknown as { [REDACTOR]?: Redactor })[REDACTOR];
  redactor?.add(secrets);
  return redactor !== undefined;
}

const REDACTOR = Symbol('assetfed.redactor');

/**
 * Keys whose values are secret at any depth, compared lower-case without "-" and "_" (so apiKey,
 * api_key, x-api-key and X-API-Key all match). `msg` is Uplynk's signed message (pino's own top-level
 * `msg` is exempt).
 */
const SECRET_KEYS = new Set([
  'apikey',
  'xapikey',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'password',
  'secret',
  'clientsecret',
  'sig',
  'signature',
  'xamzsignature',
  'xamzsecuritytoken',
  'xamzcredential',
  'msgsigned',
  'msg',
]);

/** Value patterns scrubbed from every string, whatever the configured secrets. */
const PATTERNS: [RegExp, string][] = [
  // Bearer credentials in a stringified header or an error message.
  [/\b(Bearer)\s+[A-Za-z0-9\-._~+/=:]+/gi, `$1 ${REDACTED}`],
  // Signature and credential query parameters inside any URL (S3/GCS presigned URLs, Uplynk's
  // msg/sig, keys passed as parameters), and the same pairs in a form-encoded body.
  [
    /((?:^|[?&;\s])(?:x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential|signature|sig|msg|token|access_token|api_key|apikey|key|password|secret|client_secret)=)[^&#\s"'<>]*/gi,
    `$1${REDACTED}`,
  ],
  // "apiKey": "…", x-api-key: …, authorization=… inside free text or a JSON text logged as a string.
  [/((["']?)(?:x-api-key|api[-_]?key|authorization|password|client[-_]?secret)\2\s*[:=]\s*(["']?))(?!\[redacted\])[^\s"',;&}]+/gi, `$1${REDACTED}`],
  // The same for signatures, only when the value looks like one: "bad signature: expired" stays readable.
  [/((["']?)(?:x-amz-signature|sig|signature)\2\s*[:=]\s*(["']?))[A-Za-z0-9+/=_~.-]{16,}/gi, `$1${REDACTED}`],
  // Passwords in URLs (redis://:password@host).
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s@/"]+@/gi, `$1${REDACTED}@`],
  // An Uplynk `msg` on its own: base64 of a level-9 zlib stream always starts eNo..eNr.
  [/\beN[o-r][A-Za-z0-9+/]{16,}(?:%3D|=){0,2}/g, REDACTED],
];

/**
 * A superset of what the line pass would change, tested on the serialized line as it stands: a word
 * in a secret key's name or a value pattern (letters may be split by "-" or "_", as keys are compared),
 * a URL with user info, or an Uplynk-like message. Most lines hold none of these, and then the
 * line needs no JSON.parse, no walk and no replacements: one regex scan instead of a re-serialization.
 */
const spaced = (word: string) => [...word].join('[-_]*');
const TRIGGER = new RegExp(
  [
    ...['key', 'token', 'authorization', 'cookie', 'password', 'secret', 'sig', 'credential', 'bearer'].map(spaced),
    'msg=',
    ':\\/\\/[^\\s/"]*@',
    'eN[o-r][A-Za-z0-9+/]{16,}',
  ].join('|'),
  'i',
);
/** Any `msg` key but pino's own, which is written last (`,"msg":"…"}`) and is exempt. */
const MSG_KEY = new RegExp(spaced('msg'), 'i');
const PINO_MSG = /,"msg":"(?:[^"\\]|\\.)*"\}\s*$/;

export interface Redactor {
  add(secrets: readonly (string | undefined)[]): void;
  /** Scrubs one string. */
  text(value: string): string;
  /** Scrubs one serialized log line (JSON); returns it unchanged when there was nothing to scrub. */
  line(line: string): string;
}

/** Copy of `value` with secrets scrubbed by `text` and secret-named keys blanked; `changed` records whether anything was. */
function scrub(value: unknown, depth: number, changed: { any: boolean }, text: (value: string) => string): unknown {
  if (typeof value === 'string') {
    const scrubbed = text(value);
    if (scrubbed !== value) changed.any = true;
    return scrubbed;
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1, changed, text));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const safeKey = text(key);
    if (safeKey !== key) changed.any = true;
    const secretKey = SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, '')) && !(depth === 0 && key === 'msg');
    if (secretKey && item !== null && item !== REDACTED) {
      changed.any = true;
      out[safeKey] = REDACTED;
    } else {
      out[safeKey] = scrub(item, depth + 1, changed, text);
    }
  }
  return out;
}

export function createRedactor(initial: readonly (string | undefined)[] = []): Redactor {
  const secrets = new Set<string>();
  let matcher: RegExp | undefined;

  /** The same alternatives without the global flag, for a stateless test(). */
  let probe: RegExp | undefined;

  const add = (values: readonly (string | undefined)[]) => {
    for (const value of values) {
      if (typeof value !== 'string' || value.length === 0) continue;
      // The forms a secret takes in a URL or a log line besides its own.
      for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) secrets.add(form);
    }
    // Longest first, so a secret that contains another is replaced whole.
    const alternatives = [...secrets].sort((a, b) => b.length - a.length).map(escapeRegExp);
    matcher = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'g') : undefined;
    probe = alternatives.length > 0 ? new RegExp(alternatives.join('|')) : undefined;
  };

  const mightHoldSecret = (line: string): boolean => TRIGGER.test(line) || (probe?.test(line) ?? false) || MSG_KEY.test(line.replace(PINO_MSG, ''));

  const text = (value: string): string => {
    let out = matcher ? value.replace(matcher, REDACTED) : value;
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
    return out;
  };

  add(initial);
  return {
    add,
    text,
    line(line) {
      if (!mightHoldSecret(line)) return line;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        // Not JSON (a custom formatter): scrub it as text, which keeps every value pattern.
        return text(line);
      }
      const changed = { any: false };
      const scrubbed = scrub(parsed, 0, changed, text);
      return changed.any ? `${JSON.stringify(scrubbed)}\n` : line;
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
