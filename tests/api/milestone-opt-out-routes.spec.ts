import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, MyLearningResponse, ProfileResponse, UpdateProfileRequest } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { TEAM_ID, people, seedTeam } from '../support/bot/session-fixtures';

/** Issue #12: milestone cards are on unless the person turns them off in their profile; My learning lists their milestones. */
const ANN = people.ann.aadObjectId;
let service: RunningService;
let token: string;

beforeAll(async () => {
  service = await startTestService({ seedDemo: false });
  await seedTeam(service.repositories, new Date());
  token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: ANN, name: people.ann.name });
});
afterAll(async () => {
  await service?.close();
});

const base: UpdateProfileRequest = { teaches: [], wants: [], bio: '', languages: [], availability: 'Mornings' };
const put = <T>(body: unknown) => callApi<T>(service, token, 'PUT', '/me/profile', body);
const get = () => callApi<ProfileResponse>(service, token, 'GET', '/me/profile');

describe('celebrateMilestones in the profile API', () => {
  it('is on by default, turns off, stays off when a later save leaves it out, and turns on again', async () => {
    expect((await get()).body.celebrateMilestones).toBe(true);
    const off = await put<ProfileResponse>({ ...base, celebrateMilestones: false });
    expect(off.status).toBe(200);
    expect(off.body.celebrateMilestones).toBe(false);
    expect((await service.repositories.members.get(PLAYGROUND_TENANT, ANN))?.celebrateMilestones).toBe(false);
    // The bot's profile form and older tabs send no such field: what is stored stands.
    expect((await put<ProfileResponse>({ ...base, bio: 'Still me' })).body.celebrateMilestones).toBe(false);
    expect((await get()).body).toMatchObject({ bio: 'Still me', celebrateMilestones: false });
    expect((await put<ProfileResponse>({ ...base, celebrateMilestones: true })).body.celebrateMilestones).toBe(true);
  });

  it.each([
    ['"no"', 'no'],
    ['0', 0],
    ['null', null],
  ])('refuses %s with 400 invalid_profile naming the field; nothing changes', async (_, value) => {
    const before = await service.repositories.members.get(PLAYGROUND_TENANT, ANN);
    const res = await put<ApiError>({ ...base, bio: 'Changed?', celebrateMilestones: value });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_profile');
    expect(res.body.error.fields).toEqual({ celebrateMilestones: 'shape' });
    expect(await service.repositories.members.get(PLAYGROUND_TENANT, ANN)).toEqual(before);
  });
});

describe('milestones in My learning', () => {
  it('lists the caller’s own milestones with their team and date, newest first, never a colleague’s', async () => {
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const claim = (userId: string, milestone: 'attended1' | 'attended5', reachedAt: string) =>
      service.repositories.milestones.claim({
        tenantId: PLAYGROUND_TENANT,
        teamId: TEAM_ID,
        userId,
        milestone,
        reachedAt,
        sourceId: `s-${milestone}`,
        claimedAt: reachedAt,
        celebrated: true,
      });
    const [first, fifth] = [at(40), at(2)];
    await claim(ANN, 'attended1', first);
    await claim(ANN, 'attended5', fifth);
    await claim(people.bob.aadObjectId, 'attended1', at(1));
    const res = await callApi<MyLearningResponse>(service, token, 'GET', '/me/learning');
    expect(res.status).toBe(200);
    expect(res.body.milestones).toEqual([
      { teamId: TEAM_ID, teamName: 'Learning team', milestone: 'attended5', reachedAt: fifth },
      { teamId: TEAM_ID, teamName: 'Learning team', milestone: 'attended1', reachedAt: first },
    ]);
  });
});
