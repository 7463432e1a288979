import { HOUR_MS } from '../epoch.js';
import { SeededRandom } from '../random.js';
import { vjTimestamp } from './formats.js';
import { presignedUrls, type AssetSeed, type ProjectSeed } from './seed.js';

/**
 * Asset types whose key is a bare UUID: VJ-MCP handles `video`, `video_edit`, `image` and `audio`
 * assets (~l.840) and reads what they are from the type alone (providers.md §1.5), so these carry no
 * file extension that a client could lean on.
 */
const TYPED: readonly { assetType: string; description: string; filename: string }[] = [
  { assetType: 'video', description: 'Imported camera original', filename: 'camera-original.mp4' },
  { assetType: 'video_edit', description: 'Rough cut from the editor', filename: 'rough-cut.mp4' },
  { assetType: 'image', description: 'Key art still', filename: 'key-art.png' },
  { assetType: 'audio', description: 'Mixed soundtrack', filename: 'soundtrack.mp3' },
];

/**
 * One typed asset in each of the first projects, the oldest in its project (an hour after it was made),
 * from a PRNG of its own so the rest of the seeded account stays as it was.
 */
export function seedTypedAssets(projects: ProjectSeed[], assets: AssetSeed[], projectTimes: readonly number[]): void {
  const prng = new SeededRandom(0x7e_9ed);
  TYPED.forEach((typed, index) => {
    const project = projects[index % projects.length]!;
    const at = projectTimes[index % projects.length]! + HOUR_MS;
    const key = prng.uuid();
    const asset: AssetSeed = {
      id: prng.uuid(),
      key,
      projectId: project.id,
      keyname: key,
      assetType: typed.assetType,
      assetPath: null,
      description: typed.description,
      generatedDescription: null,
      createParameters: null,
      createdAt: vjTimestamp(at, prng.int(0, 999)),
      ...presignedUrls(prng, project, key, at, typed.filename),
      readyStatus: 'uploaded',
      pending: null,
    };
    project.assetIds.unshift(asset.id);
    assets.push(asset);
  });
}
