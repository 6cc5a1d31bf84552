import { ConfigError, readProcessConfig } from './config';
import type { Config } from './config';
import { createJsonLogger } from './json-logger';

/**
 * Entry point: read config once, start telemetry when configured, then load and start the service.
 * The service comes in by a dynamic import on purpose: the build splits it into its own chunk
 * (scripts/bundle-node.mjs), so express, http, botbuilder and the Azure SDK are loaded only after
 * OpenTelemetry's hooks are in place. A static import would load them first (an ESM module's imports
 * all run before its body), and they would go uninstrumented.
 */
function configOrExit(): Config {
  try {
    return readProcessConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // Before any logger: a person reads this, and every bad setting is on its own line.
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = configOrExit();
  const telemetry = config.telemetry
    ? (await import('./telemetry/start-telemetry')).startTelemetry({ connectionString: config.telemetry.connectionString })
    : undefined;
  const { runService } = await import('./run-service');
  await runService(config, {
    started,
    ...(telemetry ? { deliveryMetrics: telemetry.deliveryMetrics, onStopped: () => telemetry.shutdown() } : {}),
  });
}

main().catch((error: unknown) => {
  createJsonLogger({ level: 'error' }).error('PeerLearn could not start', error);
  process.exit(1);
});
