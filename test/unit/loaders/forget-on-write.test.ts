import { describe, expect, it } from 'vitest';
import { forgetOnWrite } from '../../../src/providers/forget-on-write.js';
import type { ProviderClient } from '../../../src/providers/port.js';

/** A client whose writes answer (or fail) as told, recording what the shared reads were told to forget. */
function client(fail: boolean) {
  const forgotten: string[] = [];
  const answer = <T>(value: T) => (fail ? Promise.reject(new Error('timed out')) : Promise.resolve(value));
  const raw = {
    assets: {} as ProviderClient['assets'],
    updater: { updatableFields: ['name'], updateAsset: (id: string) => answer({ providerId: id }) },
    writer: {
      maxDeleteBatch: 1000,
      deleteAssets: (ids: readonly string[]) => answer({ deleted: [...ids], failed: [] }),
      reportUploadedParts: () => answer({ assetId: 'new-asset', processedParts: 1, duplicateParts: 0, totalCompleted: 1, fileUrl: null }),
    },
    close: async () => {},
  } as unknown as ProviderClient;
  return { wrapped: forgetOnWrite(raw, (id) => forgotten.push(id)), forgotten };
}

describe('forgetOnWrite', () => {
  it('forgets the assets each write touched once it answered', async () => {
    const { wrapped, forgotten } = client(false);
    await wrapped.updater!.updateAsset('a', { name: 'x' });
    await wrapped.writer!.deleteAssets(['b', 'c'], { force: false });
    await wrapped.writer!.reportUploadedParts!('upload-1', []);
    expect(forgotten).toEqual(['a', 'b', 'c', 'new-asset']);
  });

  it('forgets them when the write failed too: a write that timed out may have been applied', async () => {
    const { wrapped, forgotten } = client(true);
    await expect(wrapped.updater!.updateAsset('a', { name: 'x' })).rejects.toThrow('timed out');
    await expect(wrapped.writer!.deleteAssets(['b'], { force: false })).rejects.toThrow('timed out');
    expect(forgotten).toEqual(['a', 'b']);
  });

  it('keeps the methods and `this` of a writer that is a class instance', async () => {
    class Writer {
      readonly maxDeleteBatch = 1;
      readonly uploadsNeedProject = true;
      private readonly store = ['kept'];
      async upload() {
        return { providerId: this.store[0] };
      }
      async deleteAssets(ids: readonly string[]) {
        return { deleted: [...ids, ...this.store], failed: [] };
      }
    }
    const raw = { assets: {}, writer: new Writer(), close: async () => {} } as unknown as ProviderClient;
    const forgotten: string[] = [];
    const writer = forgetOnWrite(raw, (id) => forgotten.push(id)).writer!;
    expect([writer.maxDeleteBatch, writer.uploadsNeedProject]).toEqual([1, true]);
    await expect(writer.upload!.bind(writer)({ filename: 'a.mp4' })).resolves.toEqual({ providerId: 'kept' });
    await expect(writer.deleteAssets(['b'], { force: false })).resolves.toEqual({ deleted: ['b', 'kept'], failed: [] });
    expect(forgotten).toEqual(['b']);
  });
});
