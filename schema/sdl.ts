import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSchema } from './index.js';

/** The subgraph SDL a gateway composes (what `_service { sdl }` answers), as committed in schema.graphql. */
export function subgraphSdl(): string {
  return `${printSubgraphSchema(buildSchema()).trimEnd()}\n`;
}
