import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';

/**
 * `npm run build`: the production server as plain JavaScript in dist/, run with `node dist/server.js`.
 *
 * esbuild bundles our own modules from their entry point, wherever they live (src/, schema/, resolvers/,
 * loaders/, and the sandbox wherever it moves), so the build does not depend on a rootDir; every npm
 * package stays an import resolved from node_modules at run time (one copy of graphql, the lockfile's
 * versions, no licence texts to carry). Code splitting keeps each dynamic import() a chunk of its own:
 * the sandbox is read from disk only by a process that serves it. Type checking stays `tsc --noEmit`.
 */
export const OUT_DIR = 'dist';
export const ENTRY = 'src/server.ts';

/**
 * Builds into `outDir` (emptied first); the metafile says which sources each output holds and imports.
 * `entryPoints` (name → source) default to the server; the bench builds its assetfed process the same way.
 */
export async function buildProduction(outDir = OUT_DIR, entryPoints: Record<string, string> = { server: ENTRY }): Promise<Metafile> {
  await rm(outDir, { recursive: true, force: true });
  const result = await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    // Maps beside the files, for NODE_OPTIONS=--enable-source-maps when a stack trace must name our
    // sources; off by default, since Node 20 pays for them on every Error.stack.
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const meta = await buildProduction();
  const bytes = Object.entries(meta.outputs).reduce((sum, [file, o]) => sum + (file.endsWith('.map') ? 0 : o.bytes), 0);
  console.log(
    `built ${OUT_DIR}/ (${Object.keys(meta.outputs).length} files, ${(bytes / 1024).toFixed(0)} KB) in ${Math.round(performance.now() - started)} ms`,
  );
}
