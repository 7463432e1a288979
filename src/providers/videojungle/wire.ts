import { z } from 'zod';

/**
 * Video Jungle's JSON, as the Python SDK's pydantic models and the docs examples show it. Everything but
 * the ids is parsed leniently: the docs omit fields the SDK declares, and embedded objects vary by endpoint.
 */

const text = z.string().nullish();

/** The project object embedded in GET /assets/{id}: no assets, prompts or scripts there. */
const embeddedProject = z.object({ id: z.string() });

export const vjAsset = z.object({
  id: z.string(),
  keyname: text,
  url: text,
  download_url: text,
  asset_path: text,
  asset_type: text,
  created_at: text,
  description: text,
  generated_description: text,
  /** An object, or the same object as a JSON string (the SDK parses it and keeps the string if it fails). */
  create_parameters: z.unknown().optional(),
  status: text,
  uploaded: z.boolean().nullish(),
  /** Only on GET /assets/{id}, with `key` and the embedded `project`. */
  project_id: text,
  key: text,
  project: embeddedProject.nullish(),
});
export type VjAsset = z.infer<typeof vjAsset>;

export const vjProject = z.object({
  id: z.string(),
  name: z.string(),
  description: text,
  /** A string ("", a generation method) or an object: both are seen. */
  data: z.unknown().optional(),
  created_at: text,
  owner_id: text,
  asset_count: z.number().nullish(),
  assets: z.array(vjAsset).nullish(),
  prompts: z.array(z.unknown()).nullish(),
  scripts: z.array(z.unknown()).nullish(),
});
export type VjProject = z.infer<typeof vjProject>;

/** GET /projects and GET /projects/{id}/asset answer bare arrays: there is no paging envelope. */
export const vjProjectList = z.array(vjProject);
export const vjAssetList = z.array(vjAsset);

/** GET /assets/check/{id} */
export const vjCheck = z.object({ uploaded: z.boolean() });

/**
 * Error bodies: FastAPI's `{detail: string}` or its 422 `{detail: [{loc, msg, type}]}`, or the docs'
 * template `{type, message, documentation_url}`.
 */
export const vjError = z.object({
  detail: z
    .union([
      z.string(),
      z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string() })),
    ])
    .optional(),
  message: z.string().optional(),
});

/**
 * Ids are UUIDs; the server parses them like pydantic does (hyphenated or 32 hex digits, any case) and answers 422
 * otherwise. The brace and urn: spellings pydantic also takes are left out: no Video Jungle response uses them.
 */
export const VJ_UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;
