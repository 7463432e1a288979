import type { ExampleIds } from './example-tabs.js';

/** What the tabs say where this server has no ids to offer (real providers: nothing is read for them). */
export function placeholderIds(now = new Date()): ExampleIds {
  return {
    uplynk: ['<an Uplynk asset id: run NewestAssets>'],
    uplynkProviderId: '<the asset id in your Uplynk account>',
    uplynkExternalId: '<an external id set on an Uplynk asset>',
    processingTwelveLabs: '<a Twelve Labs asset id, e.g. from UploadFromUrl>',
    project: '<a Video Jungle project id: run Projects>',
    scriptId: '<one of its scripts: Project.scripts>',
    scriptParameters: ['<each of the script parameters>'],
    projectAsset: '<a Video Jungle asset id of that project>',
    deletable: '<an asset id you mean to delete>',
    changesSince: changesSince(now),
  };
}

/** Runs one query against this server and resolves with its `data` (rejects on errors). */
export type RunQuery = (query: string) => Promise<Record<string, any>>;

const QUERY = `query GraphiQLExamples {
  uplynk: assets(provider: UPLYNK, first: 100) {
    nodes { id providerId status durationSeconds ... on UplynkAsset { externalId } }
  }
  twelveLabs: assets(provider: TWELVE_LABS, first: 100) { nodes { id status } }
  projects(first: 20) { nodes { id scripts { id parameters { name } } assets(first: 1) { nodes { id } } } }
}`;

interface ListedProject {
  id: string;
  scripts?: { id: string; parameters: { name: string }[] }[] | null;
  assets?: { nodes: { id: string }[] } | null;
}

interface Listed {
  id: string;
  providerId?: string;
  status: string;
  durationSeconds?: number | null;
  externalId?: string | null;
}

/**
 * Ids that exist in the sandbox, read through the API itself (so nothing here depends on how the
 * sandbox seeds them): READY Uplynk assets long enough for the stills example, one with an external
 * id, a Twelve Labs asset still PROCESSING, a Video Jungle project with a script and an asset. Any
 * that cannot be found keeps its placeholder.
 */
export async function findExampleIds(run: RunQuery, now = new Date()): Promise<ExampleIds> {
  const placeholders = placeholderIds(now);
  const data = await run(QUERY);
  const uplynk = (data.uplynk?.nodes ?? []) as Listed[];
  const twelveLabs = (data.twelveLabs?.nodes ?? []) as Listed[];
  const ready = uplynk.filter((a) => a.status === 'READY' && (a.durationSeconds ?? 0) >= 13);
  const withExternalId = uplynk.find((a) => a.externalId);
  const deletable = ready.at(-1);
  const projects = (data.projects?.nodes ?? []) as ListedProject[];
  const project = projects.find((p) => (p.scripts?.length ?? 0) > 0 && (p.assets?.nodes.length ?? 0) > 0);
  const script = project?.scripts?.[0];
  const used = ready.slice(0, 3);
  return {
    uplynk: used.length > 0 ? used.map((a) => a.id) : placeholders.uplynk,
    uplynkProviderId: used[0]?.providerId ?? placeholders.uplynkProviderId,
    uplynkExternalId: withExternalId?.externalId ?? placeholders.uplynkExternalId,
    processingTwelveLabs: twelveLabs.find((a) => a.status === 'PROCESSING')?.id ?? placeholders.processingTwelveLabs,
    project: project?.id ?? placeholders.project,
    scriptId: script?.id ?? placeholders.scriptId,
    scriptParameters: script ? script.parameters.map((p) => p.name) : placeholders.scriptParameters,
    projectAsset: project?.assets?.nodes[0]?.id ?? placeholders.projectAsset,
    deletable: deletable && !used.includes(deletable) ? deletable.id : placeholders.deletable,
    changesSince: placeholders.changesSince,
  };
}

/** A week back: the change feed example then shows recent history. */
export function changesSince(now: Date): string {
  return new Date(now.getTime() - 7 * 24 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
