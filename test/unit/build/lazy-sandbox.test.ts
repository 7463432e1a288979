import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProduction } from '../../../scripts/build.js';

/** A sandbox source (sandbox/, beside src/). */
const SANDBOX_SOURCE = /(^|\/)sandbox\//;

let outDir: string;
let meta: Metafile;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'assetfed-build-'));
  meta = await buildProduction(outDir);
});
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** Every output a process loads by evaluating `entry`, following static imports only. */
function staticallyLoaded(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of meta.outputs[file]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  return seen;
}

const sourcesOf = (file: string) => Object.keys(meta.outputs[file]?.inputs ?? {});

describe('npm run build', () => {
  const entry = () => Object.keys(meta.outputs).find((file) => meta.outputs[file]!.entryPoint === 'src/server.ts')!;

  it('emits the server entry as dist/server.js, with every npm package left to node_modules', () => {
    expect(entry()).toMatch(/\/server\.js$/);
    const bundledPackages = Object.keys(meta.inputs).filter((input) => input.includes('node_modules/'));
    expect(bundledPackages).toEqual([]);
  });

  it('loads no sandbox code in a process that does not serve the sandbox', () => {
    const loaded = [...staticallyLoaded(entry())];
    expect(loaded.flatMap(sourcesOf).filter((source) => SANDBOX_SOURCE.test(source))).toEqual([]);
  });

  it("keeps the sandbox in chunks that only a dynamic import() reaches (the sandbox, and each provider's stand-in)", () => {
    const dynamicTargets = Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path));
    // What loading those targets brings in: the chunks they share, statically, among themselves.
    const reachedLazily = new Set(dynamicTargets.flatMap((target) => [...staticallyLoaded(target)]));
    const sandboxChunks = Object.keys(meta.outputs).filter((file) => !file.endsWith('.map') && sourcesOf(file).some((source) => SANDBOX_SOURCE.test(source)));
    expect(sandboxChunks.length).toBeGreaterThan(0);
    for (const chunk of sandboxChunks) expect([chunk, reachedLazily.has(chunk)]).toEqual([chunk, true]);
  });
});
