import type { Sandbox } from '../../sandbox/index.js';

/**
 * Starts the built-in sandbox providers, loading their code only now: a server with real credentials
 * never reads the sandbox from disk (in dist/ it is a chunk of its own, see scripts/build.ts), which
 * keeps its memory and its attack surface to what it serves. The one place that names the sandbox's
 * location for the server.
 */
export async function startSandboxOnDemand(): Promise<Sandbox> {
  const { startSandbox } = await import('../../sandbox/index.js');
  return startSandbox();
}
