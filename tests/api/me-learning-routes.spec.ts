import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { MyLearningResponse } from '../../bot/src/api/contract';
import { ownerRoundId } from '../../bot/src/domain/buddies/buddy-slots';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';
import { feedback, profile, rsvp, session } from '../support/storage/fixtures';

const OTHER_TENANT = '99999999-0000-0000-0000-000000000000';
const OTHER_TEAM = '19:other-team@thread.tacv2';
const DAY = 86_400_000;
const now = new Date();
// Wednesday noon (UTC) of last week and of the week before: inside those ISO weeks in Amsterdam too, whatever today is.
const thisMonday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - ((now.getUTCDay() + 6) % 7) * DAY;
const W1 = new Date(thisMonday - 7 * DAY + 2 * DAY + 12 * 3_600_000).toISOString();
const W2 = new Date(thisMonday - 14 * DAY + 2 * DAY + 12 * 3_600_000).toISOString();
const later = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

const { host, ann, bob, cleo } = {
  host: people.host.aadObjectId,
  ann: people.ann.aadObjectId,
  bob: people.bob.aadObjectId,
  cleo: people.cleo.aadObjectId,
};
let service: RunningService;
const tokens: Record<string, string> = {};
let roundEndsAt = '';

async function seed(): Promise<void> {
  const repos = service.repositories;
  await seedTeam(repos, now);
  await seedTeam(repos, now, OTHER_TENANT, TEAM_ID);
  await repos.teams.upsert({
    tenantId: PLAYGROUND_TENANT,
    teamId: OTHER_TEAM,
    name: 'Other team',
    locale: 'en-US',
    channels: [],
    createdAt: W2,
    updatedAt: W2,
  });
  const T = PLAYGROUND_TENANT;
  const at = (sessionId: string, startsAt: string, more: Parameters<typeof session>[3] = {}) => {
    const { discussionLeaderId: _leader, ...made } = session(T, TEAM_ID, sessionId, {
      startsAt,
      hostId: host,
      teacherIds: [host],
      ...more,
    });
    return made;
  };
  await repos.sessions.putMany([
    at('s-sql', W2, { title: 'Intro to SQL', skills: ['SQL'] }),
    at('s-pbi', W1, { title: 'Power BI basics', skills: ['Power BI'], hostId: bob, teacherIds: [bob, ann] }),
    at('s-future', later(now.toISOString(), 2), { title: 'Not yet' }),
    at('s-cancelled', W1, { title: 'Cancelled', status: 'cancelled' }),
    at('s-maybe', later(W1, -1), { title: 'Only maybe' }),
    at('s-waitlisted', later(W2, 1), { title: 'Waitlisted' }),
    session(T, OTHER_TEAM, 's-org', {
      startsAt: later(W2, 3),
      title: 'Open to all',
      skills: ['Git'],
      hostId: cleo,
      teacherIds: [cleo],
      openToOrganisation: true,
    }),
    session(OTHER_TENANT, TEAM_ID, 's-elsewhere', { startsAt: W1, title: 'Other tenant', hostId: ann, teacherIds: [ann] }),
  ]);
  await repos.rsvps.putMany([
    rsvp(T, TEAM_ID, 's-sql', ann, 'yes'),
    rsvp(T, TEAM_ID, 's-sql', bob, 'yes'),
    rsvp(T, TEAM_ID, 's-future', ann, 'yes'),
    rsvp(T, TEAM_ID, 's-cancelled', ann, 'yes'),
    rsvp(T, TEAM_ID, 's-maybe', ann, 'maybe'),
    { ...rsvp(T, TEAM_ID, 's-waitlisted', ann, 'yes'), waitlisted: true },
    rsvp(T, OTHER_TEAM, 's-org', ann, 'yes'),
    rsvp(OTHER_TENANT, TEAM_ID, 's-elsewhere', ann, 'yes'),
  ]);
  await repos.feedback.putMany([
    { ...feedback(T, TEAM_ID, 's-sql', ann), willApply: 'Use window functions', submittedAt: later(W2, 1) },
    { ...feedback(T, TEAM_ID, 's-sql', bob), willApply: 'Bob’s private plan', submittedAt: later(W2, 1) },
    { ...feedback(T, OTHER_TEAM, 's-org', ann), willApply: '   ', submittedAt: later(W2, 4) },
  ]);
  await repos.kudos.add({
    tenantId: T,
    teamId: TEAM_ID,
    kudosId: 'k-host',
    fromUserId: host,
    toUserId: ann,
    message: 'Great session!',
    createdAt: later(W1, 1),
  });
  await repos.kudos.add({
    tenantId: T,
    teamId: TEAM_ID,
    kudosId: 'k-cleo',
    fromUserId: cleo,
    toUserId: ann,
    message: 'Thanks for the help',
    createdAt: later(W1, 2),
  });
  await repos.kudos.add({
    tenantId: T,
    teamId: TEAM_ID,
    kudosId: 'k-bob',
    fromUserId: host,
    toUserId: bob,
    message: 'For Bob only',
    createdAt: later(W1, 2),
  });
  // Ann taught SQL at level 2 before the history began (her profile's last update: the week before last).
  await repos.members.put(
    profile(T, ann, { displayName: people.ann.name, teaches: [{ name: 'SQL', level: 2 }], createdAt: W2, updatedAt: W2 }),
  );
  const start = new Date(now.getTime() - DAY);
  roundEndsAt = new Date(start.getTime() + 14 * DAY).toISOString();
  await repos.buddies.rounds.create({
    tenantId: T,
    poolId: TEAM_ID,
    roundId: ownerRoundId(start, 'r1'),
    trigger: 'owner',
    startedAt: start.toISOString(),
    checkInAt: new Date(start.getTime() + 7 * DAY).toISOString(),
    endsAt: roundEndsAt,
    pairs: [
      {
        members: [ann, bob],
        reason: { teaches: [], sharedLanguages: [], sharedDays: [], sharedModes: [] },
      },
    ],
    leftOver: [],
    skipped: [],
    seed: 1,
  });
}

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seed();
  const as = (userId: string, name: string) => devToken(service, { tenantId: PLAYGROUND_TENANT, userId, name });
  tokens.owner = await as(host, people.host.name);
  tokens.ann = await as(ann, people.ann.name);
  tokens.bob = await as(bob, people.bob.name);
  tokens.cleo = await as(cleo, people.cleo.name);
});
afterAll(async () => {
  await service?.close();
});

const learning = (who: string) => callApi<MyLearningResponse>(service, tokens[who], 'GET', '/me/learning');

describe('GET /me/learning', () => {
  it('answers the caller’s own sessions, skills, kudos, streak, buddies and what they would apply, as computed by hand', async () => {
    // A change through the tab's profile page: SQL to level 3 and a new skill.
    const put = await callApi(service, tokens.ann, 'PUT', '/me/profile', {
      teaches: [
        { name: 'SQL', level: 3 },
        { name: 'Excel', level: 1 },
      ],
      wants: ['Git'],
      bio: '',
      languages: [],
      availability: '',
    });
    expect(put.status).toBe(200);
    // The team's owner sets a goal: two people teaching SQL (Ann does).
    const due = new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10);
    const goals = await callApi(service, tokens.owner, 'PUT', `/teams/${encodeURIComponent(TEAM_ID)}/goals`, {
      goals: [{ kind: 'skillCoverage', target: 2, skill: 'SQL', due }],
    });
    expect(goals.status).toBe(200);
    // Cleo erases her data: her kudos to Ann stays, from "a former colleague" ('' as the name).
    expect((await callApi(service, tokens.cleo, 'DELETE', '/me', { confirm: true, contributions: 'anonymise' })).status).toBe(204);

    const res = await learning('ann');
    expect(res.status).toBe(200);
    const T = TEAM_ID;
    expect(res.body).toEqual({
      taught: [
        {
          teamId: T,
          teamName: 'Learning team',
          sessionId: 's-pbi',
          title: 'Power BI basics',
          startsAt: W1,
          skills: ['Power BI'],
          role: 'taught',
        },
      ],
      attended: [
        {
          teamId: OTHER_TEAM,
          teamName: 'Other team',
          sessionId: 's-org',
          title: 'Open to all',
          startsAt: later(W2, 3),
          skills: ['Git'],
          role: 'attended',
        },
        {
          teamId: T,
          teamName: 'Learning team',
          sessionId: 's-sql',
          title: 'Intro to SQL',
          startsAt: W2,
          skills: ['SQL'],
          role: 'attended',
        },
      ],
      skills: [
        {
          name: 'SQL',
          level: 3,
          history: [
            { level: 2, at: W2 },
            { level: 3, at: now.toISOString() },
          ],
          since: W2,
        },
        { name: 'Excel', level: 1, history: [{ level: 1, at: now.toISOString() }], since: now.toISOString() },
      ],
      kudosReceived: [
        { teamId: T, kudosId: 'k-cleo', fromName: '', message: 'Thanks for the help', at: later(W1, 2) },
        { teamId: T, kudosId: 'k-host', fromName: 'Hanna Host', message: 'Great session!', at: later(W1, 1) },
      ],
      goals: [
        {
          teamId: T,
          teamName: 'Learning team',
          progress: expect.objectContaining({
            goal: expect.objectContaining({ kind: 'skillCoverage', skill: 'SQL', due }),
            value: 1,
            target: 2,
            met: false,
          }),
          mine: 1,
        },
      ],
      // Sessions in the week before last and last week: two weeks, still current (this week may come).
      streak: { weeks: 2, current: true, longest: 2 },
      buddies: [{ poolId: T, names: ['Bob Builder'], endsAt: roundEndsAt }],
      apply: [{ teamId: T, sessionId: 's-sql', title: 'Intro to SQL', text: 'Use window functions', at: later(W2, 1) }],
    });
  });

  it('never shows another person’s data: Bob sees his own answers, not Ann’s, and no other tenant’s', async () => {
    const res = await learning('bob');
    expect(res.status).toBe(200);
    expect(res.body.taught.map((s) => s.sessionId)).toEqual(['s-pbi']);
    expect(res.body.attended.map((s) => s.sessionId)).toEqual(['s-sql']);
    expect(res.body.apply.map((a) => a.text)).toEqual(['Bob’s private plan']);
    expect(res.body.kudosReceived.map((k) => k.kudosId)).toEqual(['k-bob']);
    const text = JSON.stringify(res.body);
    for (const foreign of ['Use window functions', 'Thanks for the help', 'Open to all', 'Other tenant', 'Excel'])
      expect(text).not.toContain(foreign);
  });

  it('a person with nothing yet gets empty lists and no streak', async () => {
    const token = await devToken(service, {
      tenantId: PLAYGROUND_TENANT,
      userId: '00000000-0000-0000-0000-00000000c001',
      name: 'New Person',
    });
    const res = await callApi<MyLearningResponse>(service, token, 'GET', '/me/learning');
    expect(res).toEqual({
      status: 200,
      body: {
        attended: [],
        taught: [],
        skills: [],
        kudosReceived: [],
        goals: [],
        streak: { weeks: 0, current: false, longest: 0 },
        buddies: [],
        apply: [],
      },
    });
  });

  it('401 without a token', async () => {
    expect((await callApi(service, undefined, 'GET', '/me/learning')).status).toBe(401);
  });
});
