import type { Config } from './config';
import type { DeliveryMetrics } from './domain/delivery/delivery-metrics';
import { createJsonLogger } from './json-logger';
import { startService } from './server';

interface RunOptions {
  /** When the process started, for the start-up time in the first log line. */
  readonly started: number;
  /** The outbox's counters (Application Insights), when telemetry runs. */
  readonly deliveryMetrics?: DeliveryMetrics;
  /** Called once the service has stopped, before the process exits (sends buffered telemetry). */
  readonly onStopped?: () => Promise<void>;
}

/** Starts the service from a validated config and stops it cleanly on SIGINT/SIGTERM. */
export async function runService(config: Config, options: RunOptions): Promise<void> {
  const log = createJsonLogger({ level: config.logLevel });
  const service = await startService(config, { log, ...(options.deliveryMetrics ? { deliveryMetrics: options.deliveryMetrics } : {}) });
  const storage = config.storage.kind === 'embedded' ? `embedded Azurite (data in ${config.storage.dataDir}/azurite)` : config.storage.kind;
  log.info(`PeerLearn is running at ${service.url}`, {
    startedInSeconds: Number(((Date.now() - options.started) / 1000).toFixed(1)),
    tab: `${service.url}/`,
    bot: `${service.url}/api/messages`,
    health: `${service.url}/healthz`,
    storage: `${storage}${service.seeded ? ', demo team seeded' : ''}`,
    auth: config.auth.mode === 'dev' ? 'dev mode (local token issuer at /dev/token)' : 'Entra ID',
    telemetry: config.telemetry ? 'Application Insights' : 'off',
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping PeerLearn', { signal });
    service
      .close()
      .then(() => options.onStopped?.())
      .then(
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
