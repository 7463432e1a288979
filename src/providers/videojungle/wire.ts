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

/** An array whose unreadable items are left out rather than failing the whole. */
const readableItems = <T extends z.ZodType>(item: T) =>
  z.array(item.nullable().catch(null)).transform((items) => items.filter((i): i is NonNullable<z.output<T>> => i !== null));

/**
 * One of a script's inputs: the SDK types them as bare dicts [I: each names one parameter in `name`,
 * with its `type` and sometimes a `description`]; a bare string is taken as the name.
 */
const vjScriptInput = z.union([
  z.object({ name: z.string(), type: text.catch(null), description: text.catch(null) }).passthrough(),
  z.string().transform((name) => ({ name, type: null, description: null })),
]);

/**
 * A project's script (VJ-PY `Script`: id, project_id, value, inputs, name, created_at, key?, manuscript?).
 * No source pins a script's shape down, and every project read carries them: what cannot be read
 * (a script without an id, an input without a name) is left out rather than failing the project.
 */
export const vjScript = z.object({
  id: z.string(),
  name: text.catch(null),
  inputs: readableItems(vjScriptInput).nullish().catch(null),
});

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
  scripts: readableItems(vjScript).nullish().catch(null),
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
  // A `detail` of another shape leaves `message` to read, not the whole body unread.
  detail: z
    .union([z.string(), z.array(z.object({ loc: z.array(z.union([z.string(), z.number()])).optional(), msg: z.string() }))])
    .optional()
    .catch(undefined),
  message: z.string().optional().catch(undefined),
});

/**
 * Ids are UUIDs; the server parses them like pydantic does (hyphenated or 32 hex digits, any case) and answers 422
 * otherwise. The brace and urn: spellings pydantic also takes are left out: no Video Jungle response uses them.
 */
export const VJ_UUID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$/i;

// Write side.

/** Anything that answers with the new object's id: POST /projects, POST /projects/{id}/asset (video-reference). */
export const vjCreated = z.object({ id: z.string() });

/**
 * POST /projects/{id}/asset for a file: where its bytes go (a path on the API). VJ-PY reads only
 * `upload_url.url`; the asset's `id`, which the sandbox also sends, is not promised until step 2.
 */
export const vjAssetCreated = z.object({ id: z.string().nullish(), upload_url: z.object({ url: z.string() }) });

/** POST /projects/{pid}/{script_id}/generate; the docs' example adds a presigned `url`. */
export const vjGenerated = z.object({ asset_id: z.string(), asset_key: text, url: text });

/** POST /projects/{pid}/create-edit */
export const vjEditCreated = z.object({ asset_id: z.string(), asset_key: text, edit_id: z.string() });

/**
 * POST /video-file: the new video file, its id at the top (VJ-PY reads `id` after file-no-chunk) or
 * under `video` (the direct-upload example); which one the `url` method answers is not shown [I].
 */
export const vjVideoFileCreated = z.object({ id: text, video: z.object({ id: text }).nullish() });
export type VjVideoFileCreated = z.infer<typeof vjVideoFileCreated>;

/** An S3 presigned POST: the form's action and the fields to send before the file. */
const vjPresignedPost = z.object({ url: z.string(), fields: z.record(z.string(), z.string()) });

/**
 * POST /video-file with upload_method "direct": `{upload_url, video: {id}}`, or the presigned POST and
 * the id both under `video` (the SDK's direct-upload example handles both shapes).
 */
export const vjDirectUpload = z.object({
  id: z.string().nullish(),
  upload_url: vjPresignedPost.nullish(),
  video: z.object({ id: z.string().nullish(), upload_url: vjPresignedPost.nullish() }).nullish(),
});
export type VjDirectUpload = z.infer<typeof vjDirectUpload>;

/** DELETE answers: the body is undocumented, so any JSON (or none) will do. */
export const vjAnything = z.unknown();
