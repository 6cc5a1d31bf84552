import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { Outbox, OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { createPostContentService } from '../../bot/src/domain/delivery/post-content-service';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { createSessionLinks } from '../../bot/src/domain/sessions/session-links';
import { createSessionService } from '../../bot/src/domain/sessions/session-service';
import type { SessionService } from '../../bot/src/domain/sessions/session-service';
import { createBuddyService } from '../../bot/src/domain/buddies/buddy-service';
import { createBuddyChatLinks } from '../../bot/src/domain/buddies/buddy-chat-links';
import { matchRound } from '../../bot/src/domain/buddies/matching';
import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import { createPulseService } from '../../bot/src/domain/insights/pulse-service';
import { newLearningRequest } from '../../bot/src/domain/requests/learning-request';
import type { LearningRequest } from '../../bot/src/domain/requests/learning-request';
import { createLearningRequestService } from '../../bot/src/domain/requests/learning-request-service';
import type { LearningRequestService } from '../../bot/src/domain/requests/learning-request-service';
import { createRequestSessions } from '../../bot/src/domain/requests/request-sessions';
import { createJobComposer } from '../../bot/src/jobs/sessions/compose-job';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { ids, membership, profile, team, tenant } from '../support/storage/fixtures';

/**
 * Issue #12, loops that close: a session saved from a learning request takes it (not opening the
 * form), the first save wins, the askers get the invite in their own language, a cancelled session
 * opens the request again and tells them; whoever took a request (or an owner) hands it back.
 * The real services on Azurite, a recording outbox, and the real composer.
 */
let azurite: EmbeddedAzurite;
let repos: Repositories;
let sessions: SessionService;
let requests: LearningRequestService;
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
// Cleo asks, Ann (English) and Dave (Dutch) +1; Hanna and Bob could teach; Olga owns the team.
const [hanna, bob, cleo, ann, dave, olga] = [ids.user(), ids.user(), ids.user(), ids.user(), ids.user(), ids.user()];
const now = new Date();
const day = new Date(now.getTime() + 5 * 86_400_000).toISOString().slice(0, 10);
const form = { title: 'Generics for everyone', date: day, time: '14:00', durationMinutes: '60', channelId };
const as = (userId: string) => ({ tenantId, userId });
const text = (card: unknown) => JSON.stringify(card);
const askerJobs = () => jobs.filter((j): j is Extract<OutboxJob, { kind: 'notifyAskers' }> => j.kind === 'notifyAskers');

beforeAll(async () => {
  azurite = await startTestAzurite();
  const storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  repos = storage.repositories;
  sessions = createSessionService({ repositories: repos, outbox, now: () => now });
  // Expert suggestions are not what these tests are about: an index that never warms up gives none.
  requests = createLearningRequestService({
    repositories: repos,
    experts: {
      search: () => Promise.resolve({ status: 'warming' as const }),
      index: () => Promise.reject(new Error('not used')),
    },
    outbox,
    now: () => now,
  });
  const secret = 'z'.repeat(40);
  compose = createJobComposer({
    requestSessions: createRequestSessions({ repositories: repos, outbox }),
    requestAlerts: { content: () => Promise.resolve(undefined) },
    content: createPostContentService({ repositories: repos }),
    links: createSessionLinks({ publicUrl: 'https://pl.example', secret }),
    buddies: createBuddyService({ repositories: repos, outbox, match: matchRound, now: () => now }),
    pulses: createPulseService({ repositories: repos, outbox, secret, now: () => now }),
    buddyLinks: createBuddyChatLinks({ publicUrl: 'https://pl.example', secret }),
    nudges: { content: () => Promise.resolve(undefined) },
    tabUrl: 'https://pl.example/?view=my-learning',
    insights: createInsightsService({ repositories: repos, outbox, words: csvWords, now: () => now }),
  });
  await repos.tenants.upsert(tenant(tenantId));
  await repos.teams.upsert(team(tenantId, teamId, { locale: 'en-US' }));
  await repos.members.putMany([
    profile(tenantId, hanna, { displayName: 'Hanna Host', locale: 'en-US' }),
    profile(tenantId, bob, { displayName: 'Bob Builder', locale: 'en-US' }),
    profile(tenantId, cleo, { displayName: 'Cleo Curious', locale: 'en-US' }),
    profile(tenantId, ann, { displayName: 'Ann Attendee', locale: 'en-US' }),
    profile(tenantId, dave, { displayName: 'Dave de Vries', locale: 'nl-NL' }),
    profile(tenantId, olga, { displayName: 'Olga Owner', locale: 'en-US' }),
  ]);
  await repos.teams.addMembers(
    [hanna, bob, cleo, ann, dave, olga].map((u) => membership(tenantId, teamId, u, u === olga ? 'owner' : 'member')),
  );
});
afterAll(async () => {
  await azurite?.stop();
});
beforeEach(() => {
  jobs.length = 0;
});

let skills = 0;
/** A fresh open request (its own skill, so tests do not share one), asked by Cleo, +1'd by Ann and Dave. */
async function asked(): Promise<LearningRequest> {
  skills += 1;
  const request = newLearningRequest({ tenantId, teamId, requestId: ids.user(), authorUserId: cleo }, { skill: `Skill ${skills}` }, now);
  await repos.learningRequests.create(request);
  for (const voter of [ann, dave]) await repos.learningRequests.vote(tenantId, teamId, request.requestId, voter, true, now);
  return request;
}

const stored = (request: LearningRequest) => repos.learningRequests.get(tenantId, teamId, request.requestId);

describe('a session planned from a learning request', () => {
  it('opening the form (the request and its draft) takes nothing; saving takes it: planned, with the session', async () => {
    const request = await asked();
    expect((await requests.detail(as(hanna), teamId, request.requestId)).ok).toBe(true);
    expect(await stored(request)).toMatchObject({ status: 'open' });
    expect((await stored(request))?.takenBy).toBeUndefined();

    const created = await sessions.create(as(hanna), teamId, form, { fromRequestId: request.requestId });
    if (!created.ok) throw new Error(JSON.stringify(created.failure));
    const [session] = created.value;
    expect(await stored(request)).toMatchObject({ status: 'planned', takenBy: hanna, sessionId: session?.sessionId });
    // The board lists it as planned, with its session.
    const board = await requests.list(as(ann), teamId);
    const item = board.ok ? board.value.items.find((i) => i.request.requestId === request.requestId) : undefined;
    expect(item?.request).toMatchObject({ status: 'planned', sessionId: session?.sessionId });
    expect(askerJobs()).toEqual([
      { kind: 'notifyAskers', event: 'planned', tenantId, teamId, requestId: request.requestId, sessionId: session?.sessionId },
    ]);
  });

  it('everyone who asked or +1’d gets the invite in their own language, never the planner; a retried job posts nothing new', async () => {
    const request = await asked();
    // Ann's +1 and the planner's own +1: the planner is not told about their own session.
    await repos.learningRequests.vote(tenantId, teamId, request.requestId, hanna, true, now);
    const created = await sessions.create(as(hanna), teamId, form, { fromRequestId: request.requestId });
    if (!created.ok) throw new Error(JSON.stringify(created.failure));
    const [job] = askerJobs();
    if (!job) throw new Error('no job');
    const messages = await compose(job, now);
    expect(messages.map((m) => m.target)).toEqual(
      expect.arrayContaining([cleo, ann, dave].map((userId) => ({ kind: 'person', tenantId, userId }))),
    );
    expect(messages).toHaveLength(3);
    const toAnn = messages.find((m) => m.target.kind === 'person' && m.target.userId === ann);
    const toDave = messages.find((m) => m.target.kind === 'person' && m.target.userId === dave);
    expect(text(toAnn?.card)).toContain(`Hanna Host planned a session for what you asked to learn: ${request.skill}`);
    expect(text(toAnn?.card)).toContain('Generics for everyone');
    // The invite's RSVP works from the personal message: the verb with the session and its team.
    expect(text(toAnn?.card)).toContain('"verb":"rsvp"');
    expect(text(toAnn?.card)).toContain(`"sessionId":"${created.value[0]?.sessionId}"`);
    expect(text(toDave?.card)).toContain(`Hanna Host plande een sessie voor wat je wilde leren: ${request.skill}`);
    expect(toDave?.summary).toContain('plande een sessie');
    expect(await compose(job, now)).toEqual(messages);
  });

  it('the first save wins: a second planner is refused with the first session, and nothing of theirs is stored', async () => {
    const request = await asked();
    const first = await sessions.create(as(hanna), teamId, form, { fromRequestId: request.requestId });
    if (!first.ok) throw new Error('first save refused');
    const before = (await repos.sessions.listForTeam(tenantId, teamId)).length;
    jobs.length = 0;
    const second = await sessions.create(as(bob), teamId, { ...form, title: 'Bob’s take' }, { fromRequestId: request.requestId });
    expect(second.ok).toBe(false);
    expect(!second.ok && second.failure).toEqual({ subject: 'session', kind: 'requestPlanned', sessionId: first.value[0]?.sessionId });
    expect((await repos.sessions.listForTeam(tenantId, teamId)).length).toBe(before);
    expect(jobs).toEqual([]);
    expect(await stored(request)).toMatchObject({ takenBy: hanna, sessionId: first.value[0]?.sessionId });
  });

  it('two saves at the same moment: exactly one wins', async () => {
    const request = await asked();
    const outcomes = await Promise.all(
      [hanna, bob].map((who) => sessions.create(as(who), teamId, { ...form, title: `Race ${who}` }, { fromRequestId: request.requestId })),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const winner = outcomes.find((o) => o.ok);
    expect((await stored(request))?.sessionId).toBe(winner?.ok ? winner.value[0]?.sessionId : 'none');
  });

  it('the asker cannot plan from their own request, nor anyone from a closed one', async () => {
    const request = await asked();
    const own = await sessions.create(as(cleo), teamId, form, { fromRequestId: request.requestId });
    expect(!own.ok && own.failure.kind).toBe('requestUnavailable');
    expect((await requests.close(as(cleo), teamId, request.requestId)).ok).toBe(true);
    const closed = await sessions.create(as(hanna), teamId, form, { fromRequestId: request.requestId });
    expect(!closed.ok && closed.failure.kind).toBe('requestUnavailable');
    const unknown = await sessions.create(as(hanna), teamId, form, { fromRequestId: 'no-such-request' });
    expect(!unknown.ok && unknown.failure.kind).toBe('requestUnavailable');
  });

  it('cancelling the session opens the request again and tells every asker, in their language, that it is off', async () => {
    const request = await asked();
    const created = await sessions.create(as(hanna), teamId, form, { fromRequestId: request.requestId });
    if (!created.ok || !created.value[0]) throw new Error('not planned');
    jobs.length = 0;
    expect((await sessions.cancel(as(hanna), teamId, created.value[0].sessionId)).ok).toBe(true);
    const reopened = await stored(request);
    expect(reopened).toMatchObject({ status: 'open', votes: 3 });
    expect(reopened?.takenBy).toBeUndefined();
    expect(reopened?.sessionId).toBeUndefined();
    const [job, ...more] = askerJobs();
    expect(more).toEqual([]);
    expect(job).toMatchObject({ event: 'cancelled', requestId: request.requestId });
    if (!job) throw new Error('no job');
    const messages = await compose(job, now);
    expect(messages).toHaveLength(3);
    const toDave = messages.find((m) => m.target.kind === 'person' && m.target.userId === dave);
    expect(text(toDave?.card)).toContain('Generics for everyone');
    // The same key as the cancel notice to those who answered: someone who asked and said yes hears it once.
    expect(toDave?.key).toBe(`notify|${tenantId}|${created.value[0].sessionId}|${dave}|sessionCancelled|${created.value[0].startsAt}`);
    // Someone else can plan from it now; the old planned notice has gone stale.
    const planned = askerJobs();
    expect(planned).toHaveLength(1);
    const again = await sessions.create(as(bob), teamId, form, { fromRequestId: request.requestId });
    expect(again.ok).toBe(true);
  });

  it('a planned notice whose session was cancelled before it ran posts nothing', async () => {
    const request = await asked();
    const created = await sessions.create(as(hanna), teamId, form, { fromRequestId: request.requestId });
    if (!created.ok || !created.value[0]) throw new Error('not planned');
    const [planned] = askerJobs();
    await sessions.cancel(as(hanna), teamId, created.value[0].sessionId);
    if (!planned) throw new Error('no job');
    expect(await compose(planned, now)).toEqual([]);
  });
});

describe('handing a request back', () => {
  it('only whoever planned it or a team owner may; it is open again and the session stays', async () => {
    const request = await asked();
    const created = await sessions.create(as(hanna), teamId, form, { fromRequestId: request.requestId });
    if (!created.ok || !created.value[0]) throw new Error('not planned');
    for (const who of [bob, cleo]) {
      const refused = await requests.handBack(as(who), teamId, request.requestId);
      expect(!refused.ok && refused.failure.kind).toBe('notTaker');
    }
    expect(await stored(request)).toMatchObject({ status: 'planned', takenBy: hanna });
    const handed = await requests.handBack(as(hanna), teamId, request.requestId);
    expect(handed.ok && handed.value.request.status).toBe('open');
    expect((await repos.sessions.get(tenantId, teamId, created.value[0].sessionId))?.status).toBe('scheduled');
    const again = await requests.handBack(as(hanna), teamId, request.requestId);
    expect(!again.ok && again.failure.kind).toBe('notTaken');
  });

  it('a team owner may hand back what someone else took', async () => {
    const request = await asked();
    await sessions.create(as(bob), teamId, form, { fromRequestId: request.requestId });
    const item = await requests.detail(as(olga), teamId, request.requestId);
    expect(item.ok && item.value.canHandBack).toBe(true);
    expect((await requests.handBack(as(olga), teamId, request.requestId)).ok).toBe(true);
    expect(await stored(request)).toMatchObject({ status: 'open' });
  });

  it('a request asked again while it was planned closes instead of opening twice', async () => {
    const request = await asked();
    await sessions.create(as(hanna), teamId, form, { fromRequestId: request.requestId });
    const fresh = newLearningRequest({ tenantId, teamId, requestId: ids.user(), authorUserId: ann }, { skill: request.skill }, now);
    expect((await repos.learningRequests.create(fresh)).created).toBe(true);
    expect((await requests.handBack(as(hanna), teamId, request.requestId)).ok).toBe(true);
    expect(await stored(request)).toMatchObject({ status: 'closed' });
    const open = (await repos.learningRequests.listForTeam(tenantId, teamId)).requests.filter(
      (r) => r.skill === request.skill && r.status === 'open',
    );
    expect(open.map((r) => r.requestId)).toEqual([fresh.requestId]);
  });
});
