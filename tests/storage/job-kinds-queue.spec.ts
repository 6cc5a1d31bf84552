import { describe, expect, it } from '@jest/globals';
import type { OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { QueueOutbox } from '../../bot/src/storage/delivery/queue-outbox';
import { StorageWorkQueue } from '../../bot/src/storage/delivery/queue-work-queue';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import { startTestAzurite } from '../support/azurite';

/**
 * Every kind of outbox job survives the real queue: the worker reads it as a job, never as an
 * unreadable message it parks. One sample per kind, typed so a new kind without one does not compile.
 * (Found with the milestones: `notifyAskers` was missing from the worker's list of kinds.)
 */
const t = 'tenant-1';
const team = '19:team@thread.tacv2';
const SAMPLES: { readonly [K in OutboxJob['kind']]: Extract<OutboxJob, { kind: K }> } = {
  postInvite: { kind: 'postInvite', tenantId: t, teamId: team, sessionId: 's' },
  updateInvite: { kind: 'updateInvite', tenantId: t, teamId: team, sessionId: 's' },
  postReminder: { kind: 'postReminder', tenantId: t, teamId: team, sessionId: 's', minutesBefore: 15 },
  requestFeedback: { kind: 'requestFeedback', tenantId: t, teamId: team, sessionId: 's' },
  notifyPerson: { kind: 'notifyPerson', tenantId: t, teamId: team, sessionId: 's', userId: 'u', reason: 'waitlistPromoted' },
  postKudos: { kind: 'postKudos', tenantId: t, teamId: team, kudosId: 'k' },
  startBuddyRound: { kind: 'startBuddyRound', tenantId: t, teamId: team, roundId: 'r' },
  askBuddiesMet: { kind: 'askBuddiesMet', tenantId: t, teamId: team, roundId: 'r' },
  foldInsights: { kind: 'foldInsights', tenantId: t, teamId: team, sessionId: 's' },
  postPulse: { kind: 'postPulse', tenantId: t, teamId: team, pulseId: 'p', mode: 'post' },
  notifyAskers: { kind: 'notifyAskers', tenantId: t, teamId: team, sessionId: 's', event: 'planned', requestId: 'q' },
  nudgeMember: { kind: 'nudgeMember', tenantId: t, teamId: team, userId: 'u', nudgedAt: new Date().toISOString() },
  celebrateMilestones: { kind: 'celebrateMilestones', tenantId: t, teamId: team, kudosId: 'k' },
  alertTeachers: { kind: 'alertTeachers', tenantId: t, teamId: team, requestId: 'q' },
};

describe('the jobs queue', () => {
  it('hands every kind of job to the worker as a job', async () => {
    const azurite = await startTestAzurite();
    try {
      const storage = createStorage({ connectionString: azurite.connectionString });
      await storage.ensureCreated();
      const outbox = new QueueOutbox(storage.queues.jobs, () => new Date());
      const jobs = Object.values(SAMPLES) as OutboxJob[];
      for (const job of jobs) await outbox.enqueue(job);
      const work = new StorageWorkQueue(storage.queues.jobs);
      const received = [...(await work.receive(32, 30))];
      expect(received.map((w) => (w.item.kind === 'job' ? w.item.job.kind : `${w.item.kind}`)).sort()).toEqual(
        jobs.map((j) => j.kind).sort(),
      );
    } finally {
      await azurite.stop();
    }
  });
});
