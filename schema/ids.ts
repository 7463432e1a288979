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

/**
 * Recent decodes: a request's ids are decoded by its cost estimate (src/cost/reads.ts) and again by
 * its resolvers, so the second is a lookup. Bounded (the oldest goes first); a bad id is not kept,
 * so it is refused afresh, with the same error, every time.
 */
const DECODED = new Map<string, Readonly<DecodedId>>();
const DECODED_MAX = 1024;

/** Decodes any global ID this API issued; anything else is BAD_USER_INPUT naming the value. */
export function decodeGlobalId(globalId: string): DecodedId {
  const known = DECODED.get(globalId);
  if (known) return known;
  const decoded = Object.freeze(decodeAfresh(globalId));
  if (DECODED.size >= DECODED_MAX) DECODED.delete(DECODED.keys().next().value!);
  DECODED.set(globalId, decoded);
  return decoded;
}

function decodeAfresh(globalId: string): DecodedId {
  const invalid = () => badInput(`${JSON.stringify(globalId.slice(0, 100))} is not a valid ID of this API`, { invalidId: true });
  if (globalId.length === 0 || globalId.length > 2048 || !BASE64.test(globalId)) throw invalid();
  const text = Buffer.from(globalId, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0 || colon === text.length - 1) throw invalid();
  const typename = text.slice(0, colon);
  if (!NODE_TYPENAMES.has(typename)) throw invalid();
  return { typename: typename as NodeTypename, id: text.slice(colon + 1) };
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
