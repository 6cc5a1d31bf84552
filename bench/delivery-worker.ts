// A bare outbox worker process: storage + throttled sender + worker with the fan-out test composer.
// The crash test and the fan-out benchmark start it, kill it with SIGKILL and start it again.
// Built with esbuild (see bench/build-worker.ts); settings from the environment:
//   STORAGE_CONNECTION_STRING, TENANT_RATE (default 30), LEASE_SECONDS (default 5).
import { OutboxWorker } from '../bot/src/jobs/delivery/outbox-worker';
import { createStorage } from '../bot/src/storage/shared/create-storage';
import { createDeliveryStorage } from '../bot/src/storage/delivery/delivery-storage';
import { clientsFromConnectionString } from '../bot/src/storage/shared/storage-clients';
import { createBotConnector } from '../bot/src/teams/shared/bot-connector';
import { ProactiveSender } from '../bot/src/teams/delivery/proactive-sender';
import { fanoutComposer } from '../tests/support/fanout-composer';
import { createJsonLogger } from '../bot/src/json-logger';

const connectionString = process.env.STORAGE_CONNECTION_STRING ?? '';
const log = createJsonLogger({ level: 'info' });

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
    compose: fanoutComposer,
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
