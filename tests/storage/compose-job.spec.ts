import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Outbox, OutboxJob } from '../../bot/src/domain/delivery/outbox';
import { createBuddyService } from '../../bot/src/domain/buddies/buddy-service';
import { createBuddyChatLinks } from '../../bot/src/domain/buddies/buddy-chat-links';
import { matchRound } from '../../bot/src/domain/buddies/matching';
import { createPostContentService } from '../../bot/src/domain/delivery/post-content-service';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import { createSessionLinks } from '../../bot/src/domain/sessions/session-links';
import { createPulseService } from '../../bot/src/domain/insights/pulse-service';
import { createJobComposer } from '../../bot/src/jobs/sessions/compose-job';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { ids, profile, team, tenant } from '../support/storage/fixtures';
import { omit } from '../support/omit';

let azurite: EmbeddedAzurite;
let repos: Repositories;
const tenantId = ids.tenant();
const teamId = ids.teamsThread();
const channelId = '19:leren@thread.tacv2';
const host = ids.user();
const ann = ids.user();
const bob = ids.user();
const cleo = ids.user();
const NOW = new Date('2026-11-27T12:00:00.000Z');
const links = createSessionLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) });
let compose: ReturnType<typeof createJobComposer>;

function session(sessionId: string, overrides: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId,
    teamId,
    sessionId,
    title: `Session ${sessionId}`,
    description: '',
    skills: [],
    format: 'talk',
    startsAt: '2026-12-03T13:00:00.000Z',
    durationMinutes: 60,
    capacity: 1,
    channelId,
    hostId: host,
    teacherIds: [],
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 0, maybe: 0, no: 0 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

const ref = (sessionId: string) => ({ tenantId, teamId, sessionId });

beforeAll(async () => {
  azurite = await startTestAzurite();
  const storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  repos = storage.repositories;
  // The buddy jobs have their own spec (compose-buddy-jobs.spec.ts); here their service only completes the composer.
  const outbox: Outbox = { enqueue: () => Promise.resolve() };
  compose = createJobComposer({
    // These post no learning-request notices.
    requestSessions: { askersContent: () => Promise.resolve(undefined) },
    requestAlerts: { content: () => Promise.resolve(undefined) },
    content: createPostContentService({ repositories: repos }),
    links,
    buddies: createBuddyService({ repositories: repos, outbox, match: matchRound, now: () => NOW }),
    pulses: createPulseService({ repositories: repos, outbox, secret: 'z'.repeat(40), now: () => NOW }),
    buddyLinks: createBuddyChatLinks({ publicUrl: 'https://pl.example', secret: 'z'.repeat(40) }),
    // These specs post no nudges.
    nudges: { content: () => Promise.resolve(undefined) },
    tabUrl: 'https://pl.example/?view=my-learning',
    insights: createInsightsService({ repositories: repos, outbox, words: csvWords, now: () => NOW }),
  });
  await repos.tenants.upsert(tenant(tenantId));
  await repos.teams.upsert(team(tenantId, teamId, { locale: 'nl-NL' }));
  await repos.members.putMany([
    profile(tenantId, host),
    { ...profile(tenantId, ann), locale: 'en-US' },
    profile(tenantId, bob),
    profile(tenantId, cleo),
  ]);
  await repos.sessions.putMany([session('s1'), session('cancelled', { status: 'cancelled' }), omit(session('nochannel'), 'channelId')]);
  await repos.rsvps.respond(session('s1'), ann, 'yes', NOW);
  await repos.rsvps.respond(session('s1'), bob, 'yes', NOW); // waitlisted: capacity 1
  await repos.rsvps.respond(session('s1'), cleo, 'maybe', NOW);
});
afterAll(async () => {
  await azurite?.stop();
});

const text = (card: unknown) => JSON.stringify(card);

describe('createJobComposer', () => {
  it('postInvite: one channel post under invite|tenant|session, the shared view in the team’s language; deterministic', async () => {
    const job: OutboxJob = { kind: 'postInvite', ...ref('s1') };
    const [message, ...rest] = await compose(job, NOW);
    expect(rest).toEqual([]);
    expect(message).toMatchObject({ key: `invite|${tenantId}|s1`, mode: 'post', target: { kind: 'channel', tenantId, teamId, channelId } });
    expect(text(message?.card)).toContain('1 van 1 plaatsen bezet');
    expect(text(message?.card)).toContain('1 op de wachtlijst');
    expect(Buffer.byteLength(text(message?.card))).toBeLessThan(20 * 1024);
    expect(message?.summary).toContain('Session s1');
    expect(await compose(job, NOW)).toEqual([message]);
  });

  it('updateInvite: the same key, mode update; a cancelled session’s invite says so and is never posted anew', async () => {
    const [update] = await compose({ kind: 'updateInvite', ...ref('s1') }, NOW);
    expect(update).toMatchObject({ key: `invite|${tenantId}|s1`, mode: 'update' });
    const [cancelled] = await compose({ kind: 'updateInvite', ...ref('cancelled') }, NOW);
    expect(text(cancelled?.card)).toContain('gaat niet door');
    expect(await compose({ kind: 'postInvite', ...ref('cancelled') }, NOW)).toEqual([]);
    expect(await compose({ kind: 'postInvite', ...ref('nochannel') }, NOW)).toEqual([]);
    expect(await compose({ kind: 'postInvite', ...ref('missing') }, NOW)).toEqual([]);
  });

  it('postReminder: in the invite’s thread; skipped when stale (moved, cancelled, started)', async () => {
    const job: OutboxJob = { kind: 'postReminder', ...ref('s1'), minutesBefore: 15, forStartsAt: '2026-12-03T13:00:00.000Z' };
    const [reminder] = await compose(job, new Date('2026-12-03T12:45:00Z'));
    expect(reminder).toMatchObject({
      key: `reminder|${tenantId}|s1|15|2026-12-03T13:00:00.000Z`,
      mode: 'post',
      target: { kind: 'thread', channelId, rootKey: `invite|${tenantId}|s1` },
    });
    expect(text(reminder?.card)).toContain('over 15 minuten');
    expect(await compose({ ...job, forStartsAt: '2026-12-02T13:00:00.000Z' }, new Date('2026-12-02T12:45:00Z'))).toEqual([]);
    expect(await compose({ ...job, sessionId: 'cancelled' }, new Date('2026-12-03T12:45:00Z'))).toEqual([]);
    expect(await compose(job, new Date('2026-12-03T13:05:00Z'))).toEqual([]);
  });

  it('requestFeedback: one person message per confirmed attendee (not the waitlist, not maybe), in their own language', async () => {
    const job: OutboxJob = { kind: 'requestFeedback', ...ref('s1'), forStartsAt: '2026-12-03T13:00:00.000Z' };
    const messages = await compose(job, new Date('2026-12-03T14:00:00Z'));
    expect(messages.map((m) => [m.key, m.target])).toEqual([
      [`feedback|${tenantId}|s1|${ann}|2026-12-03T13:00:00.000Z`, { kind: 'person', tenantId, userId: ann }],
    ]);
    expect(text(messages[0]?.card)).toContain('How was');
    expect(text(messages[0]?.card)).toContain('"verb":"feedback"');
    expect(await compose({ ...job, forStartsAt: '2026-12-01T13:00:00.000Z' }, new Date('2026-12-03T14:00:00Z'))).toEqual([]);
  });

  it('notifyPerson: “you’re in” only while still promoted; feedback summary to the host, keyed by the number of answers', async () => {
    const promoted: OutboxJob = { kind: 'notifyPerson', ...ref('s1'), userId: ann, reason: 'waitlistPromoted', ref: 'r1' };
    const [notice] = await compose(promoted, NOW);
    expect(notice).toMatchObject({ key: `notify|${tenantId}|s1|${ann}|waitlistPromoted|r1`, target: { kind: 'person', userId: ann } });
    expect(text(notice?.card)).toContain('You’re in!');
    expect(await compose({ ...promoted, userId: bob }, NOW)).toEqual([]); // bob still waits

    const summary: OutboxJob = { kind: 'notifyPerson', ...ref('s1'), userId: host, reason: 'feedbackSummary' };
    expect(await compose(summary, NOW)).toEqual([]);
    await repos.feedback.put({
      tenantId,
      teamId,
      sessionId: 's1',
      userId: ann,
      rating: 4,
      learnedSomethingNew: true,
      willApply: 'Smaller PRs',
      submittedAt: NOW.toISOString(),
    });
    const [first] = await compose(summary, NOW);
    expect(first?.key).toBe(`notify|${tenantId}|s1|${host}|feedbackSummary|1`);
    expect(text(first?.card)).toContain('Smaller PRs');
    expect(await compose({ ...summary, userId: ann }, NOW)).toEqual([]); // only ever to the host
    expect(await compose({ ...summary, reason: 'somethingElse' }, NOW)).toEqual([]);
  });

  it('postKudos: the kudos card into its channel under kudos|tenant|id', async () => {
    await repos.kudos.add({
      tenantId,
      teamId,
      kudosId: 'k1',
      fromUserId: ann,
      toUserId: host,
      message: 'Great session',
      channelId,
      sessionId: 's1',
      createdAt: NOW.toISOString(),
    });
    const [kudos] = await compose({ kind: 'postKudos', tenantId, teamId, kudosId: 'k1' }, NOW);
    expect(kudos).toMatchObject({ key: `kudos|${tenantId}|k1`, mode: 'post', target: { kind: 'channel', channelId } });
    expect(text(kudos?.card)).toContain('Great session');
    expect(await compose({ kind: 'postKudos', tenantId, teamId, kudosId: 'nope' }, NOW)).toEqual([]);
  });
});
