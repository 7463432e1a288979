import type { z } from 'zod';
import type { SandboxDefinition } from '../../sandbox/server.js';
import type { ClientOptions } from './http/index.js';
import type { ProviderClient } from './port.js';
import type { AssetBase, Capability } from './types.js';

/**
 * One provider, whole: everything the rest of the server derives from the list in ./index.ts. Each
 * provider's folder exports one value of this type; a part left out is a type error, not a gap found
 * in production (a secret that is never scrubbed, a variable never read, a sandbox never started).
 */
export interface ProviderModule<
  Name extends string = string,
  Config = unknown,
  Client extends ProviderClient<AssetBase> = ProviderClient<AssetBase>,
  Sandbox extends SandboxDefinition = SandboxDefinition,
> {
  /** Its value in the Provider enum, e.g. UPLYNK. */
  readonly name: Name;
  /** How people write its name, in messages. */
  readonly label: string;
  /** The GraphQL object type of its assets, which also opens their global IDs ("UplynkAsset:…"). */
  readonly typename: string;
  /** Its other Node types (Video Jungle's Project): their global IDs are its own ids, under these names. */
  readonly nodeTypes: readonly string[];
  /** Its variables: parsing the environment gives its configuration, or undefined when none is set. */
  readonly env: z.ZodType<Config | undefined>;
  /** The values of its configuration that are secrets: scrubbed from every log line. */
  secrets(config: Config): readonly string[];
  /** What it can do, as the `providers` query lists it (a test holds this to what create() builds). */
  readonly capabilities: readonly Capability[];
  /** Its client: the parts of the port it implements (ProviderClient), over its own HTTP pool. */
  create(config: Config, options: ClientOptions): Client;
  /**
   * Its GraphQL part: its asset type (typename) and provider-only types and root fields, imported when
   * the schema is built (so the part can use every core type, and the core never imports a provider's).
   */
  graphql(): Promise<ProviderGraphQL>;
  /** Its sandbox, imported only when the sandbox is served. */
  sandbox(): Promise<SandboxPart<Sandbox>>;
}

/** A provider's local stand-in: how to make one, and the variables that point assetfed at it. */
export interface SandboxPart<Sandbox extends SandboxDefinition> {
  /** A fresh stand-in: its routes, error envelope and seeded data (`store`, for tests to pick ids from). */
  create(): Sandbox;
  /**
   * The provider's variables for a stand-in served at `baseUrl`, with the stand-in's credentials: what
   * the sandbox parses through the module's own `env` (so they are checked like any deployment's),
   * and what `npm run sandbox` prints for pointing a second server at it.
   */
  env(baseUrl: string): Record<string, string>;
}

/** What a provider's GraphQL part gives the core schema: its asset object type (made an entity there). */
export interface ProviderGraphQL {
  assetRef: object;
}
