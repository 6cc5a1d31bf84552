import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DeliveryMetrics } from '../../bot/src/domain/delivery/delivery-metrics';
import { OutboxWorker } from '../../bot/src/jobs/delivery/outbox-worker';
import type { RunningService } from '../../bot/src/server';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { QueueOutbox } from '../../bot/src/storage/delivery/queue-outbox';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { createBotConnector } from '../../bot/src/teams/shared/bot-connector';
import { ProactiveSender } from '../../bot/src/teams/delivery/proactive-sender';
import { startDeliveryService } from '../support/delivery-service';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { fanoutComposer } from '../support/fanout-composer';
import { quietLogger } from '../support/service';

/** The outbox's counters (what Application Insights gets through bot/src/telemetry/), counted by the real worker and sender. */
const TENANT = '00000000-0000-0000-0000-00000000m371';

let service: RunningService;
let connector: FakeConnector;

beforeAll(async () => {
  [service, connector] = await Promise.all([startDeliveryService({ worker: false }), startFakeConnector()]);
});
afterAll(async () => {
  await Promise.all([service?.close(), connector?.close()]);
});

function recordingMetrics() {
  const counts: string[] = [];
  const metrics: DeliveryMetrics = {
    sent: (job) => counts.push(`sent:${job}`),
    retried: (what) => counts.push(`retried:${what}`),
    parked: (reason) => counts.push(`parked:${reason}`),
  };
  return { metrics, counts };
}

function parts(metrics: DeliveryMetrics) {
  const connectionString = service.storageConnectionString;
  const storage = createStorage({ connectionString });
  const delivery = createDeliveryStorage(clientsFromConnectionString(connectionString), storage.queues.jobs);
  const sender = new ProactiveSender({
    connector: createBotConnector({ type: 'SingleTenant' }),
    addresses: delivery.addresses,
    delivered: delivery.delivered,
    parked: delivery.parked,
    log: quietLogger,
    metrics,
    policy: { backoffBaseMs: 20, backoffCapMs: 100, maxAttempts: 3 },
  });
  const worker = new OutboxWorker({
    queue: delivery.queue,
    compose: fanoutComposer,
    sender,
    parked: delivery.parked,
    now: () => new Date(),
    log: quietLogger,
    metrics,
    policy: { leaseSeconds: 5, idleMs: 50 },
  });
  return { worker, outbox: new QueueOutbox(storage.queues.jobs, () => new Date()) };
}

async function drain(worker: OutboxWorker): Promise<void> {
  while ((await worker.runOnce()) > 0) {
    // until the queue is empty
  }
}

describe('the outbox counters', () => {
  it('count each message sent, each connector call tried again, and each message parked', async () => {
    const teamId = '19:metrics-team@thread.tacv2';
    await service.delivery.addresses.putTeam({
      tenantId: TENANT,
      teamId,
      serviceUrl: connector.serviceUrl,
      botId: '28:bot',
      updatedAt: new Date().toISOString(),
    });
    const { metrics, counts } = recordingMetrics();
    const { worker, outbox } = parts(metrics);
    // The first post into the first channel is throttled once; then everything goes through.
    let throttled = false;
    connector.failWhen(({ method }) => {
      if (method !== 'POST' || throttled) return undefined;
      throttled = true;
      return { status: 429, retryAfter: '0' };
    });
    await outbox.enqueue({ kind: 'postInvite', tenantId: TENANT, teamId, sessionId: 'fanout-3' });
    // A team the app was never added to: no address, parked at once.
    await outbox.enqueue({ kind: 'postInvite', tenantId: TENANT, teamId: '19:nowhere@thread.tacv2', sessionId: 'fanout-1' });
    await drain(worker);
    connector.failWhen(undefined);
    expect(counts.filter((c) => c === 'sent:postInvite')).toHaveLength(3);
    expect(counts.filter((c) => c === 'retried:connector')).toHaveLength(1);
    expect(counts.filter((c) => c === 'parked:no-address')).toHaveLength(1);
    expect(counts).toHaveLength(5);
  });
});
