import { pino } from 'pino';
import { createLogger } from '../../src/observability/logger.js';
import { createApp } from '../../src/server/app.js';
import { loadConfig, type ProviderConfigs } from '../../src/config/index.js';
import { announce, cpu, exitSoon, memory, profiling, serveRpc } from './rpc.js';

/**
 * assetfed in a process of its own, pointed at the bench's sandbox process through
 * `options.sandbox.providers` (BENCH_PROVIDERS, JSON). Its environment is only what the bench passes in
 * BENCH_ASSETFED_ENV (JSON: BATCHING, POLL_INTERVAL_MS, ...), never the shell's, so provider credentials
 * set in the shell cannot turn the sandbox off.
 */
const providers = JSON.parse(process.env.BENCH_PROVIDERS ?? '{}') as ProviderConfigs;
const env = JSON.parse(process.env.BENCH_ASSETFED_ENV ?? '{}') as Record<string, string>;
// The load comes from one address, so one caller: a budget it cannot exhaust keeps the bucket's work
// in every request measured without throttling the load the cases measure.
const UNTHROTTLED = { CALLER_COST_BUDGET: '100000000', CALLER_COST_RESTORE_RATE: '10000000' };
const config = loadConfig({ SANDBOX: 'true', LOG_LEVEL: 'silent', ...UNTHROTTLED, ...env });
// A LOG_LEVEL other than silent (bench case logging) writes its lines as a server would to its stdout,
// synchronously, but into /dev/null rather than the bench's output.
const logger =
  config.logLevel === 'silent' ? undefined : createLogger(config.logLevel, pino.destination({ dest: '/dev/null', sync: true }), { format: config.logFormat });
const app = await createApp(config, { sandbox: { providers }, logger });
const url = await app.start(0, '127.0.0.1');

serveRpc({
  ...profiling,
  memory,
  cpu,
  live: () => app.live.stats(),
  async stop() {
    await app.stop();
    exitSoon();
  },
});
announce({ url, pid: process.pid });
