import { randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import { expect } from '@jest/globals';
import type { OutgoingMessage } from '../../../bot/src/domain/delivery/outbox';
import { ExpertDirectory } from '../../../bot/src/domain/experts/expert-directory';
import { ORGANISATION_POOL } from '../../../bot/src/domain/buddies/buddy';
import { ownerRoundId } from '../../../bot/src/domain/buddies/buddy-slots';
import { createServices } from '../../../bot/src/domain/shared/services';
import { createAnswersInFlight } from '../../../bot/src/domain/rsvp/answers-in-flight';
import { csvWords } from '../../../bot/src/cards/insights/insights-csv-words';
import type { Services } from '../../../bot/src/domain/shared/services';
import type { PersonRef } from '../../../bot/src/domain/shared/person';
import { createDeliveryStorage } from '../../../bot/src/storage/delivery/delivery-storage';
import type { DeliveryStorage } from '../../../bot/src/storage/delivery/delivery-storage';
import { QueueOutbox } from '../../../bot/src/storage/delivery/queue-outbox';
import { createStorage } from '../../../bot/src/storage/shared/create-storage';
import type { Storage } from '../../../bot/src/storage/shared/create-storage';
import { DELIVERY_TABLES, TABLES } from '../../../bot/src/storage/shared/keys';
import { clientsFromConnectionString } from '../../../bot/src/storage/shared/storage-clients';
import { quietLogger } from '../service';

/** PeerLearn's storage and domain services on one Azurite, with a clock the test moves (the expert index runs on real time, as the change feed does). */
export interface PrivacyWorld {
  readonly storage: Storage;
  readonly delivery: DeliveryStorage;
  readonly services: Services;
  readonly experts: ExpertDirectory;
  readonly clock: { now: Date };
  /** Another instance's expert search on the same storage. */
  directory(): ExpertDirectory;
}

export async function buildWorld(connectionString: string): Promise<PrivacyWorld> {
  const storage = createStorage({ connectionString });
  await storage.ensureCreated();
  const delivery = createDeliveryStorage(clientsFromConnectionString(connectionString), storage.queues.jobs);
  await delivery.ensureCreated();
  const clock = { now: new Date() };
  const now = () => clock.now;
  const repos = storage.repositories;
  const directory = () =>
    new ExpertDirectory(
      { members: repos.members, teams: repos.teams, sessions: repos.sessions, ...storage.experts },
      { now: () => new Date(), log: quietLogger, pollIntervalMs: 250 },
    );
  const experts = directory();
  const services = createServices({
    repositories: repos,
    outbox: new QueueOutbox(storage.queues.jobs, now),
    experts,
    privacy: { store: storage.personalData, secret: 'privacy-test-secret-'.repeat(3), publicUrl: 'https://peerlearn.example' },
    insightsWords: csvWords,
    answersInFlight: createAnswersInFlight(),
    now,
  });
  return { storage, delivery, services, experts, clock, directory };
}

export interface Person extends PersonRef {
  readonly name: string;
  readonly email: string;
}

export function person(tenantId: string, name: string): Person {
  const userId = randomUUID();
  return { tenantId, userId, name, email: `${name.split(' ')[0]?.toLowerCase()}.${userId.slice(0, 6)}@contoso.example` };
}

const must = <T>(result: { ok: true; value: T } | { ok: false; failure: unknown }): T => {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.failure)}`);
  return result.value;
};

/**
 * A day of PeerLearn through the domain services: Eva is in two teams, hosts one session and
 * teaches in another, answers, asks, gives feedback and kudos, shares a tip, asks for and votes on
 * learning requests, is endorsed and endorses, and has a 1:1 address and a delivery record.
 */
export async function scriptedDay(world: PrivacyWorld, eva: Person, olaf: Person, pim: Person) {
  const { services, clock, delivery } = world;
  const tenantId = eva.tenantId;
  const [teamA, teamB] = [`19:${randomUUID()}@thread.tacv2`, `19:${randomUUID()}@thread.tacv2`];
  const roster = (people: readonly Person[]) => () => Promise.resolve(people.map((p) => ({ userId: p.userId, displayName: p.name })));
  for (const [teamId, people] of [
    [teamA, [eva, olaf, pim]],
    [teamB, [eva, olaf]],
  ] as const) {
    await services.teams.recordInstall({
      tenantId,
      teamId,
      name: `Team ${teamId.slice(3, 7)}`,
      aadGroupId: undefined,
      locale: 'en',
      installerId: eva.userId,
    });
    await services.teams.syncRoster(tenantId, teamId, roster(people), eva.userId);
  }
  for (const p of [eva, olaf, pim]) await services.profiles.sighted({ tenantId, userId: p.userId, displayName: p.name, email: p.email });
  await services.profiles.edit(tenantId, eva.userId, (p, now) => ({
    ...p,
    teaches: [{ name: 'Excel', level: 3 }],
    bio: 'Spreadsheets',
    updatedAt: now.toISOString(),
  }));
  await services.profiles.edit(tenantId, olaf.userId, (p, now) => ({
    ...p,
    teaches: [{ name: 'Excel', level: 1 }],
    updatedAt: now.toISOString(),
  }));
  await world.experts.endorse({
    tenantId,
    userId: eva.userId,
    skill: 'Excel',
    endorserId: olaf.userId,
    endorsedAt: clock.now.toISOString(),
  });
  await world.experts.endorse({
    tenantId,
    userId: olaf.userId,
    skill: 'Excel',
    endorserId: eva.userId,
    endorsedAt: clock.now.toISOString(),
  });

  const startsAt = new Date(clock.now.getTime() + 2 * 3_600_000).toISOString();
  const [hosted] = must(
    await services.sessions.create(eva, teamA, { title: 'Pivot tables', startsAt, durationMinutes: 60, teacherIds: [pim.userId] }),
  );
  const [taught] = must(
    await services.sessions.create(olaf, teamA, {
      title: 'Charts',
      startsAt,
      durationMinutes: 60,
      teacherIds: [eva.userId],
      discussionLeaderId: pim.userId,
    }),
  );
  if (!hosted || !taught) throw new Error('no sessions');
  for (const [who, session] of [
    [olaf, hosted],
    [pim, hosted],
    [eva, taught],
    [pim, taught],
  ] as const)
    must(await services.rsvps.respond(who, teamA, session.sessionId, 'yes'));
  must(await services.sessionFeedback.ask(eva, teamA, taught.sessionId, 'Do charts work with live data?', false));
  must(await services.sessionFeedback.ask(olaf, teamA, hosted.sessionId, 'Can we see an example?', false));

  clock.now = new Date(clock.now.getTime() + 4 * 3_600_000);
  must(
    await services.sessionFeedback.giveFeedback(eva, teamA, taught.sessionId, {
      rating: 4,
      learnedSomethingNew: true,
      willApply: 'Use it in my report',
    }),
  );
  must(await services.sessionFeedback.giveFeedback(pim, teamA, taught.sessionId, { rating: 2, learnedSomethingNew: false, willApply: '' }));
  must(
    await services.sessionFeedback.giveFeedback(olaf, teamA, hosted.sessionId, {
      rating: 5,
      learnedSomethingNew: true,
      willApply: 'All of it',
    }),
  );

  must(await services.kudos.give(eva, teamA, olaf.userId, 'Thanks for the charts!'));
  must(await services.kudos.give(olaf, teamA, eva.userId, `Great session, ${eva.name}!`));
  must(await services.kudos.give(pim, teamB, olaf.userId, 'Cheers'));

  const evaTip = must(await services.tips.share(eva, teamA, { title: 'Ctrl+T makes a table', body: 'Try it', skills: ['Excel'] }));
  must(await services.tips.share(olaf, teamA, { title: 'Alt+F1 makes a chart', body: '', skills: ['Excel'] }));
  const evaRequest = must(await services.learningRequests.create(eva, teamA, { skill: 'Rust' })).item;
  const olafRequest = must(await services.learningRequests.create(olaf, teamA, { skill: 'Go' })).item;
  must(await services.learningRequests.vote(olaf, teamA, evaRequest.request.requestId, true));
  must(await services.learningRequests.vote(eva, teamA, olafRequest.request.requestId, true));
  must(await services.learningRequests.vote(pim, teamA, olafRequest.request.requestId, true));

  const at = clock.now.toISOString();
  await delivery.addresses.putPerson({
    tenantId,
    userId: eva.userId,
    serviceUrl: 'https://smba.example/emea/',
    botId: 'bot',
    teamsUserId: '29:eva',
    conversationId: `a:${eva.userId.slice(0, 8)}-chat`,
    updatedAt: at,
  });
  await delivery.delivered.put({
    tenantId,
    key: `notify|${tenantId}|${taught.sessionId}|${eva.userId}|feedbackSummary|1`,
    conversationId: `a:${eva.userId.slice(0, 8)}-chat`,
    activityId: '1:1',
    postedAt: at,
  });
  await delivery.delivered.put({
    tenantId,
    key: `invite|${tenantId}|${taught.sessionId}`,
    conversationId: teamA,
    activityId: '1:2',
    postedAt: at,
  });
  // A notice to Eva that Teams refused, and a channel post that names only the team: the owner's parked list.
  const parked = (parkedId: string, message: OutgoingMessage) =>
    delivery.parked.put({ tenantId, teamId: teamA, parkedId, reason: 'rejected', attempts: 1, lastError: '403', parkedAt: at, message });
  await parked(randomUUID(), {
    key: `notify|${tenantId}|${taught.sessionId}|${eva.userId}|waitlistPromoted|1`,
    mode: 'post',
    target: { kind: 'person', tenantId, userId: eva.userId },
    card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: `${eva.name}, you have a seat` }] },
    summary: 'You have a seat',
  });
  await parked(randomUUID(), {
    key: `invite|${tenantId}|${hosted.sessionId}`,
    mode: 'post',
    target: { kind: 'channel', tenantId, teamId: teamA, channelId: teamA },
    card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'Pivot tables' }] },
    summary: 'Pivot tables',
  });
  // Learning buddies: all three in team A's round, Eva and Olaf also across the organisation; Eva answers.
  must(
    await services.buddies.update(eva, teamA, {
      optIn: true,
      acrossOrganisation: true,
      availability: { days: ['mon'], modes: ['online'] },
    }),
  );
  must(await services.buddies.update(olaf, teamA, { optIn: true, acrossOrganisation: true }));
  must(await services.buddies.update(pim, teamA, { optIn: true }));
  const buddyRound = ownerRoundId(clock.now, 'privacy');
  await services.buddies.runRound({ tenantId, poolId: teamA, roundId: buddyRound });
  await services.buddies.runRound({ tenantId, poolId: ORGANISATION_POOL, roundId: buddyRound });
  must(await services.buddies.answerMet(eva, teamA, buddyRound, 'yes'));
  must(await services.buddies.answerMet(olaf, ORGANISATION_POOL, buddyRound, 'notYet'));
  // Milestones (issue #12): Eva's first session taught in team A, and one of Pim's that her export must not hold.
  const claim = (who: Person, milestone: 'taught1' | 'attended1', sourceId: string) =>
    world.storage.repositories.milestones.claim({
      tenantId,
      teamId: teamA,
      userId: who.userId,
      milestone,
      reachedAt: at,
      sourceId,
      claimedAt: at,
      celebrated: true,
    });
  await claim(eva, 'taught1', hosted.sessionId);
  await claim(pim, 'attended1', hosted.sessionId);
  return { teamA, teamB, hosted, taught, evaTip, evaRequest: evaRequest.request, olafRequest: olafRequest.request, buddyRound };
}

export type DayFacts = Awaited<ReturnType<typeof scriptedDay>>;

/** Every row of every table PeerLearn creates, read raw (all partitions, all properties). */
export async function scanAll(connectionString: string): Promise<Map<string, Record<string, unknown>[]>> {
  const out = new Map<string, Record<string, unknown>[]>();
  for (const name of [...Object.values(TABLES), ...Object.values(DELIVERY_TABLES)]) {
    const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
    const rows: Record<string, unknown>[] = [];
    for await (const row of client.listEntities<Record<string, unknown>>()) rows.push(row);
    out.set(name, rows);
  }
  return out;
}

/** Whether any property (keys included) holds the person's id, display name or email. */
export function names(row: Record<string, unknown>, p: Person): boolean {
  return Object.entries(row).some(
    ([key, value]) =>
      key !== 'etag' &&
      typeof value === 'string' &&
      (value.includes(p.userId) ||
        value.toLowerCase().includes(p.name.toLowerCase()) ||
        value.toLowerCase().includes(p.email.toLowerCase())),
  );
}

/** The row without what storage adds, as an export holds it. */
export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  const { partitionKey: _pk, rowKey: _rk, etag: _etag, timestamp: _ts, ...rest } = row;
  return rest;
}

export const sortedJson = (rows: readonly unknown[]): string[] =>
  rows.map((r) => JSON.stringify(r, Object.keys(r as object).sort())).sort();

export function expectNoTrace(scan: Map<string, Record<string, unknown>[]>, p: Person): void {
  for (const [table, rows] of scan) expect({ table, rows: rows.filter((r) => names(r, p)) }).toEqual({ table, rows: [] });
}
