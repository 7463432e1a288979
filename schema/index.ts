/**
 * The core schema's declarations: scalars, enums, the Asset interface, connections, Frame and Change,
 * the mutation payload shape. Types only; the fields callers reach are declared with their resolvers in
 * resolvers/, and each provider's own types in its GraphQL part. resolvers/schema.ts builds the whole.
 */
import './scalars.js';
import './enums.js';
import './asset.js';
import './change.js';
import './frame.js';
import './mutation.js';

export { builder } from './builder.js';
