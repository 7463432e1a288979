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
});
