import { startSandbox } from './index.js';

/**
 * `npm run sandbox`: the sandbox providers alone, on fixed ports, for pointing curl, a provider SDK or
 * a second assetfed (SANDBOX=false with the printed variables) at them.
 */
const base = Number(process.env.SANDBOX_PORT ?? 4100);
const sandbox = await startSandbox({
  ports: { VIDEO_JUNGLE: base, UPLYNK: base + 1, TWELVE_LABS: base + 2, RUNWAY: base + 3 },
  latencyMs: Number(process.env.SANDBOX_LATENCY_MS ?? 0),
});
const variables = Object.values(sandbox.env).map((env) =>
  Object.entries(env)
    .map(([k, v]) => `${k}=${v}`)
    .join(' '),
);
console.log(`Sandbox providers are listening. To point assetfed at them:

SANDBOX=false \\
${variables.join(' \\\n')} \\
npm start

(These are the sandbox's own fixed credentials; they guard nothing real.)`);
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
