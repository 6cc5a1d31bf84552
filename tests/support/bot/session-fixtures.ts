import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readConfig } from '../../../bot/src/config';
import type { Config } from '../../../bot/src/config';
import type { OutboxJob } from '../../../bot/src/domain/delivery/outbox';
import type { Repositories } from '../../../bot/src/domain/shared/repositories';
import type { LearningSession } from '../../../bot/src/domain/sessions/session';
import type { RunningService } from '../../../bot/src/server';
import { QUEUES } from '../../../bot/src/storage/shared/keys';
import { decodeEnvelope } from '../../../bot/src/storage/delivery/queue-outbox';
import { BOT, PLAYGROUND_TENANT, postActivity } from '../activities';
import type { ActivityUser } from '../activities';
import { startFakeConnector } from '../fake-connector';
import type { FakeConnector } from '../fake-connector';
import { startTestService } from '../service';

/** Sessions tests keep the jobs in the queue (no worker), so they can see what was enqueued. */
export function withoutWorker(config: Config): Partial<Config> {
  return { seedDemo: false, delivery: { ...config.delivery, worker: false } };
}

export const TEAM_ID = '19:sessions-team@thread.tacv2';
export const CHANNEL_ID = '19:leren@thread.tacv2';

export const people = {
  host: { id: '29:host', name: 'Hanna Host', aadObjectId: '00000000-0000-0000-0000-00000000a001' },
  ann: { id: '29:ann', name: 'Ann Attendee', aadObjectId: '00000000-0000-0000-0000-00000000a002' },
  bob: { id: '29:bob', name: 'Bob Builder', aadObjectId: '00000000-0000-0000-0000-00000000a003' },
  cleo: { id: '29:cleo', name: 'Cleo Curious', aadObjectId: '00000000-0000-0000-0000-00000000a004' },
} satisfies Record<string, ActivityUser>;

/** A team PeerLearn knows (as after install), with two channels and four members. */
export async function seedTeam(repos: Repositories, at: Date, tenantId = PLAYGROUND_TENANT, teamId = TEAM_ID): Promise<void> {
  const now = at.toISOString();
  await repos.tenants.upsert({ tenantId, name: 'Playground', createdAt: now });
  await repos.teams.upsert({
    tenantId,
    teamId,
    name: 'Learning team',
    locale: 'en-US',
    channels: [
      { channelId: teamId, name: 'General' },
      { channelId: CHANNEL_ID, name: 'Leren' },
    ],
    createdAt: now,
    updatedAt: now,
  });
  const users = Object.values(people);
  await repos.members.putMany(
    users.map((u) => ({
      tenantId,
      userId: u.aadObjectId,
      displayName: u.name,
      bio: '',
      teaches: [],
      wants: [],
      languages: [],
      availability: '',
      createdAt: now,
      updatedAt: now,
    })),
  );
  await repos.teams.addMembers(
    users.map((u) => ({ tenantId, teamId, userId: u.aadObjectId, role: u === people.host ? 'owner' : 'member', joinedAt: now })),
  );
}

export interface WhereOptions {
  readonly tenantId?: string;
  readonly teamId?: string | null;
  readonly channelId?: string;
  readonly locale?: string;
}

function conversationOf(from: ActivityUser, where: WhereOptions) {
  const tenantId = where.tenantId ?? PLAYGROUND_TENANT;
  const teamId = where.teamId === undefined ? TEAM_ID : where.teamId;
  const channelId = where.channelId ?? CHANNEL_ID;
  return {
    tenantId,
    conversation: teamId
      ? { id: channelId, conversationType: 'channel', isGroup: true, tenantId }
      : { id: `a:personal-${from.id}`, conversationType: 'personal', tenantId },
    channelData: teamId ? { tenant: { id: tenantId }, team: { id: teamId }, channel: { id: channelId } } : { tenant: { id: tenantId } },
  };
}

/** A Teams invoke (Action.Execute, messaging extension, dialog) as the Teams channel sends it. */
export function invokeActivity(serviceUrl: string, name: string, value: unknown, from: ActivityUser, where: WhereOptions = {}) {
  const { conversation, channelData } = conversationOf(from, where);
  return {
    type: 'invoke',
    name,
    value,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from,
    conversation,
    recipient: BOT,
    locale: where.locale ?? 'en-US',
    channelData,
  };
}

/** A message in a team channel (or a personal chat with `teamId: null`). */
export function messageActivity(serviceUrl: string, text: string, from: ActivityUser, where: WhereOptions = {}, entities: unknown[] = []) {
  const { conversation, channelData } = conversationOf(from, where);
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from,
    conversation,
    recipient: BOT,
    text,
    entities,
    locale: where.locale ?? 'en-US',
    channelData,
  };
}

export const execute = (verb: string, data: Record<string, unknown>) => ({
  action: { type: 'Action.Execute', verb, data },
  trigger: 'manual',
});

/** Everything in the jobs queue right now (visible jobs; scheduled ones show up when due). */
export async function queuedJobs(service: RunningService): Promise<OutboxJob[]> {
  const queue = QueueServiceClient.fromConnectionString(service.storageConnectionString).getQueueClient(QUEUES.jobs);
  const jobs: OutboxJob[] = [];
  // Peek shows at most 32 messages and never hides them: tests clear the queue between cases.
  const peeked = await queue.peekMessages({ numberOfMessages: 32 });
  for (const m of peeked.peekedMessageItems) jobs.push(decodeEnvelope(m.messageText).job);
  return jobs;
}

export async function clearQueue(service: RunningService): Promise<void> {
  await QueueServiceClient.fromConnectionString(service.storageConnectionString).getQueueClient(QUEUES.jobs).clearMessages();
}

export interface InvokeBody {
  readonly statusCode?: number;
  readonly type?: string;
  readonly value?: unknown;
  readonly task?: { readonly type: string; readonly value: unknown };
}

export interface SeededBot {
  readonly service: RunningService;
  readonly connector: FakeConnector;
}

/**
 * The service (no outbox worker, so tests see what was enqueued) and a fake Bot Connector for a whole
 * bot test file, with the sessions team of `seedTeam` in it; `now` is the service's clock.
 */
export function useSeededBot(now: () => Date): SeededBot {
  let service: RunningService | undefined;
  let connector: FakeConnector | undefined;
  beforeAll(async () => {
    [service, connector] = await Promise.all([
      startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), now),
      startFakeConnector(),
    ]);
    await seedTeam(service.repositories, now());
  });
  afterAll(async () => {
    await Promise.all([service?.close(), connector?.close()]);
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet (use it inside a test)`);
    return value;
  };
  return {
    get service() {
      return ready(service, 'The service');
    },
    get connector() {
      return ready(connector, 'The fake connector');
    },
  };
}

/**
 * Plans a session through the bot's plan form (the `createSession` verb, as `from`, in the sessions team's channel
 * at 14:00 for 45 minutes unless `fields` say otherwise) and returns it as stored.
 */
export async function planThroughCard(
  bot: SeededBot,
  fields: { readonly title: string; readonly date: string } & Readonly<Record<string, string>>,
  from: ActivityUser = people.host,
): Promise<LearningSession> {
  const data = { teamId: TEAM_ID, time: '14:00', durationMinutes: '45', channelId: CHANNEL_ID, ...fields };
  const res = await postActivity(
    bot.service.url,
    invokeActivity(bot.connector.serviceUrl, 'adaptiveCard/action', execute('createSession', data), from),
  );
  expect(res.status).toBe(200);
  expect(JSON.stringify(await res.json())).toContain('is planned');
  const found = (await bot.service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).find((s) => s.title === fields.title);
  if (!found) throw new Error(`${fields.title} was not planned`);
  return found;
}
