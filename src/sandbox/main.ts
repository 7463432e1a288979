import { SANDBOX_CREDENTIALS } from './credentials.js';
import { startSandbox } from './index.js';

/**
 * `npm run sandbox`: the four sandbox providers alone, on fixed ports, for pointing curl, a provider SDK
 * or a second assetfed (SANDBOX=false with the printed variables) at them.
 */
const base = Number(process.env.SANDBOX_PORT ?? 4100);
const sandbox = await startSandbox({
  ports: { VIDEO_JUNGLE: base, UPLYNK: base + 1, TWELVE_LABS: base + 2, RUNWAY: base + 3 },
  latencyMs: Number(process.env.SANDBOX_LATENCY_MS ?? 0),
});
const p = sandbox.providers;
const c = SANDBOX_CREDENTIALS;
console.log(`Sandbox providers are listening. To point assetfed at them:

SANDBOX=false \\
VIDEO_JUNGLE_BASE_URL=${p.videoJungle.baseUrl} VIDEO_JUNGLE_API_KEY=${c.videoJungle.apiKey} \\
UPLYNK_BASE_URL=${p.uplynk.baseUrl} UPLYNK_OWNER_ID=${c.uplynk.ownerId} UPLYNK_API_KEY=${c.uplynk.apiKey} \\
TWELVE_LABS_BASE_URL=${p.twelveLabs.baseUrl} TWELVE_LABS_API_KEY=${c.twelveLabs.apiKey} \\
USEAPI_BASE_URL=${p.runway.baseUrl} USEAPI_TOKEN=${c.runway.token} RUNWAY_EMAIL=${c.runway.email} \\
npm start

(These are the sandbox's own fixed credentials; they guard nothing real.)`);
const stop = () => void sandbox.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
