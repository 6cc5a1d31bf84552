import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApiRouter } from './api/api-router';
import { createDevIssuer, DEV_AUDIENCE, DEV_ISSUER } from './api/dev-issuer';
import { createDevRouter } from './api/dev-routes';
import { createHttpApp } from './api/http-app';
import { createTokenValidator, ENTRA_JWKS_URL, entraIssuers } from './api/token-validator';
import type { TokenValidator } from './api/token-validator';
import type { Config } from './config';
import { DEMO_TENANT_ID } from './domain/demo-team';
import type { Repositories } from './domain/repositories';
import { seedDemoIfEmpty } from './domain/seed-demo';
import { createStorage } from './storage/create-storage';
import { QueueOutbox } from './storage/queue-outbox';
import type { Outbox } from './domain/outbox';
import { startEmbeddedAzurite } from './storage/embedded-azurite';
import type { EmbeddedAzurite } from './storage/embedded-azurite';
import { createBotEndpoint } from './teams/bot-endpoint';
import { createRemoteJWKSet } from 'jose';

export interface Logger {
  info(message: string): void;
  error(message: string, detail?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  error: (message, detail) => console.error(message, detail instanceof Error ? detail.stack ?? detail.message : detail ?? ''),
};

export interface StartOptions {
  readonly log?: Logger;
  readonly now?: () => Date;
  /** Tests: keep the embedded Azurite in memory. */
  readonly inMemoryStorage?: boolean;
}

export interface RunningService {
  readonly url: string;
  readonly port: number;
  readonly repositories: Repositories;
  readonly outbox: Outbox;
  readonly storageConnectionString: string;
  readonly azurite?: EmbeddedAzurite;
  readonly seeded: boolean;
  close(): Promise<void>;
}

async function buildValidator(config: Config): Promise<{ validate: TokenValidator; devRouterIssuer?: Awaited<ReturnType<typeof createDevIssuer>> }> {
  if (config.auth.mode === 'dev') {
    const issuer = await createDevIssuer();
    const validate = createTokenValidator({
      keys: issuer.keys,
      issuersFor: () => [DEV_ISSUER],
      audiences: [DEV_AUDIENCE],
      allowedTenants: config.auth.allowedTenants,
    });
    return { validate, devRouterIssuer: issuer };
  }
  const clientId = config.auth.clientId ?? '';
  const validate = createTokenValidator({
    keys: createRemoteJWKSet(new URL(ENTRA_JWKS_URL)),
    issuersFor: entraIssuers,
    audiences: [clientId, `api://${clientId}`, ...config.auth.audiences],
    allowedTenants: config.auth.allowedTenants,
  });
  return { validate };
}

/** Builds storage, services, the bot and the HTTP server from a validated config, and listens. */
export async function startService(config: Config, options: StartOptions = {}): Promise<RunningService> {
  const log = options.log ?? consoleLogger;
  const now = options.now ?? (() => new Date());

  let azurite: EmbeddedAzurite | undefined;
  let connectionString: string;
  if (config.storage.kind === 'embedded') {
    azurite = await startEmbeddedAzurite({
      location: path.join(config.storage.dataDir, 'azurite'),
      inMemory: options.inMemoryStorage ?? false,
    });
    connectionString = azurite.connectionString;
  } else {
    connectionString = config.storage.connectionString;
  }

  try {
    const storage = createStorage({ connectionString });
    await storage.ensureCreated();
    const repositories = storage.repositories;
    const outbox = new QueueOutbox(storage.queues.jobs, now);

    let seeded = false;
    if (config.storage.kind === 'embedded' && config.seedDemo) seeded = await seedDemoIfEmpty(repositories, now());

    const { validate, devRouterIssuer } = await buildValidator(config);
    const app = createHttpApp({
      botEndpoint: createBotEndpoint(config.bot, { repositories, outbox, now, log }),
      apiRouter: createApiRouter({ repositories, outbox, validate, now }),
      ...(devRouterIssuer ? { devRouter: createDevRouter({ issuer: devRouterIssuer, repositories, demoTenantId: DEMO_TENANT_ID }) } : {}),
      checkStorage: () => repositories.ping(),
      tabDir: config.tabDir,
      log,
      logRequests: config.logRequests,
    });

    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(config.port, config.host, () => resolve(s));
      s.once('error', reject);
    });
    // Teams allows 15 s for any bot request; keep idle sockets from piling up.
    server.keepAliveTimeout = 5_000;
    const port = (server.address() as AddressInfo).port;
    const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;

    return {
      url: `http://${shownHost}:${port}`,
      port,
      repositories,
      outbox,
      storageConnectionString: connectionString,
      ...(azurite ? { azurite } : {}),
      seeded,
      async close() {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await azurite?.stop();
      },
    };
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
}
