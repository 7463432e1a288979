import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  isCompositeType,
  Kind,
  type SelectionSetNode,
  typeFromAST,
} from 'graphql';
import { COST_EXTENSION, type CostEnv, type CostRule } from './rule.js';

export interface EstimateInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * The operation's price in upstream calls, before it runs: each field's rule (./rule.ts) times the
 * number of parent objects it resolves for. An upper bound: every branch of every fragment is priced
 * (whichever type an object turns out to be), @skip/@include are ignored, and a loader shared by two
 * fields is priced for each. Arguments are read as execution will read them (defaults, variables);
 * a field whose arguments do not coerce costs nothing, since execution refuses it before any call.
 */
export function estimateCost(input: EstimateInput, env: Omit<CostEnv, 'primed'>): number {
  const operation = getOperationAST(input.document, input.operationName ?? undefined);
  if (!operation) return 0;
  const root = input.schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of input.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const walker = new Walker(input.schema, fragments, input.variables ?? {}, env);
  return walker.selection(root, operation.selectionSet, 1, new Set(), new Set());
}

class Walker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly env: Omit<CostEnv, 'primed'>,
  ) {}

  /** The cost of `set` resolved on `count` objects of `type`; `visiting` stops fragment cycles. */
  selection(type: GraphQLCompositeType, set: SelectionSetNode, count: number, primed: ReadonlySet<string>, visiting: Set<string>): number {
    let total = 0;
    for (const node of set.selections) {
      if (node.kind === Kind.FIELD) {
        total += this.field(type, node, count, primed, visiting);
      } else {
        const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : this.fragments.get(node.name.value);
        if (!fragment || (node.kind === Kind.FRAGMENT_SPREAD && visiting.has(node.name.value))) continue;
        const on = fragment.typeCondition ? typeFromAST(this.schema, fragment.typeCondition) : type;
        if (!on || !isCompositeType(on)) continue;
        const inner = node.kind === Kind.FRAGMENT_SPREAD ? new Set([...visiting, node.name.value]) : visiting;
        total += this.selection(on, fragment.selectionSet, count, primed, inner);
      }
    }
    return total;
  }

  private field(parent: GraphQLCompositeType, node: FieldNode, count: number, primed: ReadonlySet<string>, visiting: Set<string>): number {
    if (!('getFields' in parent)) return 0; // a union: only __typename can be selected on it directly
    const definition = parent.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined;
    if (!definition) return 0; // __typename and introspection fields
    const rule = definition.extensions?.[COST_EXTENSION] as CostRule | undefined;
    let cost = { calls: 0, fanOut: 1, primes: [] as readonly string[] };
    if (rule) {
      let args: Record<string, unknown>;
      try {
        args = getArgumentValues(definition, node, this.variables);
      } catch {
        return 0;
      }
      const priced = rule(args, { ...this.env, primed });
      cost = { calls: priced.calls, fanOut: priced.fanOut ?? 1, primes: priced.primes ?? [] };
    }
    const own = count * cost.calls;
    const named = getNamedType(definition.type);
    if (!node.selectionSet || !isCompositeType(named)) return own;
    const inner = cost.primes.length > 0 ? new Set([...primed, ...cost.primes]) : primed;
    return own + this.selection(named, node.selectionSet, count * cost.fanOut, inner, visiting);
  }
}
