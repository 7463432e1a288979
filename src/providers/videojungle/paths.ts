import { badInput } from '../../errors/domain.js';
import { VJ_UUID } from './wire.js';

/**
 * The server answers 422 for an id that is not a UUID; say so before spending a call on it. `field` is
 * the mutation input that holds the id, when there is one.
 */
export function uuidPath(id: string, what: string, field?: string): string {
  if (!VJ_UUID.test(id)) {
    throw badInput(`${JSON.stringify(id.slice(0, 100))} is not a Video Jungle ${what} id (a UUID)`, field ? { field } : undefined);
  }
  return encodeURIComponent(id);
}

/**
 * Python's `urllib.parse.urlencode` (quote_plus), which the SDK uses for generate parameters: spaces
 * become '+', and only letters, digits and `_.-~` stay as they are ("zodiac+sign=Aries").
 */
export function pythonUrlencode(pairs: readonly { name: string; value: string }[]): string {
  const quote = (s: string) =>
    encodeURIComponent(s)
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+');
  return pairs.map((p) => `${quote(p.name)}=${quote(p.value)}`).join('&');
}
