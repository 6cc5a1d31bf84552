import { ConfigError, readProcessConfig } from './config';
import { consoleLogger, startService } from './server';

/** Entry point: read config once, start the service, stop cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const started = Date.now();
  let config;
  try {
    config = readProcessConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const service = await startService(config);
  const storage =
    config.storage.kind === 'embedded' ? `embedded Azurite (data in ${config.storage.dataDir}/azurite)` : 'STORAGE_CONNECTION_STRING';
  consoleLogger.info(
    [
      `PeerLearn is running at ${service.url}  (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  tab:      ${service.url}/`,
      `  bot:      ${service.url}/api/messages`,
      `  health:   ${service.url}/healthz`,
      `  storage:  ${storage}${service.seeded ? ', demo team seeded' : ''}`,
      `  auth:     ${config.auth.mode === 'dev' ? 'dev mode (local token issuer at /dev/token)' : 'Entra ID'}`,
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    consoleLogger.info(`${signal}: stopping PeerLearn…`);
    service.close().then(
      () => process.exit(0),
      (error: unknown) => {
        consoleLogger.error('error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  consoleLogger.error('PeerLearn could not start', error);
  process.exit(1);
});
