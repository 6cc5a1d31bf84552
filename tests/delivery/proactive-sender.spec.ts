import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { OutgoingMessage } from '../../bot/src/domain/delivery/outbox';
import { createDeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import type { DeliveryStorage } from '../../bot/src/storage/delivery/delivery-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { createBotConnector } from '../../bot/src/teams/shared/bot-connector';
import { ProactiveSender } from '../../bot/src/teams/delivery/proactive-sender';
import type { SenderPolicy } from '../../bot/src/teams/delivery/proactive-sender';
import { startTestAzurite } from '../support/azurite';
import { startFakeConnector } from '../support/fake-connector';
import type { FakeConnector } from '../support/fake-connector';
import { testCard } from '../support/fanout-composer';
import { quietLogger } from '../support/service';

const TENANT = '00000000-0000-0000-0000-0000000000001';
const TEAM = '19:team-sender@thread.tacv2';
const BOT_ID = '28:bot';

let azurite: EmbeddedAzurite;
let storage: DeliveryStorage;
let connector: FakeConnector;
let run = 0;

beforeAll(async () => {
  [azurite, connector] = await Promise.all([startTestAzurite(), startFakeConnector()]);
  storage = createDeliveryStorage(clientsFromConnectionString(azurite.connectionString));
  await storage.ensureCreated();
  await storage.addresses.putTeam({
    tenantId: TENANT,
    teamId: TEAM,
    serviceUrl: connector.serviceUrl,
    botId: BOT_ID,
    updatedAt: new Date().toISOString(),
  });
});
afterAll(async () => {
  await Promise.all([azurite?.stop(), connector?.close()]);
});
beforeEach(() => {
  run += 1;
  connector.sent.length = 0;
  connector.requests.length = 0;
  connector.failWhen(undefined);
});

function sender(policy: Partial<SenderPolicy> = {}, processStartedAt?: number) {
  return new ProactiveSender({
    ...(processStartedAt ? { processStartedAt } : {}),
    connector: createBotConnector({ type: 'SingleTenant' }),
    addresses: storage.addresses,
    delivered: storage.delivered,
    parked: storage.parked,
    log: quietLogger,
    policy: { backoffBaseMs: 40, backoffCapMs: 400, maxAttempts: 4, quietStartMs: 0, ...policy },
  });
}

const channel = (n: number) => `19:channel-${run}-${n}@thread.tacv2`;
const inChannel = (key: string, channelId = channel(0), mode: 'post' | 'update' = 'post'): OutgoingMessage => ({
  key: `${run}:${key}`,
  mode,
  target: { kind: 'channel', tenantId: TENANT, teamId: TEAM, channelId },
  card: testCard(key),
  summary: key,
});

describe('the throttled sender', () => {
  it('holds Teams’ per-conversation and per-tenant windows under a burst', async () => {
    const s = sender({ tenantPerSecond: 30 });
    // 10 into one channel (7/1 s and 8/2 s bite) and 40 spread over 20 channels (30/s per tenant bites).
    const messages = [
      ...Array.from({ length: 10 }, (_, i) => inChannel(`burst-one-${i}`)),
      ...Array.from({ length: 40 }, (_, i) => inChannel(`burst-many-${i}`, channel(1 + (i % 20)))),
    ];
    const started = Date.now();
    const outcomes = await Promise.all(messages.map((m) => s.deliver(m, { teamId: TEAM })));
    expect(outcomes.every((o) => o.status === 'posted')).toBe(true);
    expect(connector.sent).toHaveLength(50);
    expect(connector.violations()).toEqual([]);
    // The 9th and 10th send to one channel must wait for the 2-second window.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it('a throttled conversation does not hold up the others', async () => {
    // The sender's waits for a window go through `sleep`: here they are held until the other
    // channel's message is through, so "does not hold up" is shown by order, not by a stopwatch.
    let throttled!: () => void;
    const busyWaits = new Promise<void>((resolve) => (throttled = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const s = new ProactiveSender({
      connector: createBotConnector({ type: 'SingleTenant' }),
      addresses: storage.addresses,
      delivered: storage.delivered,
      parked: storage.parked,
      log: quietLogger,
      policy: { backoffBaseMs: 40, backoffCapMs: 400, maxAttempts: 4, quietStartMs: 0 },
      sleep: async (ms) => {
        throttled();
        await released;
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
    });
    const busy = Promise.all(Array.from({ length: 9 }, (_, i) => s.deliver(inChannel(`busy-${i}`, channel(50)), { teamId: TEAM })));
    // The busy channel has used its 1-second window (7 messages) and the 8th waits for a slot.
    await busyWaits;
    const other = await s.deliver(inChannel('other', channel(51)), { teamId: TEAM });
    expect(other.status).toBe('posted');
    expect(connector.sent.map((m) => m.conversationId)).toEqual([...Array.from({ length: 7 }, () => channel(50)), channel(51)]);
    release();
    expect((await busy).every((o) => o.status === 'posted')).toBe(true);
    expect(connector.sent.filter((m) => m.conversationId === channel(50))).toHaveLength(9);
    expect(connector.violations()).toEqual([]);
  });

  it('stays quiet for one tenant window after start: a restarted process cannot know what the last one sent', async () => {
    const started = Date.now();
    const outcome = await sender({ quietStartMs: 1_010 }, started).deliver(inChannel('quiet-start'), { teamId: TEAM });
    expect(outcome.status).toBe('posted');
    expect((connector.requests[0]?.at ?? 0) - started).toBeGreaterThanOrEqual(1_000);
  });

  it('the fake connector notices a burst that breaks the windows (so the check above can fail)', async () => {
    const s = sender({ tenantPerSecond: 1_000, windowMarginMs: 0 });
    // Windows of the sender loosened to 1000/s per tenant: the connector's 30/s check must flag it.
    // 100 messages, so that even a busy machine that manages only a few dozen requests a second
    // puts more than 30 into one second.
    await Promise.all(Array.from({ length: 100 }, (_, i) => s.deliver(inChannel(`loose-${i}`, channel(100 + i)), { teamId: TEAM })));
    expect(connector.violations().some((v) => v.startsWith('tenant:'))).toBe(true);
  });

  it('honours Retry-After on a 429 (seconds), then posts once', async () => {
    connector.failNext({ status: 429, retryAfter: '1' });
    const outcome = await sender().deliver(inChannel('retry-after'), { teamId: TEAM });
    expect(outcome.status).toBe('posted');
    expect(connector.requests.map((r) => r.status)).toEqual([429, 201]);
    const [first, second] = connector.requests;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(connector.sent).toHaveLength(1);
  });

  it('honours Retry-After as an HTTP date', async () => {
    connector.failNext({ status: 429, retryAfter: new Date(Date.now() + 2_000).toUTCString() });
    await sender().deliver(inChannel('retry-after-date'), { teamId: TEAM });
    const [first, second] = connector.requests;
    // HTTP dates have whole seconds: at least one second later.
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(connector.sent).toHaveLength(1);
  });

  it('retries 429 without Retry-After, 412, 502 and 504 with backoff, one request each (no hidden SDK retries)', async () => {
    connector.failNext({ status: 429 }, { status: 502 }, { status: 504 });
    const outcome = await sender({ maxAttempts: 5 }).deliver(inChannel('backoff'), { teamId: TEAM });
    expect(outcome.status).toBe('posted');
    expect(connector.requests.map((r) => r.status)).toEqual([429, 502, 504, 201]);
    connector.failNext({ status: 412 });
    const again = await sender().deliver(inChannel('precondition'), { teamId: TEAM });
    expect(again.status).toBe('posted');
  });

  it('parks a message after N attempts, where the team owner can see it', async () => {
    connector.failWhen(() => ({ status: 503 }));
    const message = inChannel('parked');
    const outcome = await sender({ maxAttempts: 3 }).deliver(message, { teamId: TEAM });
    expect(outcome).toMatchObject({ status: 'parked', reason: 'attempts-exhausted' });
    expect(connector.requests).toHaveLength(3);
    expect(connector.sent).toHaveLength(0);
    const parked = await storage.parked.listForTeam(TENANT, TEAM);
    const record = parked.find((p) => p.message?.key === message.key);
    expect(record).toMatchObject({ reason: 'attempts-exhausted', attempts: 3, message: { key: message.key, summary: 'parked' } });
    expect(record?.lastError).toContain('503');
  });

  it('parks at once what Teams refuses for good (403: the bot was removed)', async () => {
    connector.failNext({ status: 403 });
    const outcome = await sender().deliver(inChannel('forbidden'), { teamId: TEAM });
    expect(outcome).toMatchObject({ status: 'parked', reason: 'rejected' });
    expect(connector.requests).toHaveLength(1);
  });

  it('posts a key once: a retried job does not post the same card twice', async () => {
    const s = sender();
    const first = await s.deliver(inChannel('once'), { teamId: TEAM });
    const second = await s.deliver(inChannel('once'), { teamId: TEAM });
    // A second sender (another instance) sees the same record.
    const third = await sender().deliver(inChannel('once'), { teamId: TEAM });
    expect(first.status).toBe('posted');
    expect(second).toEqual({ status: 'skipped', why: 'already-posted' });
    expect(third).toEqual({ status: 'skipped', why: 'already-posted' });
    expect(connector.sent).toHaveLength(1);
  });

  it('updates the posted message in place', async () => {
    const s = sender();
    const posted = await s.deliver(inChannel('update-me'), { teamId: TEAM });
    const updated = await s.deliver({ ...inChannel('update-me', channel(0), 'update'), card: testCard('changed') }, { teamId: TEAM });
    if (posted.status !== 'posted') throw new Error('not posted');
    expect(updated).toEqual({ status: 'updated', conversationId: posted.conversationId, activityId: posted.activityId });
    const put = connector.sent[1];
    expect(put).toMatchObject({ method: 'PUT', conversationId: channel(0), replyToId: posted.activityId });
    expect(JSON.stringify(put?.activity.attachments)).toContain('changed');
    // An update of something never posted posts nothing.
    expect(await s.deliver(inChannel('never-posted', channel(0), 'update'), { teamId: TEAM })).toEqual({
      status: 'skipped',
      why: 'nothing-to-update',
    });
  });

  it('replies in the thread of the stored root message', async () => {
    const s = sender();
    const root = await s.deliver(inChannel('root'), { teamId: TEAM });
    if (root.status !== 'posted') throw new Error('not posted');
    const reply: OutgoingMessage = {
      key: `${run}:reply`,
      mode: 'post',
      target: { kind: 'thread', tenantId: TENANT, teamId: TEAM, channelId: channel(0), rootKey: `${run}:root` },
      card: testCard('reminder'),
      summary: 'reminder',
    };
    const outcome = await s.deliver(reply, { teamId: TEAM });
    expect(outcome).toMatchObject({ status: 'posted', conversationId: `${channel(0)};messageid=${root.activityId}` });
    expect(connector.sent[1]?.conversationId).toBe(`${channel(0)};messageid=${root.activityId}`);
    // A reply whose root was never posted cannot go anywhere: parked, not posted at the channel's top.
    const orphan = await s.deliver(
      { ...reply, key: `${run}:orphan`, target: { ...reply.target, rootKey: `${run}:no-root` } as OutgoingMessage['target'] },
      { teamId: TEAM },
    );
    expect(orphan).toMatchObject({ status: 'parked', reason: 'no-address' });
  });

  it('reaches a person in their 1:1 chat, opening one with their Teams id when needed', async () => {
    const now = new Date().toISOString();
    const person = (userId: string): OutgoingMessage => ({
      key: `${run}:dm:${userId}`,
      mode: 'post',
      target: { kind: 'person', tenantId: TENANT, userId },
      card: testCard('hello'),
      summary: 'hello',
    });
    await storage.addresses.putPerson({
      tenantId: TENANT,
      userId: 'aad-with-chat',
      serviceUrl: connector.serviceUrl,
      botId: BOT_ID,
      conversationId: 'a:chat-1',
      updatedAt: now,
    });
    await storage.addresses.putPerson({
      tenantId: TENANT,
      userId: 'aad-no-chat',
      serviceUrl: connector.serviceUrl,
      botId: BOT_ID,
      teamsUserId: '29:teams-id',
      updatedAt: now,
    });
    const s = sender();
    expect(await s.deliver(person('aad-with-chat'), { teamId: TEAM })).toMatchObject({ status: 'posted', conversationId: 'a:chat-1' });
    const opened = await s.deliver(person('aad-no-chat'), { teamId: TEAM });
    expect(opened.status).toBe('posted');
    expect(connector.requests.some((r) => r.method === 'POST' && r.path === '/')).toBe(true);
    // The new chat is remembered.
    expect((await storage.addresses.getPerson(TENANT, 'aad-no-chat'))?.conversationId).toMatch(/^conv-/);
    expect(await s.deliver(person('aad-stranger'), { teamId: TEAM })).toMatchObject({ status: 'parked', reason: 'no-address' });
  });

  it('parks a message for a team the app is not installed in', async () => {
    const message: OutgoingMessage = {
      ...inChannel('no-team'),
      target: { kind: 'channel', tenantId: TENANT, teamId: '19:unknown@thread.tacv2', channelId: 'x' },
    };
    expect(await sender().deliver(message, { teamId: '19:unknown@thread.tacv2' })).toMatchObject({
      status: 'parked',
      reason: 'no-address',
    });
    expect(connector.requests).toHaveLength(0);
  });
});
