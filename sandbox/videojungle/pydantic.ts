/**
 * Just enough of pydantic v2 (as FastAPI runs it on a JSON body) to reject what Video Jungle's models
 * reject, with FastAPI's 422 items: `{type, loc, msg, input[, ctx]}`, every problem at once.
 */

export interface Issue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

export type Loc = (string | number)[];
/** Returns the value as the model holds it; pushes an issue and returns undefined when it is invalid. */
export type Check<T> = (value: unknown, loc: Loc, issues: Issue[]) => T | undefined;

const fail = (issues: Issue[], issue: Issue): undefined => {
  issues.push(issue);
  return undefined;
};

export const str: Check<string> = (v, loc, issues) =>
  typeof v === 'string' ? v : fail(issues, { type: 'string_type', loc, msg: 'Input should be a valid string', input: v });

export const bool: Check<boolean> = (v, loc, issues) =>
  typeof v === 'boolean' ? v : fail(issues, { type: 'bool_type', loc, msg: 'Input should be a valid boolean', input: v });

/** Lax float: numbers, and strings that read as one. */
export function float(bounds: { ge?: number; le?: number } = {}): Check<number> {
  return (v, loc, issues) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    if (typeof v !== 'number' && typeof v !== 'string') {
      return fail(issues, { type: 'float_type', loc, msg: 'Input should be a valid number', input: v });
    }
    if (!Number.isFinite(n)) {
      return fail(issues, { type: 'float_parsing', loc, msg: 'Input should be a valid number, unable to parse string as a number', input: v });
    }
    if (bounds.ge !== undefined && n < bounds.ge) {
      return fail(issues, { type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${bounds.ge}`, input: v, ctx: { ge: bounds.ge } });
    }
    if (bounds.le !== undefined && n > bounds.le) {
      return fail(issues, { type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${bounds.le}`, input: v, ctx: { le: bounds.le } });
    }
    return n;
  };
}

const UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

/**
 * A UUID as pydantic reads one (hyphenated or the 32-hex simple form, any case), canonicalised to the
 * lowercase hyphenated form the store is keyed by; or the uuid_parsing issue pydantic reports at `loc`.
 */
export function readUuid(value: string, loc: Loc): { id: string } | { issue: Issue } {
  const bad = /[^0-9a-fA-F-]/.exec(value);
  const hex = value.replace(/-/g, '').toLowerCase();
  if (!bad && UUID.test(value)) {
    return { id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}` };
  }
  const reason = bad
    ? `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${bad[0]}\` at ${bad.index + 1}`
    : `invalid length: expected length 32 for simple format, found ${hex.length}`;
  const msg = `Input should be a valid UUID, ${reason}`;
  return { issue: { type: 'uuid_parsing', loc, msg, input: value, ctx: { error: reason } } };
}

export const uuid: Check<string> = (v, loc, issues) => {
  if (typeof v !== 'string') {
    return fail(issues, { type: 'uuid_type', loc, msg: 'UUID input should be a string, bytes or UUID object', input: v });
  }
  const read = readUuid(v, loc);
  return 'id' in read ? read.id : fail(issues, read.issue);
};

const TIME = /^([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/** `datetime.time`: "HH:MM[:SS[.ffffff]]", or a number of seconds within the day. */
export const time: Check<string> = (v, loc, issues) => {
  if (typeof v === 'number' && v >= 0 && v < 86_400) return String(v);
  if (typeof v === 'string' && TIME.test(v)) return v;
  if (typeof v !== 'string' && typeof v !== 'number') return fail(issues, { type: 'time_type', loc, msg: 'Input should be a valid time', input: v });
  return fail(issues, { type: 'time_parsing', loc, msg: 'Input should be in a valid time format, invalid time', input: v });
};

export function literal<T extends string>(...values: T[]): Check<T> {
  const expected = values
    .map((x) => `'${x}'`)
    .join(', ')
    .replace(/, ([^,]*)$/, ' or $1');
  return (v, loc, issues) =>
    values.includes(v as T) ? (v as T) : fail(issues, { type: 'literal_error', loc, msg: `Input should be ${expected}`, input: v, ctx: { expected } });
}

export function list<T>(item: Check<T>): Check<T[]> {
  return (v, loc, issues) => {
    if (!Array.isArray(v)) return fail(issues, { type: 'list_type', loc, msg: 'Input should be a valid list', input: v });
    const before = issues.length;
    const out = v.map((x, i) => item(x, [...loc, i], issues));
    return issues.length === before ? (out as T[]) : undefined;
  };
}

/** An Optional[...] field: absent or null gives the default. */
export interface Optional<T> {
  optional: true;
  check: Check<T>;
  default: T | null;
}
export const optional = <T>(check: Check<T>, fallback: T | null = null): Optional<T> => ({ optional: true, check, default: fallback });

type Field = Check<unknown> | Optional<unknown>;

/** A model: every field checked, missing required ones reported, unknown ones ignored (pydantic's default). */
export function model(name: string, fields: Record<string, Field>): Check<Record<string, unknown>> {
  return (v, loc, issues) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      return fail(issues, {
        type: 'model_attributes_type',
        loc,
        msg: `Input should be a valid dictionary or object to extract fields from (${name})`,
        input: v,
      });
    }
    const input = v as Record<string, unknown>;
    const before = issues.length;
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(fields)) {
      const value = input[key];
      if (typeof field !== 'function') {
        out[key] = value === undefined || value === null ? field.default : field.check(value, [...loc, key], issues);
      } else if (value === undefined) {
        issues.push({ type: 'missing', loc: [...loc, key], msg: 'Field required', input });
      } else {
        out[key] = field(value, [...loc, key], issues);
      }
    }
    return issues.length === before ? out : undefined;
  };
}

/**
 * A JSON request body through a model, as FastAPI reads it: undecodable JSON is `json_invalid`, an
 * absent body a missing `body`. Returns the model's value, or the 422 issues.
 */
export function parseBody<T>(raw: Buffer, check: Check<T>): { value: T } | { issues: Issue[] } {
  if (raw.length === 0) return { issues: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    const msg = 'JSON decode error';
    return { issues: [{ type: 'json_invalid', loc: ['body', 0], msg, input: {}, ctx: { error: (error as Error).message } }] };
  }
  const issues: Issue[] = [];
  const value = check(json, ['body'], issues);
  return issues.length > 0 || value === undefined ? { issues } : { value };
}
