import { createApp } from './server/app.js';
import { ConfigError, loadConfig, type Config } from './config/index.js';

/** Process entry: configuration, the app, and a graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const app = await createApp(config);
  if (app.sandbox) {
    app.logger.info('No provider credentials are set: serving the built-in SANDBOX providers (local stand-ins with seeded data, not the real APIs).');
  }
  await app.start();
  const stop = (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    // Within an orchestrator's grace period (Docker and Kubernetes send SIGKILL after 10 s and 30 s).
    const force = setTimeout(() => {
      app.logger.error({ signal }, 'shutdown took over 8 s: exiting with connections still open');
      process.exit(1);
    }, 8_000);
    force.unref();
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
