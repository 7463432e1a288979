import { seedVideoJungle, type ProjectSeed, type SeedData } from './seed.js';
import { assetDetailView, assetView, projectView, type AssetRecord } from './views.js';

export interface VideoJungleStoreOptions {
  /** When the seeded pending assets land, in ms after the store is created (default: each its own 3–8 s). */
  pendingDelayMs?: number;
  /** How long a generated, rendered or uploaded asset processes before it is uploaded (default 4000 ms). */
  writeDelayMs?: number;
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
  readonly ownerId: string;
  /** The processing time of what the write endpoints create; tests may change it. */
  writeDelayMs: number;
  readonly now: () => number;
  /** Every seeded prompt by id: POST /projects may start a project from one. */
  private readonly prompts = new Map<string, Record<string, unknown>>();
  private readonly projects = new Map<string, ProjectSeed>();
  private readonly assets = new Map<string, AssetRecord>();
  private readonly bodies = new Map<string, string>();
  private nextLanding = Infinity;

  constructor(data: SeedData = seedVideoJungle(), options: VideoJungleStoreOptions = {}) {
    this.now = options.now ?? Date.now;
    this.createdAt = this.now();
    this.ownerId = data.ownerId;
    this.writeDelayMs = options.writeDelayMs ?? 4000;
    for (const project of data.projects) {
      this.projects.set(project.id, project);
      for (const prompt of project.prompts) this.prompts.set(String(prompt.id), prompt);
    }
    for (const seed of data.assets) {
      const pending = seed.pending;
      const landsAt = pending ? this.createdAt + (options.pendingDelayMs ?? pending.afterMs) : null;
      const status = pending ? pending.status : seed.readyStatus;
      const record = { ...seed, uploaded: !pending, status, landsAt, videoFileId: null };
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

  /** Every asset on its way lands `ms` from now instead of when it was due (not those still waiting for bytes). */
  settlePendingIn(ms: number): void {
    this.land();
    for (const a of this.assets.values()) if (!a.uploaded && a.landsAt !== null) a.landsAt = this.now() + ms;
    this.planNextLanding();
  }

  // Write primitives: the write handlers (writes.ts) decide what to create, the store keeps it indexed.

  prompt(id: string): Readonly<Record<string, unknown>> | undefined {
    return this.prompts.get(id);
  }

  /** The live record, for the write handlers; tests use asset(id). */
  assetRecord(id: string): AssetRecord | undefined {
    this.land();
    return this.assets.get(id);
  }

  addProject(project: ProjectSeed): void {
    this.projects.set(project.id, project);
    this.bodies.clear();
  }

  /** A project goes with its assets [I: what a project delete leaves behind is undocumented]. */
  removeProject(id: string): boolean {
    const project = this.projects.get(id);
    if (!project) return false;
    for (const assetId of project.assetIds) this.assets.delete(assetId);
    this.projects.delete(id);
    this.planNextLanding();
    return true;
  }

  addAsset(record: AssetRecord): void {
    this.assets.set(record.id, record);
    this.projects.get(record.projectId)?.assetIds.push(record.id);
    this.planNextLanding();
  }

  removeAsset(id: string): boolean {
    const record = this.assets.get(id);
    if (!record) return false;
    const project = this.projects.get(record.projectId);
    if (project) project.assetIds = project.assetIds.filter((a) => a !== id);
    this.assets.delete(id);
    this.planNextLanding();
    return true;
  }

  /** An asset whose bytes are in: it processes for writeDelayMs, then is uploaded. */
  startProcessing(id: string): void {
    const record = this.assets.get(id);
    if (!record || record.uploaded) return;
    record.status = 'processing';
    record.landsAt = this.now() + this.writeDelayMs;
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
