import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApiRouter } from './api/api-router';
import { createDevIssuer, devTokenValidator } from './api/shared/dev-issuer';
import { createDevRouter } from './api/shared/dev-routes';
import { createHttpApp } from './api/http-app';
import { entraTokenValidator } from './api/shared/token-validator';
import type { TokenValidator } from './api/shared/token-validator';
import type { Config } from './config';
import { DEMO_TENANT_ID } from './domain/demo/demo-team';
import type { Repositories } from './domain/shared/repositories';
import { seedDemoIfEmpty } from './domain/demo/seed-demo';
import { withOneRsvpWriterPerSession } from './domain/delivery/rsvp-lanes';
import { createStorage, storageFromClients } from './storage/shared/create-storage';
import { clientsFromAccountUrls } from './storage/shared/storage-clients';
import { storageCredential } from './storage/shared/storage-credential';
import { QueueOutbox } from './storage/delivery/queue-outbox';
import type { Outbox } from './domain/delivery/outbox';
import { startEmbeddedAzurite } from './storage/shared/embedded-azurite';
import type { EmbeddedAzurite } from './storage/shared/embedded-azurite';
import { createBotEndpoint } from './teams/shared/bot-endpoint';
import { createSessionLinks } from './domain/sessions/session-links';
import { createJobComposer } from './jobs/sessions/compose-job';
import { ExpertDirectory } from './domain/experts/expert-directory';
import { createServices } from './domain/shared/services';
import type { DeliveryStorage } from './storage/delivery/delivery-storage';
import { createDeliveryStorage } from './storage/delivery/delivery-storage';
import { clientsFromConnectionString } from './storage/shared/storage-clients';
import type { JobComposer } from './domain/delivery/outbox';
import { OutboxWorker } from './jobs/delivery/outbox-worker';
import type { WorkerPolicy } from './jobs/delivery/outbox-worker';
import { createBotConnector } from './teams/shared/bot-connector';
import { ProactiveSender } from './teams/delivery/proactive-sender';
import type { SenderPolicy } from './teams/delivery/proactive-sender';
import type { Logger } from './domain/shared/logger';
import { createJsonLogger } from './json-logger';
import { createGraphTeamOwners } from './teams/teams/graph-team-owners';
import { botGraphTokens } from './teams/teams/graph-token';
import type { GraphTokenProvider } from './teams/teams/graph-token';

interface StartOptions {
  /** Default: JSON lines on standard output at the configured level. */
  readonly log?: Logger;
  readonly now?: () => Date;
  /** Tests: keep the embedded Azurite in memory. */
  readonly inMemoryStorage?: boolean;
  /** Tests: what the outbox worker posts per job, and its and the sender's timings. */
  readonly composer?: JobComposer;
  readonly workerPolicy?: Partial<WorkerPolicy>;
  readonly senderPolicy?: Partial<SenderPolicy>;
  /** Tests: Graph tokens from here instead of Entra ID (the bot's identity). */
  readonly graphTokens?: GraphTokenProvider;
}

export interface RunningService {
  readonly url: string;
  readonly port: number;
  readonly repositories: Repositories;
  readonly outbox: Outbox;
  /** Empty when storage is reached with a managed identity (account URLs + token). */
  readonly storageConnectionString: string;
  readonly azurite?: EmbeddedAzurite;
  readonly seeded: boolean;
  /** Expert search: one in-memory index per tenant, kept fresh from the profile change feed. */
  readonly experts: ExpertDirectory;
  /** Conversation addresses, the idempotency record and parked deliveries. */
  readonly delivery: Omit<DeliveryStorage, 'ensureCreated'>;
  close(): Promise<void>;
}

async function buildValidator(
  config: Config,
): Promise<{ validate: TokenValidator; devRouterIssuer?: Awaited<ReturnType<typeof createDevIssuer>> }> {
  if (config.auth.mode === 'dev') {
    const issuer = await createDevIssuer();
    const validate = devTokenValidator(issuer, config.auth.allowedTenants);
    return { validate, devRouterIssuer: issuer };
  }
  const { clientId = '', audiences, allowedTenants, clientApps } = config.auth;
  return { validate: entraTokenValidator({ clientId, audiences, allowedTenants, clientApps }) };
}

/** Builds storage, services, the bot and the HTTP server from a validated config, and listens. */
export async function startService(config: Config, options: StartOptions = {}): Promise<RunningService> {
  const log = options.log ?? createJsonLogger({ level: config.logLevel });
  const now = options.now ?? (() => new Date());

  let azurite: EmbeddedAzurite | undefined;
  // Empty with a managed identity: there is no connection string, only account URLs and a token.
  let connectionString = '';
  if (config.storage.kind === 'embedded') {
    azurite = await startEmbeddedAzurite({
      location: path.join(config.storage.dataDir, 'azurite'),
      inMemory: options.inMemoryStorage ?? false,
    });
    connectionString = azurite.connectionString;
  } else if (config.storage.kind === 'connectionString') {
    connectionString = config.storage.connectionString;
  }

  try {
    const storage =
      config.storage.kind === 'managedIdentity'
        ? storageFromClients(clientsFromAccountUrls(config.storage, storageCredential(config.storage.clientId)))
        : createStorage({ connectionString });
    await storage.ensureCreated();
    // RSVPs of one session queue inside this instance (see rsvp-lanes.ts); the ETag still guards across instances.
    const repositories = withOneRsvpWriterPerSession(storage.repositories);
    const outbox = new QueueOutbox(storage.queues.jobs, now);
    const delivery = createDeliveryStorage(
      config.storage.kind === 'managedIdentity'
        ? clientsFromAccountUrls(config.storage, storageCredential(config.storage.clientId))
        : clientsFromConnectionString(connectionString),
      storage.queues.jobs,
    );
    await delivery.ensureCreated();
    const sender = new ProactiveSender({
      connector: createBotConnector(config.bot),
      addresses: delivery.addresses,
      delivered: delivery.delivered,
      parked: delivery.parked,
      log,
      policy: { tenantPerSecond: config.delivery.tenantPerSecond, maxAttempts: config.delivery.maxAttempts, ...options.senderPolicy },
    });
    // The calendar links' base: PUBLIC_URL, else this server's own address once it listens.
    let listeningUrl = '';
    const sessionLinks = createSessionLinks({
      publicUrl: config.sessions.publicUrl ?? (() => listeningUrl),
      secret: config.sessions.calendarLinkSecret,
    });
    let seeded = false;
    if (config.storage.kind === 'embedded' && config.seedDemo) seeded = await seedDemoIfEmpty(repositories, now());

    // Warms in the background: the service listens at once; a search waits until its tenant is warm.
    const experts = new ExpertDirectory(
      { members: repositories.members, teams: repositories.teams, sessions: repositories.sessions, ...storage.experts },
      { now, log },
    );
    void experts.start();
    // Each domain service once: the bot, the API and the jobs share them.
    // Who owns each team: Microsoft Graph with the bot's identity, else the installer rule (see team-roster.ts).
    const teamOwners = createGraphTeamOwners({
      baseUrl: config.graph.baseUrl,
      tokens: options.graphTokens ?? botGraphTokens(config.bot, config.graph.baseUrl),
      log,
    });
    const services = createServices({ repositories, outbox, experts, teamOwners, now });
    const worker = new OutboxWorker({
      queue: delivery.queue,
      compose: options.composer ?? createJobComposer({ content: services.postContent, links: sessionLinks }),
      sender,
      parked: delivery.parked,
      now,
      log,
      ...(options.workerPolicy ? { policy: options.workerPolicy } : {}),
    });

    const { validate, devRouterIssuer } = await buildValidator(config);
    const app = createHttpApp({
      botEndpoint: createBotEndpoint(config.bot, config.auth.allowedTenants, {
        outbox,
        now,
        log,
        addresses: delivery.addresses,
        experts,
        sessionLinks,
        services,
      }),
      apiRouter: createApiRouter({
        services,
        outbox,
        validate,
        now,
        delivery: { parked: delivery.parked, queue: delivery.queue },
        experts,
        sessionLinks,
      }),
      ...(devRouterIssuer
        ? { devRouter: createDevRouter({ issuer: devRouterIssuer, profiles: services.profiles, demoTenantId: DEMO_TENANT_ID }) }
        : {}),
      checkStorage: () => repositories.ping(),
      tabDir: config.tabDir,
      log,
      logRequests: config.logRequests,
      trustProxy: config.trustProxy,
    });

    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(config.port, config.host, () => resolve(s));
      s.once('error', reject);
    });
    // Teams allows 15 s for any bot request; keep idle sockets from piling up.
    server.keepAliveTimeout = 5_000;
    const port = (server.address() as AddressInfo).port;
    const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
    listeningUrl = `http://${shownHost}:${port}`;
    // Every instance may run a worker: they share the queue, and leases keep them off each other's jobs.
    if (config.delivery.worker) worker.start();

    return {
      url: `http://${shownHost}:${port}`,
      port,
      repositories,
      outbox,
      storageConnectionString: connectionString,
      ...(azurite ? { azurite } : {}),
      seeded,
      delivery,
      experts,
      async close() {
        await worker.stop();
        await experts.stop();
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
