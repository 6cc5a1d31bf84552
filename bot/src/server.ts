import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApiRouter } from './api/api-router';
import { createDevIssuer, devTokenValidator } from './api/shared/dev-issuer';
import { createDevRouter } from './api/shared/dev-routes';
import { createHttpApp } from './api/http-app';
import { createHttpDrain } from './api/shared/http-drain';
import { entraTokenValidator } from './api/shared/token-validator';
import type { TokenValidator } from './api/shared/token-validator';
import type { Config } from './config';
import { DEMO_TENANT_ID } from './domain/demo/demo-team';
import type { Repositories } from './domain/shared/repositories';
import { seedDemoIfEmpty } from './domain/demo/seed-demo';
import { withOneRsvpWriterPerSession } from './domain/delivery/rsvp-lanes';
import { withRecentMemberships } from './domain/teams/recent-memberships';
import { createSenderRecords } from './domain/delivery/sender-records';
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
import { createBuddyChatLinks } from './domain/buddies/buddy-chat-links';
import { ExpertDirectory } from './domain/experts/expert-directory';
import { createServices } from './domain/shared/services';
import { createAnswersInFlight } from './domain/rsvp/answers-in-flight';
import { csvWords } from './cards/insights/insights-csv-words';
import type { DeliveryStorage } from './storage/delivery/delivery-storage';
import { createDeliveryStorage } from './storage/delivery/delivery-storage';
import { clientsFromConnectionString } from './storage/shared/storage-clients';
import type { JobComposer } from './domain/delivery/outbox';
import { OutboxWorker } from './jobs/delivery/outbox-worker';
import { startRetentionSweep } from './jobs/delivery/retention-sweep';
import { startBuddyScheduler } from './jobs/buddies/buddy-scheduler';
import type { WorkerPolicy } from './jobs/delivery/outbox-worker';
import { createBotConnector } from './teams/shared/bot-connector';
import { ProactiveSender } from './teams/delivery/proactive-sender';
import type { SenderPolicy } from './teams/delivery/proactive-sender';
import type { Logger } from './domain/shared/logger';
import type { DeliveryMetrics } from './domain/delivery/delivery-metrics';
import { createJsonLogger } from './json-logger';
import { WriteLimiter } from './domain/shared/write-rate-limiter';
import type { WriteLimitPolicy } from './domain/shared/write-rate-limiter';
import { createGraphTeamOwners } from './teams/teams/graph-team-owners';
import { botGraphTokens } from './teams/teams/graph-token';
import type { GraphTokenProvider } from './teams/teams/graph-token';

interface StartOptions {
  /** Default: JSON lines on standard output at the configured level. */
  readonly log?: Logger;
  readonly now?: () => Date;
  /** Tests: keep the embedded Azurite in memory. */
  readonly inMemoryStorage?: boolean;
  /** Tests: an Azurite already running (a test run shares one), used and stopped instead of starting one. */
  readonly azurite?: EmbeddedAzurite;
  /** Tests: what the outbox worker posts per job, and its and the sender's timings. */
  readonly composer?: JobComposer;
  readonly workerPolicy?: Partial<WorkerPolicy>;
  readonly senderPolicy?: Partial<SenderPolicy>;
  /** Tests: the write windows per person and tenant (default: the production ones, write-rate-limiter.ts). */
  readonly writeLimits?: WriteLimitPolicy;
  /** Tests: Graph tokens from here instead of Entra ID (the bot's identity). */
  readonly graphTokens?: GraphTokenProvider;
  /** The outbox's counters (sent, retried, parked): Application Insights when telemetry runs (index.ts). */
  readonly deliveryMetrics?: DeliveryMetrics;
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
  /** HTTP requests received and not yet answered. */
  requestsInFlight(): number;
  /**
   * Graceful shutdown: `/healthz` and `/readyz` 503 and no new connections at once; requests in flight finish
   * (up to 10 s, then the rest are cut off); the outbox worker gives its unfinished jobs back to the
   * queue; then storage (the embedded Azurite) stops. One log line per phase.
   */
  /** Resolves once the senders' profiles and addresses queued behind answers so far are stored. */
  senderRecordsSettled(): Promise<void>;
  close(): Promise<void>;
}

/** How long requests in flight may run on after a shutdown begins (Teams itself waits at most 15 s). */
const DRAIN_GRACE_MS = 10_000;
// How long an instance trusts a person's memberships it read; its own membership writes update them at once.
const MEMBERSHIPS_TRUSTED_MS = 5_000;

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
    azurite =
      options.azurite ??
      (await startEmbeddedAzurite({
        location: path.join(config.storage.dataDir, 'azurite'),
        inMemory: options.inMemoryStorage ?? false,
        log,
      }));
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
    // A person's memberships are read once per few seconds, not twice per answer (recent-memberships.ts).
    const repositories = withRecentMemberships(withOneRsvpWriterPerSession(storage.repositories), {
      now: () => performance.now(),
      ttlMs: MEMBERSHIPS_TRUSTED_MS,
    });
    const outbox = new QueueOutbox(storage.queues.jobs, now);
    const delivery = createDeliveryStorage(
      config.storage.kind === 'managedIdentity'
        ? clientsFromAccountUrls(config.storage, storageCredential(config.storage.clientId))
        : clientsFromConnectionString(connectionString),
      storage.queues.jobs,
    );
    await delivery.ensureCreated();
    // Restarted after a crash: on disk the tables are still there; in memory they are made again.
    azurite?.onRestarted(async () => {
      await storage.ensureCreated();
      await delivery.ensureCreated();
    });
    const sender = new ProactiveSender({
      connector: createBotConnector(config.bot),
      addresses: delivery.addresses,
      delivered: delivery.delivered,
      parked: delivery.parked,
      log,
      ...(options.deliveryMetrics ? { metrics: options.deliveryMetrics } : {}),
      policy: { tenantPerSecond: config.delivery.tenantPerSecond, maxAttempts: config.delivery.maxAttempts, ...options.senderPolicy },
    });
    // The calendar links' base: PUBLIC_URL, else this server's own address once it listens.
    let listeningUrl = '';
    // New links are signed with the current secret; the previous one still verifies during a rotation.
    const linkSecrets = { secret: config.sessions.calendarLinkSecret, previousSecret: config.sessions.calendarLinkPreviousSecret };
    const sessionLinks = createSessionLinks({
      publicUrl: config.sessions.publicUrl ?? (() => listeningUrl),
      ...linkSecrets,
    });
    // The buddy chats' .ics links: the same secret and base, their own purpose prefix (buddy-chat-links.ts).
    const buddyLinks = createBuddyChatLinks({
      publicUrl: config.sessions.publicUrl ?? (() => listeningUrl),
      ...linkSecrets,
    });
    let seeded = false;
    if (config.storage.kind === 'embedded' && config.seedDemo) seeded = await seedDemoIfEmpty(repositories, now());

    // Warms in the background: the service listens at once; a search waits until its tenant is warm.
    // RSVP answers in flight on this instance: the expert index's poll waits while there are (answers-in-flight.ts).
    const answersInFlight = createAnswersInFlight();
    const experts = new ExpertDirectory(
      { members: repositories.members, teams: repositories.teams, sessions: repositories.sessions, ...storage.experts },
      { now, log, deferWhile: () => answersInFlight.busy() },
    );
    void experts.start();
    // Each domain service once: the bot, the API and the jobs share them.
    // Who owns each team: Microsoft Graph with the bot's identity, else the installer rule (see team-roster.ts).
    const teamOwners = createGraphTeamOwners({
      baseUrl: config.graph.baseUrl,
      tokens: options.graphTokens ?? botGraphTokens(config.bot, config.graph.baseUrl),
      log,
    });
    // A sender's profile and address after an RSVP's answer, not before it (sender-records.ts); an
    // erase drops what is queued of the person's first. Its profiles go through the profile service.
    const senderRecords = createSenderRecords({
      profiles: { sightedMany: (sightings) => services.profiles.sightedMany(sightings) },
      addresses: delivery.addresses,
      log,
      busy: () => answersInFlight.busy(),
    });
    const services = createServices({
      repositories,
      outbox,
      experts,
      teamOwners,
      privacy: {
        store: storage.personalData,
        ...linkSecrets,
        publicUrl: config.sessions.publicUrl ?? (() => listeningUrl),
        pendingWrites: senderRecords,
      },
      insightsWords: csvWords,
      profileChanges: storage.experts.changes,
      answersInFlight,
      now,
    });
    const worker = new OutboxWorker({
      queue: delivery.queue,
      compose:
        options.composer ??
        createJobComposer({
          content: services.postContent,
          links: sessionLinks,
          buddies: services.buddies,
          buddyLinks,
          nudges: services.nudges,
          // The nudge card's "Open PeerLearn": the personal tab's My learning view.
          tabUrl: () => `${(config.sessions.publicUrl ?? listeningUrl).replace(/\/+$/, '')}/?view=my-learning`,
          pulses: services.pulses,
          insights: services.insights,
          milestones: services.milestones,
          requestSessions: services.requestSessions,
          requestAlerts: services.requestAlerts,
        }),
      sender,
      parked: delivery.parked,
      now,
      log,
      ...(options.deliveryMetrics ? { metrics: options.deliveryMetrics } : {}),
      ...(options.workerPolicy ? { policy: options.workerPolicy } : {}),
    });

    const { validate, devRouterIssuer } = await buildValidator(config);
    const app = createHttpApp({
      botEndpoint: createBotEndpoint(config.bot, config.auth.allowedTenants, {
        outbox,
        now,
        log,
        addresses: delivery.addresses,
        senderRecords,
        experts,
        sessionLinks,
        services,
      }),
      apiRouter: createApiRouter({
        services,
        outbox,
        validate,
        writeLimiter: new WriteLimiter(options.writeLimits),
        now,
        delivery: { parked: delivery.parked, queue: delivery.queue },
        experts,
        sessionLinks,
        buddyLinks,
      }),
      ...(devRouterIssuer
        ? { devRouter: createDevRouter({ issuer: devRouterIssuer, profiles: services.profiles, demoTenantId: DEMO_TENANT_ID }) }
        : {}),
      checkStorage: async () => {
        // A restarted embedded Azurite answers before its tables are made again: not ready until they are.
        if (azurite?.restarting) throw new Error('the embedded Azurite is restarting');
        await repositories.ping();
      },
      searchReady: () => experts.searchable(),
      tabDir: config.tabDir,
      log,
      logRequests: config.logRequests,
      trustProxy: config.trustProxy,
      maxConcurrent: { api: config.limits.apiConcurrent, bot: config.limits.botConcurrent },
    });

    const drain = createHttpDrain(app);
    const server: Server = await new Promise((resolve, reject) => {
      const s = createServer(drain.listener);
      s.once('error', reject);
      s.listen(config.port, config.host, () => resolve(s));
    });
    // Teams allows 15 s for any bot request; keep idle sockets from piling up.
    server.keepAliveTimeout = 5_000;
    const port = (server.address() as AddressInfo).port;
    const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
    listeningUrl = `http://${shownHost}:${port}`;
    // Every instance may run a worker: they share the queue, and leases keep them off each other's jobs.
    if (config.delivery.worker) worker.start();
    // Table Storage has no time-to-live: the instances that run the worker also sweep old delivery rows.
    const retention = config.delivery.worker
      ? startRetentionSweep({
          delivered: delivery.delivered,
          parked: delivery.parked,
          retentionDays: config.delivery.retentionDays,
          now,
          log,
        })
      : undefined;
    // The same instances start learning-buddy rounds when a pool's slot is due.
    const buddyScheduler = config.delivery.worker
      ? startBuddyScheduler({ enqueueDue: services.buddies.enqueueDueRounds, log, everyMs: config.buddies.schedulerEveryMs })
      : undefined;

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
      requestsInFlight: () => drain.inFlight(),
      senderRecordsSettled: () => senderRecords.settled(),
      async close() {
        const started = Date.now();
        const elapsed = () => Date.now() - started;
        log.info('shutdown: draining; /healthz and /readyz answer 503, new connections are refused', {
          requestsInFlight: drain.inFlight(),
        });
        // The worker stops beside the drain: both get the same grace.
        const workerStopped = worker.stop();
        const cut = await drain.close(server, DRAIN_GRACE_MS);
        if (cut > 0) log.warn('shutdown: requests still running after the grace period were cut off', { cut, ms: elapsed() });
        else log.info('shutdown: every request in flight was answered', { ms: elapsed() });
        // What the answered requests left to write (their senders' profiles and addresses) is written before storage stops.
        await senderRecords.settled();
        const released = await workerStopped;
        await retention?.stop();
        await buddyScheduler?.stop();
        log.info('shutdown: outbox worker stopped; unfinished jobs are back in the queue', { released, ms: elapsed() });
        await experts.stop();
        await azurite?.stop();
        log.info('shutdown: storage stopped', { storage: config.storage.kind, ms: elapsed() });
      },
    };
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
}
