/**
 * Uplynk's GraphQL part: its asset type and its own root fields (the change feed, reads by external
 * id). Imported when the schema is built (src/providers/uplynk/index.ts), after every core type exists.
 */
import { UplynkAssetRef } from './asset.js';
import './fields.js';

export const assetRef = UplynkAssetRef;
