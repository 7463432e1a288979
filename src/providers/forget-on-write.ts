import type { ProviderClient } from './port.js';

/**
 * The client with its writes wrapped so each one, once answered, makes the shared reads forget the
 * assets it touched: a read that starts afterwards never joins a call that started before. Forgotten
 * on failure too, since a write that timed out may still have been applied. Whoever calls the write
 * (a mutation, the live engine's tests, a future job) gets this, not only the resolvers that remember.
 */
export function forgetOnWrite<C extends ProviderClient>(client: C, forget: (id: string) => void): C {
  // Each wrapper inherits from what it wraps (a writer may be a class instance, whose methods a spread
  // would drop) and overrides only the writes.
  const extend = <T extends object>(base: T, overrides: Partial<T>): T => Object.assign(Object.create(base) as T, overrides);
  const { writer, updater } = client;
  const wrapped: C = { ...client };
  if (updater) {
    wrapped.updater = extend(updater, {
      updateAsset: (id, update) => updater.updateAsset(id, update).finally(() => forget(id)),
    });
  }
  if (writer) {
    wrapped.writer = extend(writer, {
      deleteAssets: (ids, options) =>
        writer.deleteAssets(ids, options).finally(() => {
          for (const id of ids) forget(id);
        }),
      ...(writer.reportUploadedParts && {
        reportUploadedParts: async (uploadId, parts) => {
          const report = await writer.reportUploadedParts!(uploadId, parts);
          // The asset the parts finalize: its id is known only from the answer.
          if (report.assetId) forget(report.assetId);
          return report;
        },
      }),
    });
  }
  return wrapped;
}
