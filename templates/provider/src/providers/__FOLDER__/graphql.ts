import { assetNode } from '../../../schema/asset-node.js';
import { builder } from '../../../schema/builder.js';

/** __LABEL__'s GraphQL part: its asset type, with its own fields. */
export const assetRef = assetNode('__ENUM__', 'A __LABEL__ asset.');

builder.objectFields(assetRef, (t) => ({
  state: t.exposeString('state', { description: "__LABEL__'s own status word." }),
}));
