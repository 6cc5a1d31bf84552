import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, GoalsResponse } from '../../bot/src/api/contract';
import { csvWords } from '../../bot/src/cards/insights/insights-csv-words';
import { createInsightsService } from '../../bot/src/domain/insights/insights-service';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { rsvp, session } from '../support/storage/fixtures';
import { TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

// A fake clock: the 20th of this month at noon (UTC), so the sessions below fall in this month on the team's clock.
const today = new Date();
const now = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 20, 12));
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const ids = { owner: people.host.aadObjectId, ann: people.ann.aadObjectId, bob: people.bob.aadObjectId, cleo: people.cleo.aadObjectId };

let service: RunningService;
const tokens: Record<string, string> = {};

/** Held sessions of this month, stored as the app stores them, then folded by the real fold (insights-core's job). */
async function holdSessions(): Promise<void> {
  const repos = service.repositories;
  const held = [
    session(PLAYGROUND_TENANT, TEAM_ID, 'held-1', { hostId: ids.ann, teacherIds: [ids.ann], startsAt: daysAgo(10) }),
    session(PLAYGROUND_TENANT, TEAM_ID, 'held-2', { hostId: ids.bob, teacherIds: [ids.bob], startsAt: daysAgo(5) }),
    session(PLAYGROUND_TENANT, TEAM_ID, 'held-3', { hostId: ids.ann, teacherIds: [ids.ann], startsAt: daysAgo(2) }),
    // Cancelled and still to come: neither counts.
    session(PLAYGROUND_TENANT, TEAM_ID, 'cancelled', {
      hostId: ids.cleo,
      teacherIds: [ids.cleo],
      startsAt: daysAgo(3),
      status: 'cancelled',
    }),
    session(PLAYGROUND_TENANT, TEAM_ID, 'later', { hostId: ids.cleo, teacherIds: [ids.cleo], startsAt: daysAgo(-3) }),
  ];
  await repos.sessions.putMany(held);
  await repos.rsvps.putMany([
    rsvp(PLAYGROUND_TENANT, TEAM_ID, 'held-1', ids.cleo, 'yes'),
    rsvp(PLAYGROUND_TENANT, TEAM_ID, 'held-2', ids.owner, 'yes'),
    rsvp(PLAYGROUND_TENANT, TEAM_ID, 'held-3', ids.cleo, 'no'),
  ]);
  const insights = createInsightsService({ repositories: repos, outbox: service.outbox, words: csvWords, now: () => now });
  for (const s of held) await insights.foldSession(PLAYGROUND_TENANT, TEAM_ID, s.sessionId);
}

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  await holdSessions();
  const as = (userId: string, name: string) => devToken(service, { tenantId: PLAYGROUND_TENANT, userId, name });
  tokens.owner = await as(ids.owner, people.host.name);
  tokens.ann = await as(ids.ann, people.ann.name);
  tokens.outsider = await as('00000000-0000-0000-0000-00000000b001', 'Olga Outsider');
  await service.repositories.members.update(PLAYGROUND_TENANT, ids.cleo, (p) => p && { ...p, teaches: [{ name: 'Kubernetes', level: 2 }] });
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(who: string, method: string, body?: unknown) =>
  callApi<T>(service, tokens[who], method, `/teams/${encodeURIComponent(TEAM_ID)}/goals`, body);
const errorOf = (body: unknown) => (body as ApiError).error;
const dayAhead = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

describe('goals API', () => {
  it('no goals yet: an empty list; members may not edit, owners may', async () => {
    expect((await call<GoalsResponse>('ann', 'GET')).body).toEqual({ goals: [], canEdit: false });
    expect((await call<GoalsResponse>('owner', 'GET')).body).toEqual({ goals: [], canEdit: true });
  });

  it('owners replace the goals and get their progress from this month’s rollup, made by the real fold', async () => {
    const res = await call<GoalsResponse>('owner', 'PUT', {
      goals: [
        { kind: 'sessions', target: 2, period: 'month' },
        { kind: 'teachers', target: 100, period: 'month' },
        { kind: 'participation', target: 80, period: 'month' },
        { kind: 'skillCoverage', target: 2, skill: 'kubernetes', due: dayAhead(60) },
      ],
    });
    expect(res.status).toBe(200);
    // 3 held sessions; of 4 members Ann and Bob taught (50%); Cleo and the owner attended: all 4 took part
    // (100%); Cleo's "no" and the cancelled and later sessions count for nothing. Cleo teaches Kubernetes (1 of 2).
    expect(res.body.goals.map((g) => [g.goal.kind, g.value, g.met])).toEqual([
      ['sessions', 3, true],
      ['teachers', 50, false],
      ['participation', 100, true],
      ['skillCoverage', 1, false],
    ]);
    expect(res.body.goals[3]?.goal).toMatchObject({ skill: 'Kubernetes' });
    const read = await call<GoalsResponse>('ann', 'GET');
    expect(read.body.goals.map((g) => g.goal.goalId)).toEqual(res.body.goals.map((g) => g.goal.goalId));
  });

  it('a member or an outsider cannot change them (403), and nothing changes', async () => {
    const before = await call<GoalsResponse>('ann', 'GET');
    const member = await call('ann', 'PUT', { goals: [] });
    expect([member.status, errorOf(member.body).code]).toEqual([403, 'owners_only']);
    const outsider = await call('outsider', 'PUT', { goals: [] });
    expect([outsider.status, errorOf(outsider.body).code]).toEqual([403, 'not_member']);
    expect((await call<GoalsResponse>('ann', 'GET')).body).toEqual(before.body);
  });

  it('400 names each bad field: a past due date, a target out of range, an unknown kind', async () => {
    const res = await call('owner', 'PUT', {
      goals: [
        { kind: 'skillCoverage', target: 2, skill: 'Excel', due: dayAhead(-3) },
        { kind: 'sessions', target: 500, period: 'month' },
        { kind: 'sessions', target: 2, period: 'week' },
      ],
    });
    expect(res.status).toBe(400);
    const error = errorOf(res.body);
    expect(error.code).toBe('invalid_insights');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['goals[0].due', 'goals[1].target', 'goals[2].period']);
    expect(error.fields?.['goals[0].due']).toBe('This date is in the past.');
  });

  it('a body that is no object, or not JSON at all, is a 400, never a 500', async () => {
    const list = await call('owner', 'PUT', [1, 2]);
    expect([list.status, errorOf(list.body).code]).toEqual([400, 'invalid_insights']);
    const res = await fetch(`${service.url}/api/v1/teams/${encodeURIComponent(TEAM_ID)}/goals`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens.owner}`, 'content-type': 'application/json' },
      body: '{"goals": [',
    });
    expect(res.status).toBe(400);
  });
});
