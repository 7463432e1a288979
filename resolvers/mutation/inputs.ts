import { z } from 'zod';
import { decodeGlobalId, type NodeTypename } from '../../src/ids.js';
import type { Context } from '../../src/context.js';
import { PROVIDER_LABELS, type ProviderClient, type ProviderName } from '../../src/providers/types.js';
import { UserInputProblem, userError } from './user-errors.js';

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

export const nameSchema = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const httpUrlSchema = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** Flat metadata, as the providers store it: string, number or boolean values. */
export const metadataSchema = z.record(z.string().min(1).max(256), z.union([z.string().max(4096), z.number(), z.boolean()]), {
  message: 'must be an object of string, number or boolean values',
});

/**
 * The provider's client with the capability `pick` selects, or a user error on ["input", "provider"]
 * (or `field`) when the provider is not configured here or does not offer it.
 */
export function capability<T>(
  ctx: Context,
  provider: ProviderName,
  pick: (client: ProviderClient) => T | undefined,
  what: string,
  field: string[] = ['input', 'provider'],
): T {
  if (!ctx.providers.has(provider)) {
    throw new UserInputProblem([
      userError('PROVIDER_NOT_CONFIGURED', field, `${PROVIDER_LABELS[provider]} is not configured on this server`),
    ]);
  }
  const found = pick(ctx.providers.get(provider) as ProviderClient);
  if (found === undefined) {
    throw new UserInputProblem([
      userError('UNSUPPORTED_BY_PROVIDER', field, `${PROVIDER_LABELS[provider]} does not support ${what} through this API`),
    ]);
  }
  return found;
}
