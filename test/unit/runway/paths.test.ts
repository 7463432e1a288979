import { describe, expect, it } from 'vitest';
import { runwayAssetPath } from '../../../src/providers/runway/paths.js';

describe('Runway asset paths', () => {
  it("keep the assetId's ':' and '@' raw, as useapi's own examples send them", () => {
    const id = 'user:1234-runwayml:jane@example.com-asset:5b1f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(runwayAssetPath(id)).toBe(`/assets/${id}`);
  });

  it("keep a plus-addressed email's '+' and the other sub-delims raw too", () => {
    const id = 'user:1234-runwayml:jane+video@example.com-asset:5b1f4c1e-2a3d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(runwayAssetPath(id)).toBe(`/assets/${id}`);
    expect(runwayAssetPath("a$&+,;=!'()*b")).toBe("/assets/a$&+,;=!'()*b");
  });

  it('percent-encode only what is not pchar, so the id stays one segment', () => {
    expect(runwayAssetPath('user:1-runwayml:a b@x/y?z#w%-asset:1')).toBe('/assets/user:1-runwayml:a%20b@x%2Fy%3Fz%23w%25-asset:1');
  });
});
