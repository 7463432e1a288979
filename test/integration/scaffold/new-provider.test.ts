import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Proof that a provider is a module: in a copy of this repository, `npm run new-provider` adds a fifth
 * provider from templates/provider plus its one line in the module list, and with nothing else changed
 * the copy typechecks, lists the provider, serves its sandbox's assets and scrubs its secret from logs.
 */

const root = process.cwd();
const copy = mkdtempSync(join(tmpdir(), 'assetfed-scaffold-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.startsWith('node_modules/'));
for (const file of tracked) {
  try {
    cpSync(join(root, file), join(copy, file), { recursive: false });
  } catch {
    // A file deleted in the working tree but still in the index.
  }
}
symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('a fifth provider from the template', () => {
  let touched: string[] = [];

  it('is written by npm run new-provider: its folders and one line in the list', () => {
    touched = run(['--import', 'tsx', 'scripts/new-provider.ts', 'MUX', 'Mux']).trim().split('\n');
    expect(touched.sort()).toEqual([
      'sandbox/mux/index.ts',
      'src/providers/index.ts',
      'src/providers/mux/client.ts',
      'src/providers/mux/env.ts',
      'src/providers/mux/graphql.ts',
      'src/providers/mux/index.ts',
      'src/providers/mux/map.ts',
      'src/providers/mux/types.ts',
      'src/providers/mux/wire.ts',
    ]);
  });

  it('typechecks with nothing else changed', () => {
    expect(() => run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json'])).not.toThrow();
  }, 240_000);

  it('is listed, serves its sandbox, and its secret never reaches a log line', () => {
    const check = join(copy, 'scratch-check.ts');
    writeFileSync(
      check,
      `import { createApp } from './src/server/app.js';
import { loadConfig } from './src/config/index.js';
import { createLogger } from './src/observability/logger.js';
const lines: string[] = [];
const logger = createLogger('info', { write: (l: string) => void lines.push(l) });
const app = await createApp(loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'info' }), { logger });
const url = await app.start(0, '127.0.0.1');
const post = (query: string) => fetch(url + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }).then((r) => r.json());
const providers = await post('{ providers { provider enabled sandbox capabilities } }');
const assets = await post('{ assets(provider: MUX, first: 5) { totalCount nodes { id name status ... on MuxAsset { state } } } }');
const token = app.sandbox!.providers.MUX!.token;
logger.info({ note: 'a line that holds the secret ' + token }, 'scaffold check');
await app.stop();
console.log(JSON.stringify({ providers, assets, leaked: lines.join('').includes(token), redacted: lines.join('').includes('[redacted]') }));
`,
    );
    const out = JSON.parse(run(['--import', 'tsx', check]).trim().split('\n').at(-1)!);
    expect(out.providers.data.providers).toContainEqual({ provider: 'MUX', enabled: true, sandbox: true, capabilities: ['ASSET_READ', 'ASSET_LIST'] });
    expect(out.assets.data.assets.totalCount).toBe(12);
    expect(out.assets.data.assets.nodes).toHaveLength(5);
    expect(out.assets.data.assets.nodes[0]).toMatchObject({ name: 'Mux clip 1', status: 'PROCESSING', state: 'processing' });
    expect(out.leaked).toBe(false);
    expect(out.redacted).toBe(true);
  }, 60_000);
});
