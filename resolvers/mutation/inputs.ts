import type { Context } from '../../src/context.js';
import { InvalidInputError, NotConfiguredError, UnsupportedError, type FieldPath } from '../../src/errors/domain.js';
import { PROVIDER_LABELS } from '../../src/providers/index.js';
import type { AssetWriter } from '../../src/providers/port.js';
import type { ClientOf, ProviderName } from '../../src/providers/index.js';

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
