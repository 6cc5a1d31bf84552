import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { QueueOutbox } from '../../bot/src/storage/delivery/queue-outbox';
import { StorageWorkQueue } from '../../bot/src/storage/delivery/queue-work-queue';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';

/**
 * The worker reads back every job kind the outbox writes. The learning-request jobs were once missing
 * from the reader's list: `notifyAskers` was parked as "unknown job kind" and the askers never heard.
 */
let azurite: EmbeddedAzurite;
beforeAll(async () => {
  azurite = await startTestAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

describe('the jobs queue', () => {
  it('hands the learning-request jobs (askers, teachers) to the worker as jobs, not as unreadable', async () => {
    const storage = createStorage({ connectionString: azurite.connectionString });
    await storage.ensureCreated();
    const outbox = new QueueOutbox(storage.queues.jobs, () => new Date());
    const jobs: OutboxJob[] = [
      { kind: 'notifyAskers', event: 'planned', tenantId: 't1', teamId: 'team-1', sessionId: 's1', requestId: 'r1' },
      { kind: 'alertTeachers', tenantId: 't1', teamId: 'team-1', requestId: 'r1' },
    ];
    for (const job of jobs) await outbox.enqueue(job);
    const leased = await new StorageWorkQueue(storage.queues.jobs).receive(10, 30);
    expect(leased.map((w) => w.item)).toEqual(jobs.map((job) => ({ kind: 'job', job })));
  });
});
