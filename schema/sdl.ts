import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSchema } from '../resolvers/schema.js';

/** The subgraph SDL a gateway composes (what `_service { sdl }` answers), as committed in schema.graphql. */
export async function subgraphSdl(): Promise<string> {
  return `${printSubgraphSchema(await buildSchema()).trimEnd()}\n`;
}
