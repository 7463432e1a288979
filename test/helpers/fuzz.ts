import { SeededRandom } from '../../sandbox/random.js';

/**
 * What the fuzz tests share: seeded draws (a failure names an input the next run produces again, byte
 * for byte), secret scanning, and the rules every response must follow.
 */

export const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
// Accents, CJK, emoji (with a ZWJ sequence), bidi override, zero-width and BOM, NUL and a control
// character, a JS line separator, lone surrogates (invalid UTF-16), a combining mark, non-ASCII digits.
export const UNICODE = [
  'é',
  'ß',
  '漢',
  '字',
  '🎬',
  '👩‍💻',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\u001f',
  '\u2028',
  '\ud800',
  '\udfff',
  'ǅ',
  '\u0301',
  'Ω',
  '٣',
];

const SEED = 0x5eed_f022;

/** The sandbox's seeded PRNG, plus the byte and text draws the fuzzers need. */
export class Rng extends SeededRandom {
  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.int(0, 255);
    return out;
  }
  /** `n` entries of `alphabet` (whole entries: some are several UTF-16 units). */
  string(n: number, alphabet: readonly string[] = ASCII): string {
    let out = '';
    for (let i = 0; i < n; i++) out += this.pick(alphabet);
    return out;
  }
}

/** A per-category seed, so adding cases to one category does not reshuffle the others. */
export function seedOf(category: string): number {
  let hash = 0x811c9dc5;
  for (const char of category) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return (hash ^ SEED) >>> 0;
}

/** Finds secrets in a text as they appear raw, URL-encoded (in a URL) or JSON-escaped, by index only. */
export function secretScanner(secrets: readonly string[]) {
  const forms = secrets.map((secret) => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  return {
    /** Which secrets `text` holds, as `secret #i`: a report must not repeat the secret it found. */
    in: (text: string) => forms.flatMap((f, i) => (f.some((form) => text.includes(form)) ? [`secret #${i}`] : [])),
  };
}

// A V8 stack frame ("at fn (file:///…:1:2)", "at node:internal/…:1:2", "at /abs/path.js:1:2").
export const STACK_FRAME = /\bat (?:async )?(?:[^\s()]+ )?\(?(?:file:\/\/|node:|\/)[^\s()"]*:\d+:\d+/;

/** Leaks any body must not have: a secret, a stack, an internal path. */
export function leaksIn(text: string, secrets: ReturnType<typeof secretScanner>): string[] {
  const problems = secrets.in(text).map((secret) => `${secret} in the body`);
  if (/"stack"|stacktrace/i.test(text) || STACK_FRAME.test(text)) problems.push('a stack trace in the body');
  // This checkout's own path, or a dependency's: what a leaked stack or module path would show.
  if (text.includes('node_modules') || text.includes(process.cwd())) problems.push('an internal path in the body');
  return problems;
}

/**
 * What is wrong with one HTTP response by the rules every response must follow (empty when nothing):
 * never a 5xx, no leak, a JSON GraphQL result (or results) whose every error has a string message and
 * a string `extensions.code` and none is a masked INTERNAL_SERVER_ERROR.
 */
export function responseProblems(status: number, text: string, contentType: string | null, secrets: ReturnType<typeof secretScanner>): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  problems.push(...leaksIn(text, secrets));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(
      `the body is not JSON (HTTP ${status}, content-type ${contentType ?? 'none'}, ${text.length} characters${text ? `: ${JSON.stringify(text.slice(0, 80))}` : ''})`,
    );
    return problems;
  }
  const results = Array.isArray(body) ? body : [body];
  results.forEach((result, i) => {
    const where = Array.isArray(body) ? `result ${i}: ` : '';
    if (result === null || typeof result !== 'object' || Array.isArray(result)) {
      problems.push(`${where}not a GraphQL result object`);
      return;
    }
    const { data, errors } = result as { data?: unknown; errors?: unknown };
    if (errors === undefined) {
      if (data === undefined) problems.push(`${where}neither errors nor data`);
      return;
    }
    if (!Array.isArray(errors) || errors.length === 0) {
      problems.push(`${where}errors is not a non-empty list`);
      return;
    }
    problems.push(...errorProblems(errors, where));
  });
  return problems;
}

/** Every error coded, with a string message, none masked. */
export function errorProblems(errors: unknown[], where = ''): string[] {
  const problems: string[] = [];
  for (const error of errors as { message?: unknown; extensions?: { code?: unknown } }[]) {
    if (typeof error?.message !== 'string') problems.push(`${where}an error without a string message`);
    if (typeof error?.extensions?.code !== 'string') problems.push(`${where}an error without extensions.code: ${JSON.stringify(error).slice(0, 200)}`);
    if (error?.extensions?.code === 'INTERNAL_SERVER_ERROR' || error?.message === 'Unexpected error.') {
      problems.push(`${where}INTERNAL_SERVER_ERROR "${String(error.message)}"`);
    }
    for (const internal of ['http', 'originalError']) {
      if (error?.extensions && internal in error.extensions) problems.push(`${where}an internal extension (${internal}) in an error`);
    }
  }
  return problems;
}
