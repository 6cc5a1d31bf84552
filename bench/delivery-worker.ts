// A bare outbox worker process: storage + throttled sender + worker with the fan-out test composer,
// or with COMPOSER=buddies the app's own composer over the real buddy service (buddy rounds).
// The crash tests and the fan-out benchmark start it, kill it with SIGKILL and start it again.
// Built with esbuild (see bench/build-worker.ts); settings from the environment:
//   STORAGE_CONNECTION_STRING, TENANT_RATE (default 30), LEASE_SECONDS (default 5), COMPOSER (fanout | buddies).
import { createInsightsService } from '../bot/src/domain/insights/insights-service';
import { csvWords } from '../bot/src/cards/insights/insights-csv-words';
import { OutboxWorker } from '../bot/src/jobs/delivery/outbox-worker';
import { createStorage } from '../bot/src/storage/shared/create-storage';
import { createDeliveryStorage } from '../bot/src/storage/delivery/delivery-storage';
import { clientsFromConnectionString } from '../bot/src/storage/shared/storage-clients';
import { createBotConnector } from '../bot/src/teams/shared/bot-connector';
import { ProactiveSender } from '../bot/src/teams/delivery/proactive-sender';
import { fanoutComposer } from '../tests/support/fanout-composer';
import { createJsonLogger } from '../bot/src/json-logger';
import { createBuddyService } from '../bot/src/domain/buddies/buddy-service';
import { matchRound } from '../bot/src/domain/buddies/matching';
import { createBuddyChatLinks } from '../bot/src/domain/buddies/buddy-chat-links';
import { createPostContentService } from '../bot/src/domain/delivery/post-content-service';
import type { JobComposer } from '../bot/src/domain/delivery/outbox';
import { createSessionLinks } from '../bot/src/domain/sessions/session-links';
import { createPulseService } from '../bot/src/domain/insights/pulse-service';
import { createJobComposer } from '../bot/src/jobs/sessions/compose-job';
import { createNudgeService } from '../bot/src/domain/insights/nudge-service';
import { QueueOutbox } from '../bot/src/storage/delivery/queue-outbox';
import type { createStorage as CreateStorage } from '../bot/src/storage/shared/create-storage';

const connectionString = process.env.STORAGE_CONNECTION_STRING ?? '';
const log = createJsonLogger({ level: 'info' });

/** The app's composer for buddy rounds: introductions recomposed from the stored round, as on any instance. */
function buddyComposer(storage: ReturnType<typeof CreateStorage>): JobComposer {
  const now = () => new Date();
  const buddies = createBuddyService({
    repositories: storage.repositories,
    outbox: new QueueOutbox(storage.queues.jobs, now),
    match: matchRound,
    now,
  });
  const secret = 'w'.repeat(40);
  return createJobComposer({
    // These post no learning-request notices.
    requestSessions: { askersContent: () => Promise.resolve(undefined) },
    requestAlerts: { content: () => Promise.resolve(undefined) },
    content: createPostContentService({ repositories: storage.repositories }),
    links: createSessionLinks({ publicUrl: 'https://pl.example', secret }),
    buddies,
    pulses: createPulseService({ repositories: storage.repositories, outbox: new QueueOutbox(storage.queues.jobs, now), secret, now }),
    buddyLinks: createBuddyChatLinks({ publicUrl: 'https://pl.example', secret }),
    nudges: createNudgeService({ repositories: storage.repositories, outbox: new QueueOutbox(storage.queues.jobs, now), now }),
    tabUrl: 'https://pl.example/?view=my-learning',
    insights: createInsightsService({
      repositories: storage.repositories,
      outbox: new QueueOutbox(storage.queues.jobs, now),
      words: csvWords,
      now,
    }),
  });
}

async function main(): Promise<void> {
  const storage = createStorage({ connectionString });
  await storage.ensureCreated();
  const delivery = createDeliveryStorage(clientsFromConnectionString(connectionString), storage.queues.jobs);
  await delivery.ensureCreated();
  const sender = new ProactiveSender({
    connector: createBotConnector({ type: 'SingleTenant' }),
    addresses: delivery.addresses,
    delivered: delivery.delivered,
    parked: delivery.parked,
    log,
    policy: { tenantPerSecond: Number(process.env.TENANT_RATE ?? 30), backoffBaseMs: 100, backoffCapMs: 2_000, maxAttempts: 8 },
  });
  const worker = new OutboxWorker({
    queue: delivery.queue,
    compose: process.env.COMPOSER === 'buddies' ? buddyComposer(storage) : fanoutComposer,
    sender,
    parked: delivery.parked,
    now: () => new Date(),
    log,
    policy: { leaseSeconds: Number(process.env.LEASE_SECONDS ?? 5), idleMs: 50, concurrency: 4 },
  });
  worker.start();
  console.log('worker ready');
  process.on('SIGTERM', () => {
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
