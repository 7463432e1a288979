import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, mkdir, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envOf, execForm, readDockerfile, type Stage } from '../../helpers/dockerfile.js';

/**
 * The Dockerfile without Docker: the build stage's one step (scripts/production-build.sh) run on a
 * copy of the build context (.dockerignore applied), the runtime stage's files copied alone beside
 * it, and the image's CMD and HEALTHCHECK run from there with the image's ENV.
 */
const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const stages = readDockerfile(join(ROOT, 'Dockerfile'));
const stage = (name: string): Stage => stages.find((s) => s.name === name)!;
const args = (s: Stage, op: string) => s.instructions.filter((i) => i.op === op).map((i) => i.args);

let work: string;
let runtimeDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'assetfed-image-'));
  const context = join(work, 'context');
  const ignored = new Set(
    (await readFile(join(ROOT, '.dockerignore'), 'utf8'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#')),
  );
  await cp(ROOT, context, { recursive: true, filter: (source) => !ignored.has(source.slice(ROOT.length + 1).split('/')[0]!) });
  // RUN ["sh", "scripts/production-build.sh"], in the context's copy as WORKDIR.
  const [step] = args(stage('build'), 'RUN').map(execForm);
  await run(step![0]!, step!.slice(1), { cwd: context, timeout: 300_000, maxBuffer: 64 * 1024 * 1024 });
  // The runtime stage: only what it copies from the build stage.
  runtimeDir = join(work, 'runtime');
  await mkdir(runtimeDir);
  for (const copy of args(stage('runtime'), 'COPY')) {
    const [, from, to] = /--from=build\s+\/app\/(\S+)\s+\.\/(\S+)/.exec(copy) ?? [];
    await rename(join(context, from!), join(runtimeDir, to!));
  }
}, 360_000);
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the Dockerfile', () => {
  it('builds in one step, the production script, and runs exec-form commands as a non-root user', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'runtime']);
    expect(args(stage('build'), 'RUN').map(execForm)).toEqual([['sh', 'scripts/production-build.sh']]);
    expect(args(stage('runtime'), 'RUN')).toEqual([]);
    expect(args(stage('runtime'), 'USER')).toEqual(['node']);
    expect(envOf(stage('runtime'))).toMatchObject({ HOST: '0.0.0.0', NODE_ENV: 'production' });
    expect(execForm(args(stage('runtime'), 'CMD')[0]!)).toContain('dist/server.js');
    expect(args(stage('runtime'), 'HEALTHCHECK')[0]).toContain('/ready');
  });

  it('leaves no package that only development needs (the lockfile marks them dev) in the image', async () => {
    const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    const devOnly = Object.entries(lock.packages).filter(([path, entry]) => entry.dev && path.startsWith('node_modules/'));
    expect(devOnly.map(([path]) => path)).toEqual(
      expect.arrayContaining(['node_modules/esbuild', 'node_modules/tsx', 'node_modules/typescript', 'node_modules/vitest']),
    );
    const present: string[] = [];
    for (const [path] of devOnly) {
      if (
        await access(join(runtimeDir, path)).then(
          () => true,
          () => false,
        )
      )
        present.push(path);
    }
    expect(present).toEqual([]);
  });

  it('starts the sandbox with CMD, is healthy, answers a query, and stops on SIGTERM within 10 s', async () => {
    const [command, ...argv] = execForm(args(stage('runtime'), 'CMD')[0]!);
    expect(command).toBe('node');
    // The image's environment alone (HOST on loopback here: this test reaches nothing else).
    const env = { PATH: process.env.PATH ?? '', ...envOf(stage('runtime')), HOST: '127.0.0.1', PORT: '0' };
    const server = spawn(process.execPath, argv, { cwd: runtimeDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((r) => server.once('exit', (code) => r(code)));
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening" line in 30 s:\n${output}`)), 30_000);
        server.stdout.on('data', () => {
          const listening = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(output);
          if (!listening) return;
          clearTimeout(timer);
          resolveUrl(listening[1]!);
        });
      });
      const port = new URL(url).port;

      const [probe, ...probeArgs] = execForm(args(stage('runtime'), 'HEALTHCHECK')[0]!);
      expect(probe).toBe('node');
      await expect(run(process.execPath, probeArgs, { env: { ...env, PORT: port }, timeout: 10_000 })).resolves.toBeDefined();

      const res = await request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ providers { provider enabled sandbox } }' }),
      });
      expect(res.statusCode).toBe(200);
      const body = (await res.body.json()) as { data: { providers: { sandbox: boolean }[] } };
      expect(body.data.providers).toHaveLength(4);
      expect(body.data.providers.every((p) => p.sandbox)).toBe(true);

      const status = await readFile(`/proc/${server.pid}/status`, 'utf8').catch(() => '');
      const rss = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      if (rss) console.info(`production process RSS after one query: ${Math.round(Number(rss) / 1024)} MB`);

      const signalled = performance.now();
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(performance.now() - signalled).toBeLessThan(10_000);
      expect(output).toContain('"signal":"SIGTERM"');
    } finally {
      server.kill('SIGKILL');
    }
  });
});
