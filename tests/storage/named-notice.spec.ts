import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Outbox, OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { createPostContentService } from '../../bot/src/domain/delivery/post-content-service';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { createSessionLinks } from '../../bot/src/domain/sessions/session-links';
import { createSessionService } from '../../bot/src/domain/sessions/session-service';
import type { SessionService } from '../../bot/src/domain/sessions/session-service';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { createBuddyService } from '../../bot/src/domain/buddies/buddy-service';
import { createBuddyChatLinks } from '../../bot/src/domain/buddies/buddy-chat-links';
import { matchRound } from '../../bot/src/domain/buddies/matching';
import { createPulseService } from '../../bot/src/domain/insights/pulse-service';
import { createJobComposer } from '../../bot/src/jobs/sessions/compose-job';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { ids, membership, profile, team, tenant } from '../support/storage/fixtures';

/**
 * Issue #11: teachers and discussion leaders are told they were named. The real session service
 * schedules the notices (into a recording outbox: the queue is the delivery worker's business), and
 * the real composer turns them into the cards that would be posted, from Azurite.
 */
let azurite: EmbeddedAzurite;
let repos: Repositories;
let sessions: SessionService;
let compose: ReturnType<typeof createJobComposer>;
const jobs: OutboxJob[] = [];
const outbox: Outbox = {
  enqueue: async (job) => {
    jobs.push(job);
  },
};
const tenantId = ids.tenant();
const teamId = ids.teamsThread();
const channelId = '19:leren@thread.tacv2';
const [host, ann, bob, cleo, dave] = [ids.user(), ids.user(), ids.user(), ids.user(), ids.user()];
const now = new Date();
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
const day = inDays(5).toISOString().slice(0, 10);
const form = { title: 'Named people', date: day, time: '14:00', durationMinutes: '60', channelId };

const named = () => jobs.filter((j) => j.kind === 'notifyPerson' && j.reason.startsWith('named'));
const to = (userId: string) => ({ tenantId, userId });
const text = (card: unknown) => JSON.stringify(card);

beforeAll(async () => {
  azurite = await startTestAzurite();
  const storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  repos = storage.repositories;
  sessions = createSessionService({ repositories: repos, outbox, now: () => now });
  const links = createSessionLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) });
  compose = createJobComposer({
    // These post no learning-request notices.
    requestSessions: { askersContent: () => Promise.resolve(undefined) },
    requestAlerts: { content: () => Promise.resolve(undefined) },
    content: createPostContentService({ repositories: repos }),
    links,
    buddies: createBuddyService({ repositories: repos, outbox, match: matchRound, now: () => now }),
    pulses: createPulseService({ repositories: repos, outbox, secret: 'z'.repeat(40), now: () => now }),
    buddyLinks: createBuddyChatLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) }),
    // These specs post no nudges.
    nudges: { content: () => Promise.resolve(undefined) },
    tabUrl: 'https://pl.example/?view=my-learning',
    insights: createInsightsService({ repositories: repos, outbox, words: csvWords, now: () => now }),
  });
  await repos.tenants.upsert(tenant(tenantId));
  await repos.teams.upsert(team(tenantId, teamId, { locale: 'nl-NL' }));
  await repos.members.putMany([
    profile(tenantId, host, { displayName: 'Hanna Host', locale: 'nl-NL' }),
    profile(tenantId, ann, { displayName: 'Ann Teacher', locale: 'en-US' }),
    profile(tenantId, bob, { displayName: 'Bob Leader', locale: 'nl-NL' }),
    profile(tenantId, cleo, { displayName: 'Cleo Later', locale: 'en-US' }),
    profile(tenantId, dave, { displayName: 'Dave Other', locale: 'en-US' }),
  ]);
  await repos.teams.addMembers([host, ann, bob, cleo, dave].map((u) => membership(tenantId, teamId, u, u === host ? 'owner' : 'member')));
});
afterAll(async () => {
  await azurite?.stop();
});
beforeEach(() => {
  jobs.length = 0;
});

async function plan(extra: Record<string, unknown>): Promise<LearningSession> {
  const created = await sessions.create({ tenantId, userId: host }, teamId, { ...form, ...extra });
  if (!created.ok || !created.value[0]) throw new Error(`not created: ${JSON.stringify(created)}`);
  return created.value[0];
}

describe('named teachers and discussion leaders', () => {
  it('create: one notice per named person, never the host; each in their own language, with the team’s time', async () => {
    // The host is never a co-teacher (the service refuses it), so never named either.
    const session = await plan({ teacherIds: [ann], discussionLeaderId: bob });
    expect(named().map((j) => j.kind === 'notifyPerson' && [j.userId, j.reason])).toEqual([
      [ann, 'namedTeacher'],
      [bob, 'namedLeader'],
    ]);
    const messages = (await Promise.all(named().map((j) => compose(j, now)))).flat();
    expect(messages.map((m) => m.target)).toEqual([
      { kind: 'person', ...to(ann) },
      { kind: 'person', ...to(bob) },
    ]);
    const [toAnn, toBob] = messages;
    expect(text(toAnn?.card)).toContain('Hanna Host named you as a teacher of “Named people” on');
    expect(text(toAnn?.card)).toContain('14:00'); // the team's zone: the form's 14:00 in Amsterdam
    expect(text(toAnn?.card)).toContain('"verb":"declineRole"');
    expect(text(toAnn?.card)).toContain(`"sessionId":"${session.sessionId}"`);
    expect(toAnn?.summary).toContain('Hanna Host named you as a teacher');
    expect(text(toBob?.card)).toContain('Hanna Host heeft je als gespreksleider genoemd bij “Named people”');
    // A retried job composes the same key: the sender posts it once.
    const [first] = named();
    if (!first) throw new Error('no job');
    expect(await compose(first, now)).toEqual([toAnn]);
  });

  it('a series tells each named person once, about its first occurrence', async () => {
    const created = await sessions.create({ tenantId, userId: host }, teamId, {
      ...form,
      title: 'Weekly',
      recurrence: 'weekly',
      teacherIds: ann,
    });
    expect(created.ok && created.value.length).toBeGreaterThan(1);
    expect(named().map((j) => j.kind === 'notifyPerson' && j.userId)).toEqual([ann]);
  });

  it('edit: nothing for an unchanged cast; only the newly added person when someone is added', async () => {
    const session = await plan({ teacherIds: [ann], discussionLeaderId: bob });
    jobs.length = 0;
    const edit = (input: Record<string, unknown>) => sessions.edit({ tenantId, userId: host }, teamId, session.sessionId, input);
    expect((await edit({ title: 'Renamed' })).ok).toBe(true);
    expect(named()).toEqual([]);
    expect((await edit({ teacherIds: [ann, cleo] })).ok).toBe(true);
    expect(named().map((j) => j.kind === 'notifyPerson' && [j.userId, j.reason])).toEqual([[cleo, 'namedTeacher']]);
    const [message, ...rest] = (await Promise.all(named().map((j) => compose(j, now)))).flat();
    expect(rest).toEqual([]);
    expect(message?.target).toEqual({ kind: 'person', ...to(cleo) });
    expect(text(message?.card)).toContain('named you as a teacher of “Renamed”');
  });

  it('declineRole: only the named person, who leaves the session; the host is told; the old notice goes stale', async () => {
    const session = await plan({ teacherIds: [ann, cleo], discussionLeaderId: bob });
    const annNotice = named().find((j) => j.kind === 'notifyPerson' && j.userId === ann);
    if (!annNotice) throw new Error('no notice for ann');
    jobs.length = 0;

    for (const outsider of [host, dave]) {
      const refused = await sessions.declineRole({ tenantId, userId: outsider }, teamId, session.sessionId);
      expect(refused).toMatchObject({ ok: false, failure: { kind: 'notNamed' } });
    }
    expect(jobs).toEqual([]);

    expect((await sessions.declineRole({ tenantId, userId: ann }, teamId, session.sessionId)).ok).toBe(true);
    const stored = await repos.sessions.get(tenantId, teamId, session.sessionId);
    expect(stored?.teacherIds).toEqual([cleo]);
    expect(stored?.discussionLeaderId).toBe(bob);
    expect(await compose(annNotice, now)).toEqual([]);

    const toHost = jobs.find((j) => j.kind === 'notifyPerson' && j.reason === 'roleDeclined');
    if (!toHost) throw new Error('the host was not told');
    const [message] = await compose(toHost, now);
    expect(message?.target).toEqual({ kind: 'person', ...to(host) });
    expect(text(message?.card)).toContain('Ann Teacher kan niet meedoen aan “Named people”');
    expect(jobs.some((j) => j.kind === 'updateInvite')).toBe(true);

    // The leader declines too; a second click changes nothing and tells no one twice.
    jobs.length = 0;
    expect((await sessions.declineRole({ tenantId, userId: bob }, teamId, session.sessionId)).ok).toBe(true);
    const leaderless = await repos.sessions.get(tenantId, teamId, session.sessionId);
    expect(leaderless?.discussionLeaderId).toBeUndefined();
    expect(leaderless?.teacherIds).toEqual([cleo]);
    const told = jobs.length;
    expect((await sessions.declineRole({ tenantId, userId: bob }, teamId, session.sessionId)).ok).toBe(false);
    expect(jobs).toHaveLength(told);
  });
});
