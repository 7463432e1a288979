import { badInput } from '../src/errors/domain.js';
import { PROVIDER_MODULES, type ProviderName } from '../src/providers/index.js';

/**
 * Global IDs are opaque: base64 of "<TypeName>:<provider's own id>" (the Relay convention Pothos uses),
 * so an ID says which type and provider it belongs to and no client needs to know provider id formats.
 */
/** Each provider's asset type name, as its module declares it: the prefix of its assets' global IDs. */
export const ASSET_TYPENAMES = Object.fromEntries(PROVIDER_MODULES.map((m) => [m.name, m.typename])) as Record<ProviderName, string>;

/** A Node type name: a provider's asset type, or another Node type a provider declares (Project). */
export type NodeTypename = string;

const PROVIDER_OF_TYPENAME = new Map<string, ProviderName>(PROVIDER_MODULES.map((m) => [m.typename, m.name]));
const NODE_TYPENAMES = new Set<string>([...PROVIDER_OF_TYPENAME.keys(), ...PROVIDER_MODULES.flatMap((m) => m.nodeTypes)]);

export const isAssetTypename = (typename: string): boolean => PROVIDER_OF_TYPENAME.has(typename);

export interface DecodedId {
  typename: NodeTypename;
  id: string;
}

export function encodeGlobalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$|^[A-Za-z0-9_-]+$/;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Decodes any global ID this API issued; anything else is BAD_USER_INPUT naming the value. Kept
 * cheap rather than cached (a bounded cache cost more on a miss than a decode): atob (a third of
 * Buffer's cost for a short id) for the ASCII ids providers issue, Buffer for the rest, where UTF-8
 * needs decoding. The cost estimate reads only the type (typenameOfGlobalId below).
 */
export function decodeGlobalId(globalId: string): DecodedId {
  if (globalId.length === 0 || globalId.length > 2048 || !BASE64.test(globalId)) throw invalidId(globalId);
  let text: string;
  try {
    text = atob(globalId.includes('-') || globalId.includes('_') ? globalId.replaceAll('-', '+').replaceAll('_', '/') : globalId);
  } catch {
    throw invalidId(globalId); // a length no base64 has (4n + 1)
  }
  if (NON_ASCII.test(text)) text = Buffer.from(globalId, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw invalidId(globalId);
  const typename = text.slice(0, colon);
  if (!NODE_TYPENAMES.has(typename)) throw invalidId(globalId);
  return { typename: typename as NodeTypename, id: text.slice(colon + 1) };
}

// A module-level function, not a closure in decodeGlobalId: allocating the closure on every call
// tripled the cost of a valid decode (≈680 → 220 ns an id).
function invalidId(globalId: string) {
  return badInput(`${JSON.stringify(globalId.slice(0, 100))} is not a valid ID of this API`, { invalidId: true });
}

/** Each base64 character's six bits, for both alphabets (-1: not base64). */
const SEXTET = new Int8Array(128).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) SEXTET[c.charCodeAt(0)] = i;
SEXTET['-'.charCodeAt(0)] = 62;
SEXTET['_'.charCodeAt(0)] = 63;

/**
 * How each Node type's IDs begin: the characters that "<TypeName>:" alone determines, in either
 * alphabet, and the leading bits of the next character, which it shares with the provider id.
 */
const SPELLINGS = [...NODE_TYPENAMES].flatMap((typename) => {
  const encoded = Buffer.from(`${typename}:`, 'utf8').toString('base64');
  const bits = 8 * Buffer.byteLength(`${typename}:`);
  const whole = Math.floor(bits / 6);
  const shared = bits - 6 * whole;
  const partial = shared === 0 ? null : { at: whole, shift: 6 - shared, value: SEXTET[encoded.charCodeAt(whole)]! >> (6 - shared) };
  const standard = encoded.slice(0, whole);
  return [...new Set([standard, standard.replaceAll('+', '-').replaceAll('/', '_')])].map((prefix) => ({ typename, prefix, partial }));
});

/**
 * The Node type an ID names, read from its first characters without decoding the rest: for the
 * cost estimate, which needs only that (a fifth of decodeGlobalId's time). undefined when it names
 * none of ours. It does not check the rest: an ID it accepts may still be refused by decodeGlobalId.
 */
export function typenameOfGlobalId(globalId: string): NodeTypename | undefined {
  for (const { typename, prefix, partial } of SPELLINGS) {
    if (!globalId.startsWith(prefix)) continue;
    if (partial) {
      const code = globalId.charCodeAt(partial.at);
      const sextet = code < 128 ? SEXTET[code]! : -1;
      if (sextet < 0 || sextet >> partial.shift !== partial.value) continue;
    }
    return typename;
  }
  return undefined;
}

export function providerOfTypename(typename: string): ProviderName | undefined {
  return PROVIDER_OF_TYPENAME.get(typename);
}

/** An asset ID's provider and provider id; another type's ID is BAD_USER_INPUT. */
export function decodeAssetId(globalId: string): { provider: ProviderName; id: string } {
  const { typename, id } = decodeGlobalId(globalId);
  const provider = providerOfTypename(typename);
  if (!provider) throw badInput(`Expected an asset ID, got a ${typename} ID`);
  return { provider, id };
}

/** A project's Video Jungle id; another type's ID is BAD_USER_INPUT. */
export function decodeProjectId(globalId: string): string {
  const { typename, id } = decodeGlobalId(globalId);
  if (typename !== 'Project') throw badInput(`Expected a Project ID, got a ${typename} ID`);
  return id;
}
