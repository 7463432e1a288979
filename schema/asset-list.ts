import { z } from 'zod';
import { MEDIA_TYPES } from '../src/providers/types.js';
import { AssetRef } from './asset.js';
import { connectionType } from './connection.js';
import { MediaTypeEnum } from './enums.js';
import { describedInput, optional } from './input.js';

/** The merged or per-provider asset list: its filter and its connection. */

export const AssetFilterInput = describedInput('AssetFilter', {
  fields: {
    search: optional(
      'String',
      z.string().refine((v) => v.trim().length > 0 && v.length <= 200, 'must be 1–200 characters'),
      {
        description: "Text to match, with the provider's own search (Uplynk query, Twelve Labs filename, Video Jungle names). Runway: UNSUPPORTED_BY_PROVIDER.",
      },
    ),
    mediaType: optional(MediaTypeEnum, z.enum(MEDIA_TYPES)),
    includeShared: optional('Boolean', z.boolean(), {
      description:
        "Uplynk: also list the assets of libraries shared with this account (asset/list's shared_assets), merged newest first; such a list pages up to 1,000 assets deep. Default false: your own library only, asked for explicitly (ignore_shared_libraries). Other providers have no shared content.",
    }),
  },
});

export const AssetConnectionRef = connectionType('Asset', AssetRef);
