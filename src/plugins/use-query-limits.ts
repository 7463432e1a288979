import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { QueryLimits } from '../config/index.js';

/**
 * graphql-armor's limits on every operation (its cost limit is replaced by the cost model in upstream
 * calls, src/plugins/use-cost.ts), over HTTP, SSE and websockets alike (they run in the
 * envelope's parse and validate phases, which src/ws.ts shares). Introspection is off unless allowed.
 * Every rule here must live in those phases: a rule keyed on the HTTP request (as yoga's
 * disable-introspection plugin is, in onRequestParse) never runs for a websocket operation.
 */
export function queryLimitPlugins(limits: QueryLimits, introspection: boolean): Plugin[] {
  const plugins: Plugin[] = [
    maxTokensPlugin({ n: limits.maxTokens, exposeLimits: true }),
    maxDepthPlugin({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true, ignoreIntrospection: true }),
    maxAliasesPlugin({ n: limits.maxAliases, exposeLimits: true }),
    maxDirectivesPlugin({ n: limits.maxDirectives, exposeLimits: true }),
  ] as Plugin[];
  if (!introspection) plugins.push(useNoIntrospection());
  return plugins;
}

/** graphql-js' own rule against `__schema` and `__type` (`__typename` stays), in the validate phase. */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}
