import { ConfigError, readProcessConfig } from './config';
import { createJsonLogger } from './json-logger';
import { startService } from './server';

/** Entry point: read config once, start the service, stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = readProcessConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // Before any logger: a person reads this, and every bad setting is on its own line.
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = createJsonLogger({ level: config.logLevel });
  const service = await startService(config, { log });
  const storage = config.storage.kind === 'embedded' ? `embedded Azurite (data in ${config.storage.dataDir}/azurite)` : config.storage.kind;
  log.info(`PeerLearn is running at ${service.url}`, {
    startedInSeconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    tab: `${service.url}/`,
    bot: `${service.url}/api/messages`,
    health: `${service.url}/healthz`,
    storage: `${storage}${service.seeded ? ', demo team seeded' : ''}`,
    auth: config.auth.mode === 'dev' ? 'dev mode (local token issuer at /dev/token)' : 'Entra ID',
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping PeerLearn', { signal });
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  createJsonLogger({ level: 'error' }).error('PeerLearn could not start', error);
  process.exit(1);
});
