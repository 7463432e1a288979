import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSchema } from '../resolvers/schema.js';

/**
 * Prints the subgraph SDL a gateway composes (what `_service { sdl }` answers), as committed in
 * schema/schema.graphql: what codegen.ts reads (through tsx, which loads the providers' parts natively).
 */
process.stdout.write(`${printSubgraphSchema(await buildSchema()).trimEnd()}\n`);
