import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DeliveryRecord, ParkedDelivery } from '../../bot/src/domain/delivery/delivery';
import { retentionCutoffs, sweepDeliveryRows } from '../../bot/src/domain/delivery/retention';
import { forEachLimited } from '../../bot/src/domain/shared/each-limited';
import { startRetentionSweep } from '../../bot/src/jobs/delivery/retention-sweep';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import type { DeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { startTestAzurite } from '../support/azurite';
import { eventually } from '../support/eventually';
import { quietLogger } from '../support/service';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { testCard } from '../support/fanout-composer';
import { createBotConnector } from '../../bot/src/teams/shared/bot-connector';
import { ProactiveSender } from '../../bot/src/teams/delivery/proactive-sender';
import type { OutgoingMessage } from '../../bot/src/domain/delivery/outbox';

/**
 * Issue #15: Table Storage has no time-to-live, so the idempotency record (plDelivered) and parked
 * messages (plParked) are swept by their own times, relative to an injected clock.
 */
let azurite: EmbeddedAzurite;
let storage: DeliveryStorage;
let connector: FakeConnector;

beforeAll(async () => {
  [azurite, connector] = await Promise.all([startTestAzurite(), startFakeConnector()]);
  storage = createDeliveryStorage(clientsFromConnectionString(azurite.connectionString));
  await storage.ensureCreated();
});
afterAll(async () => {
  await Promise.all([azurite?.stop(), connector?.close()]);
});

const NOW = new Date();
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const TENANTS = ['tenant-a', 'tenant-b', 'tenant-c'];

const record = (tenantId: string, key: string, postedAt: string, keepUntil?: string): DeliveryRecord => ({
  tenantId,
  key,
  conversationId: '19:channel@thread.tacv2',
  activityId: `activity-${key}`,
  postedAt,
  ...(keepUntil ? { keepUntil } : {}),
});

const parked = (teamId: string, parkedId: string, parkedAt: string, retryRequestedAt?: string): ParkedDelivery => ({
  tenantId: 'tenant-a',
  teamId,
  parkedId,
  reason: 'attempts-exhausted',
  attempts: 6,
  lastError: 'HTTP 429',
  parkedAt,
  ...(retryRequestedAt ? { retryRequestedAt } : {}),
});

async function putRecords(records: readonly DeliveryRecord[]) {
  await forEachLimited(records, 16, (r) => storage.delivered.put(r));
}

describe('the retention sweep of delivery rows', () => {
  it('keeps 30 days plus the queue’s 7 days of hiding for the idempotency record, 30 for parked messages', () => {
    const cutoffs = retentionCutoffs(NOW, 30);
    expect(cutoffs.delivered.toISOString()).toBe(daysAgo(37));
    expect(cutoffs.parked.toISOString()).toBe(daysAgo(30));
  });

  it('deletes old rows across tenants and pages (over 1,000), keeps newer and still-needed ones; a second run (or two at once) is harmless', async () => {
    // 1,200 old records over three tenants (partitions): more than one page of 1,000.
    const old = TENANTS.flatMap((tenantId) => Array.from({ length: 400 }, (_, i) => record(tenantId, `old-${i}`, daysAgo(40))));
    const fresh = TENANTS.flatMap((tenantId) => Array.from({ length: 20 }, (_, i) => record(tenantId, `fresh-${i}`, daysAgo(10))));
    // Inside the queue margin: posted 36 days ago is kept (a job taken again may still need it).
    const margin = record('tenant-a', 'margin', daysAgo(36));
    // An invite of a session that ended 5 days ago, posted two months before: kept by keepUntil.
    const liveInvite = record('tenant-b', 'invite|live', daysAgo(60), daysAgo(5));
    const doneInvite = record('tenant-b', 'invite|done', daysAgo(90), daysAgo(38));
    await putRecords([...old, ...fresh, margin, liveInvite, doneInvite]);
    await Promise.all([
      storage.parked.put(parked('19:team-1', 'p-old', daysAgo(31))),
      storage.parked.put(parked('19:team-2', 'p-old-2', daysAgo(100))),
      storage.parked.put(parked('19:team-1', 'p-new', daysAgo(29))),
      // An owner asked to retry yesterday: kept until that retry has run.
      storage.parked.put(parked('19:team-1', 'p-retrying', daysAgo(40), daysAgo(1))),
    ]);

    // Two instances sweeping at the same moment: every row goes once, neither fails.
    const [first, second] = await Promise.all([
      sweepDeliveryRows({ delivered: storage.delivered, parked: storage.parked, retentionDays: 30 }, NOW),
      sweepDeliveryRows({ delivered: storage.delivered, parked: storage.parked, retentionDays: 30 }, NOW),
    ]);
    expect(first.delivered + second.delivered).toBeGreaterThanOrEqual(old.length + 1);
    for (const r of [...old.slice(0, 5), ...old.slice(-5), doneInvite])
      expect(await storage.delivered.get(r.tenantId, r.key)).toBeUndefined();
    for (const r of [...fresh, margin, liveInvite]) expect(await storage.delivered.get(r.tenantId, r.key)).toEqual(r);
    expect(await storage.parked.get('tenant-a', '19:team-1', 'p-old')).toBeUndefined();
    expect(await storage.parked.get('tenant-a', '19:team-2', 'p-old-2')).toBeUndefined();
    expect((await storage.parked.listForTeam('tenant-a', '19:team-1')).map((p) => p.parkedId).sort()).toEqual(['p-new', 'p-retrying']);

    // Nothing left to delete: a run again finds nothing and keeps everything.
    expect(await sweepDeliveryRows({ delivered: storage.delivered, parked: storage.parked, retentionDays: 30 }, NOW)).toEqual({
      delivered: 0,
      parked: 0,
    });
    for (const r of [...fresh, margin, liveInvite]) expect(await storage.delivered.get(r.tenantId, r.key)).toEqual(r);

    // Time passes (the clock is injected): 30 days on, the fresh ones and the margin one go; the
    // invite, needed until 5 days ago, has 2 more days (37 from its keepUntil).
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const after = await sweepDeliveryRows({ delivered: storage.delivered, parked: storage.parked, retentionDays: 30 }, later);
    expect(after).toEqual({ delivered: fresh.length + 1, parked: 2 });
    expect(await storage.delivered.get(liveInvite.tenantId, liveInvite.key)).toEqual(liveInvite);
    const laterStill = new Date(NOW.getTime() + 33 * 86_400_000);
    expect(
      (await sweepDeliveryRows({ delivered: storage.delivered, parked: storage.parked, retentionDays: 30 }, laterStill)).delivered,
    ).toBe(1);
  }, 60_000);

  it('runs on a timer, logs its counts, and stops', async () => {
    await putRecords([record('tenant-c', 'timer-old', daysAgo(50)), record('tenant-c', 'timer-new', daysAgo(1))]);
    const lines: { msg: string; fields: unknown }[] = [];
    const log = { ...quietLogger, info: (msg: string, fields?: unknown) => lines.push({ msg, fields }) };
    const sweep = startRetentionSweep({
      delivered: storage.delivered,
      parked: storage.parked,
      retentionDays: 30,
      now: () => NOW,
      log,
      firstAfterMs: 0,
      everyMs: 50,
    });
    try {
      await eventually(() => expect(lines.length).toBeGreaterThanOrEqual(2));
    } finally {
      await sweep.stop();
    }
    expect(lines[0]).toEqual({
      msg: 'retention: delivery rows swept',
      fields: expect.objectContaining({ delivered: 1, parked: 0, retentionDays: 30 }),
    });
    expect(lines[1]?.fields).toEqual(expect.objectContaining({ delivered: 0, parked: 0 }));
    expect(await storage.delivered.get('tenant-c', 'timer-new')).toBeDefined();
    expect(await storage.delivered.get('tenant-c', 'timer-old')).toBeUndefined();
  });
});

describe('what keeps a delivery record from the sweep', () => {
  const TEAM = '19:team-retention@thread.tacv2';
  let clock = NOW;
  const sender = () =>
    new ProactiveSender({
      connector: createBotConnector({ type: 'SingleTenant' }),
      addresses: storage.addresses,
      delivered: storage.delivered,
      parked: storage.parked,
      log: quietLogger,
      now: () => clock,
      policy: { backoffBaseMs: 40, backoffCapMs: 400, maxAttempts: 2, quietStartMs: 0 },
    });
  const invite = (mode: 'post' | 'update', keepUntil: string): OutgoingMessage => ({
    key: 'retention-invite',
    mode,
    target: { kind: 'channel', tenantId: 'tenant-r', teamId: TEAM, channelId: '19:general-r@thread.tacv2' },
    card: testCard('invite'),
    summary: 'invite',
    keepUntil,
  });

  it('an invite keeps its record until its session ends (later when it moves); a job that finds its record marks it needed', async () => {
    await storage.addresses.putTeam({
      tenantId: 'tenant-r',
      teamId: TEAM,
      serviceUrl: connector.serviceUrl,
      botId: '28:bot',
      updatedAt: daysAgo(0),
    });
    const sessionEnd = new Date(NOW.getTime() + 60 * 86_400_000).toISOString();
    expect((await sender().deliver(invite('post', sessionEnd), { teamId: TEAM })).status).toBe('posted');
    expect((await storage.delivered.get('tenant-r', 'retention-invite'))?.keepUntil).toBe(sessionEnd);

    // The session moved a week later: its update carries the later end.
    const movedEnd = new Date(NOW.getTime() + 67 * 86_400_000).toISOString();
    expect((await sender().deliver(invite('update', movedEnd), { teamId: TEAM })).status).toBe('updated');
    expect((await storage.delivered.get('tenant-r', 'retention-invite'))?.keepUntil).toBe(movedEnd);

    // 100 days on, a retried job finds it already posted: skipped, and needed as of now.
    clock = new Date(NOW.getTime() + 100 * 86_400_000);
    expect(await sender().deliver(invite('post', sessionEnd), { teamId: TEAM })).toEqual({ status: 'skipped', why: 'already-posted' });
    const kept = await storage.delivered.get('tenant-r', 'retention-invite');
    expect(kept?.keepUntil).toBe(clock.toISOString());
    // The sweep at that moment (other tests' rows go) leaves it alone.
    await sweepDeliveryRows({ delivered: storage.delivered, parked: storage.parked, retentionDays: 30 }, clock);
    expect(await storage.delivered.get('tenant-r', 'retention-invite')).toEqual(kept);
    // One post, one update, never a second post.
    expect(connector.sent.map((m) => m.method)).toEqual(['POST', 'PUT']);
  });
});
