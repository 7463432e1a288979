import { z } from 'zod';
import { decodeGlobalId, type NodeTypename } from '../../schema/ids.js';
import type { Context } from '../../src/context.js';
import { InvalidInputError, NotConfiguredError, UnsupportedError, type FieldPath } from '../../src/errors/domain.js';
import { PROVIDER_LABELS } from '../../src/providers/index.js';
import type { AssetWriter } from '../../src/providers/port.js';
import type { ClientOf, ProviderName } from '../../src/providers/index.js';

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

/**
 * The provider's client with the capability `pick` selects; when the provider is not configured here
 * or does not offer it, an error that points at `field` (below `input`; default `provider`).
 */
export function capability<P extends ProviderName, T>(
  ctx: Context,
  provider: P,
  pick: (client: ClientOf<P>) => T | undefined,
  what: string,
  field: FieldPath = ['provider'],
): T {
  if (!ctx.providers.has(provider)) throw new NotConfiguredError(provider, field);
  const found = pick(ctx.providers.get(provider));
  if (found === undefined) throw new UnsupportedError(provider, `${what} through this API`, field);
  return found;
}

/** A provider whose uploads go into a project (its writer says so) needs `projectId`, checked before any call. */
export function requireProject(provider: ProviderName, writer: AssetWriter, projectId: string | null | undefined): void {
  if (writer.uploadsNeedProject && !projectId) {
    throw new InvalidInputError(`${PROVIDER_LABELS[provider]} assets belong to a project: give projectId`, { field: ['projectId'], reason: 'REQUIRED' });
  }
}
