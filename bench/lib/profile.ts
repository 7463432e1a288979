import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface HotSpot {
  name: string;
  selfMs: number;
  selfPct: number;
}

/** Where a frame's code lives: a package name, a repo file, or a Node/V8 built-in. */
function origin(url: string): string {
  if (!url) return '(native/V8)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (pkg) return pkg[1]!;
  if (path.startsWith('node:')) return path;
  return relative(process.cwd(), path);
}

/**
 * Self time of a V8 .cpuprofile, by function and by where the code lives (package or repo file),
 * idle and GC kept apart: what is worth looking at when a target is missed.
 */
export function hotSpots(file: string, top = 15): { functions: HotSpot[]; origins: HotSpot[]; totalMs: number; idleMs: number } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const functions = new Map<string, number>();
  const origins = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') {
      idle += functionName === '(idle)' ? ms : 0;
      if (functionName === '(idle)') continue;
    }
    total += ms;
    const where = origin(url);
    const name = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    origins.set(where, (origins.get(where) ?? 0) + ms);
  }
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, selfMs: Math.round(ms), selfPct: Math.round((ms / total) * 1000) / 10 }));
  return { functions: rank(functions), origins: rank(origins), totalMs: Math.round(total), idleMs: Math.round(idle) };
}

/**
 * The main thread's profile of each profiled child whose directory name starts with `prefix`, oldest
 * first (Node names them CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile; the main thread is 0).
 */
export function mainThreadProfiles(dir: string, prefix: string): string[] {
  try {
    return readdirSync(dir)
      .filter((d) => d.startsWith(prefix))
      .sort()
      .flatMap((d) =>
        readdirSync(join(dir, d))
          .filter((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f))
          .map((f) => join(dir, d, f)),
      );
  } catch {
    return [];
  }
}

/**
 * Parts of a request worth naming when a target is missed, matched on "function path:line" of a frame
 * (the path inside its package, or inside the repo).
 */
export const COST_GROUPS: [string, RegExp][] = [
  // src/providers/http/client.ts's `once` and response.ts's `readResponse`: under tsx by their
  // paths, in the build (one bundle and its chunks) by their names.
  ['upstream call (src/providers/http/: once + readResponse: undici, JSON, zod)', /^(once|readResponse) (src\/providers\/http\/|bench\/results\/build\/)/],
  ['zod (provider answers)', / zod\//],
  ['GraphQL execution (graphql-js execute, src/plugins/use-ordered-execution.ts)', / graphql\/execution\//],
  ['graphql parse / validate / visit', /^(parse|validate|visit) graphql\//],
  ['Prometheus metrics (@envelop/prometheus, plugin-prometheus, prom-client)', / (@envelop\/prometheus|@graphql-yoga\/plugin-prometheus|prom-client)\//],
  ['garbage collector', /^\(garbage collector\)/],
  ['socket writes (writev, writeLatin1String)', /^(writev|writeLatin1String) /],
];

/**
 * Time spent inside each group's frames, callees included (a frame nested in another frame of the
 * same group is not counted twice). Work resumed from a promise starts a new stack at the event loop,
 * so these are lower bounds for asynchronous code.
 */
export function inclusive(file: string, groups: [string, RegExp][] = COST_GROUPS): { group: string; ms: number; pct: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  let busy = 0;
  for (const [id, ms] of self) if (byId.get(id)!.callFrame.functionName !== '(idle)') busy += ms;
  // The path inside its package (or the repo), so a group can name one file of a package.
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url
      .replace(/^file:\/\//, '')
      .replace(/^.*node_modules\//, '')
      .replace(`${process.cwd()}/`, '')}:${n.callFrame.lineNumber + 1}`;
  const memo = new Map<number, number>();
  const total = (id: number): number => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    let ms = self.get(id) ?? 0;
    for (const c of byId.get(id)!.children ?? []) ms += total(c);
    memo.set(id, ms);
    return ms;
  };
  return groups.map(([group, pattern]) => {
    let ms = 0;
    for (const node of profile.nodes) {
      if (!pattern.test(label(node))) continue;
      let up = parent.get(node.id);
      let nested = false;
      while (up !== undefined && !nested) {
        nested = pattern.test(label(byId.get(up)!));
        up = parent.get(up);
      }
      if (!nested) ms += total(node.id);
    }
    return { group, ms: Math.round(ms), pct: Math.round((ms / busy) * 1000) / 10 };
  });
}
