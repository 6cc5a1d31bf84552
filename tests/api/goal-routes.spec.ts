import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, GoalsResponse } from '../../bot/src/api/contract';
import { currentPeriod } from '../../bot/src/domain/insights/goal-period';
import type { PeriodRollup } from '../../bot/src/domain/insights/insights-repositories';
import type { RunningService } from '../../bot/src/server';
import { startService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, quietLogger } from '../support/service';
import { TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

const now = new Date();
const ZONE = 'Europe/Amsterdam';
const ids = { owner: people.host.aadObjectId, ann: people.ann.aadObjectId, bob: people.bob.aadObjectId, cleo: people.cleo.aadObjectId };
// This month's rollup, as the fold job writes it: 3 sessions; Ann and Bob taught, Cleo and the owner attended.
const thisMonth = currentPeriod(now, 'month', ZONE);
const rollup: PeriodRollup = {
  tenantId: PLAYGROUND_TENANT,
  teamId: TEAM_ID,
  granularity: 'month',
  period: 'this',
  startsAt: thisMonth.from.toISOString(),
  sessionsHeld: 3,
  attendances: 5,
  learnerIds: [ids.cleo, ids.owner],
  teacherIds: [ids.ann, ids.bob],
  feedback: { answers: 0, ratingSum: 0, learnedYes: 0 },
  bySkill: {},
};
const periodsRead: string[] = [];

let service: RunningService;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  service = await startService(
    { ...readConfig({ NODE_ENV: 'test' }), port: 0, ...withoutWorker(readConfig({ NODE_ENV: 'test' })) },
    {
      log: quietLogger,
      inMemoryStorage: true,
      writeLimits: { person: [], tenant: [] },
      now: () => now,
      // The rollups' reader (insights-core's repository once merged): hand-made rows, filtered by range as the table does.
      insightsPeriods: {
        listPeriods: (tenantId, teamId, granularity, from, to) => {
          periodsRead.push(`${granularity} ${from} ${to}`);
          return Promise.resolve(
            [rollup].filter((r) => r.tenantId === tenantId && r.teamId === teamId && r.startsAt >= from && r.startsAt < to),
          );
        },
      },
    },
  );
  await seedTeam(service.repositories, now);
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

  it('owners replace the goals and get their progress from this month’s rollup', async () => {
    const res = await call<GoalsResponse>('owner', 'PUT', {
      goals: [
        { kind: 'sessions', target: 2, period: 'month' },
        { kind: 'teachers', target: 100, period: 'month' },
        { kind: 'participation', target: 80, period: 'month' },
        { kind: 'skillCoverage', target: 2, skill: 'kubernetes', due: dayAhead(60) },
      ],
    });
    expect(res.status).toBe(200);
    // 4 members: 2 taught (50%), all 4 took part (100%); Cleo teaches Kubernetes (1 of 2).
    expect(res.body.goals.map((g) => [g.goal.kind, g.value, g.met])).toEqual([
      ['sessions', 3, true],
      ['teachers', 50, false],
      ['participation', 100, true],
      ['skillCoverage', 1, false],
    ]);
    expect(res.body.goals[3]?.goal).toMatchObject({ skill: 'Kubernetes' });
    expect(periodsRead.at(-1)).toMatch(/^month /);
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
