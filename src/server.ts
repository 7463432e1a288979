import { createApp } from './server/app.js';
import { ConfigError, loadConfig } from './config/index.js';

/** Process entry: configuration, the app, and a graceful stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const app = await createApp(config);
  if (app.sandbox) {
    app.logger.info(
      'No provider credentials are set: serving the built-in SANDBOX providers (local stand-ins with seeded data, not the real APIs).',
    );
  }
  await app.start();
  const stop = (signal: string) => {
    app.logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
