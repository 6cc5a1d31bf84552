import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildDeliveryWorker } from '../../bench/build-worker';
import { createBuddyService } from '../../bot/src/domain/buddies/buddy-service';
import { matchRound } from '../../bot/src/domain/buddies/matching';
import { createBuddyChatLinks } from '../../bot/src/domain/buddies/buddy-chat-links';
import { createPostContentService } from '../../bot/src/domain/delivery/post-content-service';
import { createSessionLinks } from '../../bot/src/domain/sessions/session-links';
import { createPulseService } from '../../bot/src/domain/insights/pulse-service';
import { createJobComposer } from '../../bot/src/jobs/sessions/compose-job';
import { OutboxWorker } from '../../bot/src/jobs/delivery/outbox-worker';
import type { RunningService } from '../../bot/src/server';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import { QueueOutbox } from '../../bot/src/storage/delivery/queue-outbox';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { ProactiveSender } from '../../bot/src/teams/delivery/proactive-sender';
import { createBotConnector } from '../../bot/src/teams/shared/bot-connector';
import { seedBuddyTeam } from '../support/buddies';
import { startDeliveryService } from '../support/delivery-service';
import { eventually } from '../support/eventually';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { quietLogger } from '../support/service';

let service: RunningService;
let connector: FakeConnector;
let child: ChildProcess | undefined;

beforeAll(async () => {
  [service, connector] = await Promise.all([startDeliveryService({ worker: false }), startFakeConnector()]);
});
afterAll(async () => {
  if (child?.pid && child.exitCode === null) child.kill('SIGKILL');
  await Promise.all([service?.close(), connector?.close()]);
});

/** A worker of its own (as on another instance), sending slowly enough to be stopped mid-round. */
function instance() {
  const connectionString = service.storageConnectionString;
  const storage = createStorage({ connectionString });
  const delivery = createDeliveryStorage(clientsFromConnectionString(connectionString), storage.queues.jobs);
  const outbox = new QueueOutbox(storage.queues.jobs, () => new Date());
  const buddies = createBuddyService({ repositories: storage.repositories, outbox, match: matchRound, now: () => new Date() });
  const sender = new ProactiveSender({
    connector: createBotConnector({ type: 'SingleTenant' }),
    addresses: delivery.addresses,
    delivered: delivery.delivered,
    parked: delivery.parked,
    log: quietLogger,
    policy: { tenantPerSecond: 4, backoffBaseMs: 50, backoffCapMs: 500 },
  });
  const worker = new OutboxWorker({
    queue: delivery.queue,
    // The real composer: each introduction is the buddies' card, recomposed from the stored round by the second worker.
    compose: createJobComposer({
      // These post no learning-request notices.
      requestSessions: { askersContent: () => Promise.resolve(undefined) },
      requestAlerts: { content: () => Promise.resolve(undefined) },
      content: createPostContentService({ repositories: storage.repositories }),
      links: createSessionLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) }),
      buddies,
      pulses: createPulseService({ repositories: storage.repositories, outbox, secret: 'z'.repeat(40), now: () => new Date() }),
      buddyLinks: createBuddyChatLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) }),
      // These specs post no nudges.
      nudges: { content: () => Promise.resolve(undefined) },
      tabUrl: 'https://pl.example/?view=my-learning',
      insights: createInsightsService({ repositories: storage.repositories, outbox, words: csvWords, now: () => new Date() }),
    }),
    sender,
    parked: delivery.parked,
    now: () => new Date(),
    log: quietLogger,
    policy: { leaseSeconds: 2, idleMs: 50, maxDequeueCount: 5 },
  });
  return { storage, delivery, buddies, worker };
}

describe('a buddy round through the real outbox worker', () => {
  it('a worker stopped mid-round, another takes the job over: every person gets exactly one introduction', async () => {
    const first = instance();
    const team = await seedBuddyTeam(first.storage.repositories, 21);
    const everyone = [team.owner, ...team.members];
    for (const userId of everyone) {
      await first.delivery.addresses.putPerson({
        tenantId: team.tenantId,
        userId,
        serviceUrl: connector.serviceUrl,
        botId: '28:bot',
        teamsUserId: `29:${userId}`,
        conversationId: `a:${userId}`,
        updatedAt: new Date().toISOString(),
      });
      const opted = await first.buddies.update({ tenantId: team.tenantId, userId }, team.teamId, { optIn: true });
      expect(opted.ok).toBe(true);
    }
    const started = await first.buddies.startRound({ tenantId: team.tenantId, userId: team.owner }, team.teamId);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));

    first.worker.start();
    await eventually(() => expect(connector.sent.length).toBeGreaterThanOrEqual(5), { timeout: 30_000 });
    await first.worker.stop();
    const atStop = connector.sent.length;
    expect(atStop).toBeLessThan(everyone.length);

    const second = instance();
    second.worker.start();
    try {
      await eventually(() => expect(new Set(connector.sent.map((s) => s.conversationId)).size).toBe(everyone.length), { timeout: 45_000 });
    } finally {
      await second.worker.stop();
    }
    const perPerson = new Map<string, number>();
    for (const s of connector.sent) perPerson.set(s.conversationId, (perPerson.get(s.conversationId) ?? 0) + 1);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    expect([...perPerson.keys()].sort()).toEqual(everyone.map((id) => `a:${id}`).sort());
    for (const s of connector.sent) expect(JSON.stringify(s.activity.attachments)).toContain('teams.microsoft.com/l/meeting/new');

    // One round was computed and stored; everyone is in it once; its check-in is queued for halfway.
    const rounds = await first.storage.repositories.buddies.rounds.listRecent(team.tenantId, team.teamId, 5);
    expect(rounds.map((r) => r.roundId)).toEqual([started.value.roundId]);
    const paired = rounds[0]?.pairs.flatMap((p) => p.members) ?? [];
    expect(paired.sort()).toEqual([...everyone].sort());
    expect(connector.violations()).toEqual([]);
  });

  it('a worker process SIGKILLed mid-round and started again: everyone introduced, at most one twice (DELIVERY.md), one round', async () => {
    mkdirSync('.data/test-build', { recursive: true });
    const script = await buildDeliveryWorker('.data/test-build');
    const setup = instance();
    const team = await seedBuddyTeam(setup.storage.repositories, 21);
    const everyone = [team.owner, ...team.members];
    for (const userId of everyone) {
      await setup.delivery.addresses.putPerson({
        tenantId: team.tenantId,
        userId,
        serviceUrl: connector.serviceUrl,
        botId: '28:bot',
        teamsUserId: `29:${userId}`,
        conversationId: `k:${userId}`,
        updatedAt: new Date().toISOString(),
      });
      expect((await setup.buddies.update({ tenantId: team.tenantId, userId }, team.teamId, { optIn: true })).ok).toBe(true);
    }
    const started = await setup.buddies.startRound({ tenantId: team.tenantId, userId: team.owner }, team.teamId);
    if (!started.ok) throw new Error(JSON.stringify(started.failure));
    const mine = () => connector.sent.filter((s) => s.conversationId.startsWith('k:'));
    const start = () =>
      spawn(process.execPath, [script], {
        env: {
          ...process.env,
          STORAGE_CONNECTION_STRING: service.storageConnectionString,
          COMPOSER: 'buddies',
          LEASE_SECONDS: '2',
          TENANT_RATE: '4',
        },
        stdio: 'ignore',
      });

    child = start();
    await eventually(() => expect(mine().length).toBeGreaterThanOrEqual(5), { timeout: 45_000 });
    const killed = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    await killed;
    expect(mine().length).toBeLessThan(everyone.length);

    child = start();
    await eventually(() => expect(new Set(mine().map((s) => s.conversationId)).size).toBe(everyone.length), { timeout: 60_000 });
    // SIGTERM lets the worker finish the batch in hand and exit; after that nothing of this round can still be posted.
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(mine().length - everyone.length).toBeLessThanOrEqual(1);
    expect([...new Set(mine().map((s) => s.conversationId))].sort()).toEqual(everyone.map((id) => `k:${id}`).sort());
    const rounds = await setup.storage.repositories.buddies.rounds.listRecent(team.tenantId, team.teamId, 5);
    expect(rounds.map((r) => r.roundId)).toEqual([started.value.roundId]);
    expect(connector.violations()).toEqual([]);
  });
});
