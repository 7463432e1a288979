import { execute } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * graphql-js' execute in place of yoga's executor (@graphql-tools/executor 2.0), which writes an
 * object's fields in the order their values settle: `asset { id name }` answered `name` first when
 * `id` waited on a promise. The spec asks for the order of the query (§7.2.2 Serialized Map
 * Ordering), which graphql-js keeps (pothos#1511 reports the same with yoga). What that executor
 * adds, @defer and @stream, this server does not offer. Subscriptions already run on graphql-js
 * (use-shared-event-execution.ts).
 */
export function useOrderedExecution(): Plugin {
  return {
    onExecute({ setExecuteFn }) {
      setExecuteFn(execute);
    },
  };
}
