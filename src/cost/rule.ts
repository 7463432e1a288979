import type { ProviderRegistry } from '../providers/registry.js';

/**
 * How a field is priced in upstream calls. Declared at the field itself (Pothos `extensions`, read by
 * ./estimate.ts from the built schema), so the price sits beside the resolver that spends it; the
 * numbers inside come from each provider's client (maxBatch, listCalls), never from a table here.
 * A field without a rule costs nothing: it is served from the object its parent already fetched.
 */
export type CostRule = (args: Record<string, unknown>, env: CostEnv) => FieldCost;

export interface FieldCost {
  /** Upstream calls one resolution of the field makes (for each instance of its parent). */
  calls: number;
  /** How many objects its selection is resolved for, per instance of the parent (a list's length). */
  fanOut?: number;
  /** Loaders this field fills for its descendants (e.g. a project list fills the project loader). */
  primes?: readonly string[];
}

export interface CostEnv {
  providers: ProviderRegistry;
  /** false: the loaders send one call per key (BATCHING=false). */
  batching: boolean;
  /** Loaders an ancestor of this field already filled: a read through them costs nothing. */
  primed: ReadonlySet<string>;
}

/** The key under which a field's rule sits in its GraphQL extensions. */
export const COST_EXTENSION = 'assetfedCost';

/** Pothos `extensions` for a field priced by `rule`. */
export const costs = (rule: CostRule) => ({ [COST_EXTENSION]: rule });

/** A field that makes `calls` upstream calls each time it resolves, whatever its arguments. */
export const fixedCost = (calls: number) => costs(() => ({ calls }));
