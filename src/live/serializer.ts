/**
 * JSON for bus messages that keeps Dates. JSON.stringify turns a Date into a string before a
 * replacer sees it, so the replacer looks at the holder's own value; a Date becomes a one-key object
 * that no provider's JSON uses, and the reviver turns it back. Generic on purpose: a Date field added
 * to Asset or Change later crosses Redis intact without a list to update.
 */
const DATE_TAG = '$assetfed:date';

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) {
    const ms = raw.getTime();
    return { [DATE_TAG]: Number.isNaN(ms) ? null : ms };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== DATE_TAG) return value;
  const ms = (value as Record<string, unknown>)[DATE_TAG];
  return new Date(typeof ms === 'number' ? ms : Number.NaN);
}

export function serialize(value: unknown): string {
  return JSON.stringify(value, replacer);
}

export function deserialize(text: string): unknown {
  return JSON.parse(text, reviver) as unknown;
}

/** The shape @graphql-yoga/redis-event-target takes as its `serializer`. */
export const liveSerializer = { stringify: serialize, parse: deserialize };
