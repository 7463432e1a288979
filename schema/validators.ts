import { z } from 'zod';
import { decodeGlobalId, type NodeTypename } from './ids.js';

/** Validators that mutation inputs share (schema/input.ts pairs each with its GraphQL field). */

/** The provider's id inside a global ID of `typename`; undefined for a malformed ID or another type. */
export function idOfType(value: string, typename: NodeTypename): string | undefined {
  try {
    const decoded = decodeGlobalId(value);
    return decoded.typename === typename ? decoded.id : undefined;
  } catch {
    return undefined;
  }
}

/** A Project global ID, as Video Jungle's project id. */
export const projectIdSchema = z.string().transform((value, ctx) => {
  const id = idOfType(value, 'Project');
  if (id !== undefined) return id;
  ctx.addIssue({ code: 'custom', message: 'must be a Project ID of this API' });
  return z.NEVER;
});

export const nameSchema = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const httpUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** Flat metadata, as the providers store it: string, number or boolean values. */
export const metadataSchema = z.record(z.string().min(1).max(256), z.union([z.string().max(4096), z.number(), z.boolean()]), {
  message: 'must be an object of string, number or boolean values',
});
