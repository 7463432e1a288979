import { seedVideoJungle, type ProjectSeed, type SeedData } from './seed.js';
import { assetDetailView, assetView, projectView, type AssetRecord } from './views.js';

export interface VideoJungleStoreOptions {
  /** When the seeded pending assets land, in ms after the store is created (default: each its own 3–8 s). */
  pendingDelayMs?: number;
  /** The clock (default Date.now); tests pass their own. */
  now?: () => number;
}

/**
 * The sandbox account's state, indexed by id. Response bodies are serialised once and cached until an
 * asset changes, so the hot reads are a Map lookup; a pending asset landing clears the cache.
 */
export class VideoJungleStore {
  /** Epoch ms when the store was created: the pending assets land relative to it. */
  readonly createdAt: number;
  private readonly now: () => number;
  private readonly projects = new Map<string, ProjectSeed>();
  private readonly assets = new Map<string, AssetRecord>();
  private readonly bodies = new Map<string, string>();
  private nextLanding = Infinity;

  constructor(data: SeedData = seedVideoJungle(), options: VideoJungleStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.createdAt = this.now();
    for (const project of data.projects) this.projects.set(project.id, project);
    for (const seed of data.assets) {
      const pending = seed.pending;
      const landsAt = pending ? this.createdAt + (options.pendingDelayMs ?? pending.afterMs) : null;
      const record = { ...seed, uploaded: !pending, status: pending ? pending.status : seed.readyStatus, landsAt };
      this.assets.set(seed.id, record);
    }
    this.planNextLanding();
  }

  projectIds(): string[] {
    return [...this.projects.keys()];
  }

  assetIds(): string[] {
    return [...this.assets.keys()];
  }

  /** Assets not uploaded yet, as of now. */
  pendingAssetIds(): string[] {
    this.land();
    return [...this.assets.values()].filter((a) => !a.uploaded).map((a) => a.id);
  }

  /** A copy of an asset's current state, for tests. */
  asset(id: string): Readonly<AssetRecord> | undefined {
    this.land();
    const record = this.assets.get(id);
    return record && { ...record };
  }

  project(id: string): Readonly<ProjectSeed> | undefined {
    return this.projects.get(id);
  }

  /** Every asset not uploaded yet lands `ms` from now instead of when it was due. */
  settlePendingIn(ms: number): void {
    this.land();
    for (const a of this.assets.values()) if (!a.uploaded) a.landsAt = this.now() + ms;
    this.planNextLanding();
  }

  /** GET /projects: every project, each with its assets, prompts and scripts. */
  projectsBody(): string {
    return this.cached('projects', () => [...this.projects.values()].map((p) => projectView(p, this.assetsOf(p))));
  }

  projectBody(id: string): string | undefined {
    const p = this.projects.get(id);
    return p && this.cached(`project:${id}`, () => projectView(p, this.assetsOf(p)));
  }

  projectAssetsBody(id: string): string | undefined {
    const p = this.projects.get(id);
    return p && this.cached(`project-assets:${id}`, () => this.assetsOf(p).map(assetView));
  }

  assetBody(id: string): string | undefined {
    const a = this.assets.get(id);
    const p = a && this.projects.get(a.projectId);
    return p && this.cached(`asset:${id}`, () => assetDetailView(a!, p));
  }

  checkBody(id: string): string | undefined {
    this.land();
    const a = this.assets.get(id);
    return a && (a.uploaded ? '{"uploaded":true}' : '{"uploaded":false}');
  }

  private assetsOf(p: ProjectSeed): AssetRecord[] {
    return p.assetIds.map((id) => this.assets.get(id)!);
  }

  private cached(key: string, build: () => unknown): string {
    this.land();
    let body = this.bodies.get(key);
    if (body === undefined) {
      body = JSON.stringify(build());
      this.bodies.set(key, body);
    }
    return body;
  }

  /** Lands the uploads that are due; a constant-time check when none is. */
  private land(): void {
    const now = this.now();
    if (now < this.nextLanding) return;
    for (const a of this.assets.values()) {
      if (a.uploaded || a.landsAt === null || a.landsAt > now) continue;
      a.uploaded = true;
      // Generated videos report 'uploaded' once stored; the docs say uploads report null.
      a.status = a.assetType === 'user' ? null : 'uploaded';
      a.landsAt = null;
    }
    this.bodies.clear();
    this.planNextLanding();
  }

  private planNextLanding(): void {
    this.nextLanding = Infinity;
    for (const a of this.assets.values()) {
      if (a.landsAt !== null) this.nextLanding = Math.min(this.nextLanding, a.landsAt);
    }
    this.bodies.clear();
  }
}
