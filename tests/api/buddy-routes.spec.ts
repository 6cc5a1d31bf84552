import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, BuddyCadenceBody, BuddyMeResponse, BuddyRoundResponse, StartBuddyRoundResponse } from '../../bot/src/api/contract';
import { ORGANISATION_POOL } from '../../bot/src/domain/buddies/buddy';
import type { BuddyPair, BuddyRound } from '../../bot/src/domain/buddies/buddy';
import { ownerRoundId } from '../../bot/src/domain/buddies/buddy-slots';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { TEAM_ID, clearQueue, people, queuedJobs, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

const OTHER_TENANT = '99999999-0000-0000-0000-000000000000';
const OUTSIDER = '00000000-0000-0000-0000-00000000b001';
const now = new Date();
let made = 0;
let service: RunningService;
const tokens: Record<string, string> = {};
const ids = { owner: people.host.aadObjectId, ann: people.ann.aadObjectId, bob: people.bob.aadObjectId, cleo: people.cleo.aadObjectId };

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  await seedTeam(service.repositories, now, OTHER_TENANT, TEAM_ID);
  const as = (userId: string, name: string, tenantId = PLAYGROUND_TENANT) => devToken(service, { tenantId, userId, name });
  tokens.owner = await as(ids.owner, people.host.name);
  tokens.ann = await as(ids.ann, people.ann.name);
  tokens.bob = await as(ids.bob, people.bob.name);
  tokens.cleo = await as(ids.cleo, people.cleo.name);
  tokens.outsider = await as(OUTSIDER, 'Olga Outsider');
  tokens.elsewhere = await as(ids.ann, 'Ann elsewhere', OTHER_TENANT);
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(who: string, method: string, path: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);
const base = `/teams/${encodeURIComponent(TEAM_ID)}/buddies`;
const codeOf = (body: unknown) => (body as ApiError).error.code;
const fieldsOf = (body: unknown) => Object.keys((body as ApiError).error.fields ?? {}).sort();

const pair = (a: string, b: string): BuddyPair => ({
  members: [a, b],
  reason: {
    teaches: [{ from: a, to: b, skill: 'power bi', level: 2 }],
    sharedLanguages: ['nl'],
    sharedDays: ['mon'],
    sharedModes: ['online'],
  },
  firstTopic: 'power bi',
});

/** A computed round, stored as the round job stores it (the job itself is tested in tests/delivery). */
async function storeRound(
  poolId: string,
  pairs: readonly BuddyPair[],
  leftOver: readonly string[] = [],
  minutesAgo = 0,
): Promise<BuddyRound> {
  const start = new Date(now.getTime() - minutesAgo * 60_000);
  const round: BuddyRound = {
    tenantId: PLAYGROUND_TENANT,
    poolId,
    roundId: ownerRoundId(start, `r${(made += 1)}`),
    trigger: 'owner',
    startedAt: start.toISOString(),
    checkInAt: new Date(start.getTime() + 7 * 86_400_000).toISOString(),
    endsAt: new Date(start.getTime() + 14 * 86_400_000).toISOString(),
    pairs,
    leftOver,
    skipped: [],
    seed: 1,
  };
  await service.repositories.buddies.rounds.create(round);
  return round;
}

describe('buddies API: my participation', () => {
  it('GET me before anything: not in, any day and mode, no cadence, no buddy', async () => {
    const res = await call<BuddyMeResponse>('cleo', 'GET', `${base}/me`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      teamId: TEAM_ID,
      optIn: false,
      skipNext: false,
      availability: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], modes: ['inPerson', 'online'] },
      acrossOrganisation: false,
      current: [],
    });
  });

  it('PUT me opts in with availability and across the organisation; absent fields stay', async () => {
    const put = await call<BuddyMeResponse>('bob', 'PUT', `${base}/me`, {
      optIn: true,
      availability: { days: ['thu', 'tue'], modes: ['online'] },
      acrossOrganisation: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      optIn: true,
      skipNext: false,
      acrossOrganisation: true,
      availability: { days: ['tue', 'thu'], modes: ['online'] },
    });
    const paused = await call<BuddyMeResponse>('bob', 'PUT', `${base}/me`, { skipNext: true });
    expect(paused.body).toMatchObject({ optIn: true, skipNext: true, acrossOrganisation: true, availability: { days: ['tue', 'thu'] } });
    expect((await service.repositories.buddies.preferences.get(PLAYGROUND_TENANT, ORGANISATION_POOL, ids.bob))?.optIn).toBe(true);
  });

  it('opting in across the organisation later takes the availability already given for the team', async () => {
    await call('owner', 'PUT', `${base}/me`, { optIn: true, availability: { days: ['fri'], modes: ['inPerson'] } });
    expect((await call<BuddyMeResponse>('owner', 'PUT', `${base}/me`, { acrossOrganisation: true })).body.acrossOrganisation).toBe(true);
    const across = await service.repositories.buddies.preferences.get(PLAYGROUND_TENANT, ORGANISATION_POOL, ids.owner);
    expect(across).toMatchObject({ optIn: true, availability: { days: ['fri'], modes: ['inPerson'] } });
    const out = await call<BuddyMeResponse>('owner', 'PUT', `${base}/me`, { acrossOrganisation: false });
    expect(out.body).toMatchObject({ optIn: true, acrossOrganisation: false });
  });

  it('a bad body is 400 invalid_buddy naming each field; nothing is stored', async () => {
    const bad = await call('cleo', 'PUT', `${base}/me`, { optIn: 'yes', availability: { days: [], modes: ['telepathy'] }, colour: 'red' });
    expect(bad.status).toBe(400);
    expect(codeOf(bad.body)).toBe('invalid_buddy');
    expect(fieldsOf(bad.body)).toEqual(['availability.days', 'availability.modes', 'colour', 'optIn']);
    const notObject = await call('cleo', 'PUT', `${base}/me`, [true]);
    expect([notObject.status, fieldsOf(notObject.body)]).toEqual([400, ['body']]);
    const days = await call('cleo', 'PUT', `${base}/me`, { availability: { days: 'monday', modes: ['online'] } });
    expect((days.body as ApiError).error.problems).toEqual([{ field: 'availability.days', code: 'notAList' }]);
    expect(await service.repositories.buddies.preferences.get(PLAYGROUND_TENANT, TEAM_ID, ids.cleo)).toBeUndefined();
  });

  it('someone who is not in the team is refused (403 not_member); another tenant does not see the team (404)', async () => {
    expect(codeOf((await call('outsider', 'PUT', `${base}/me`, { optIn: true })).body)).toBe('not_member');
    expect((await call('outsider', 'GET', `${base}/me`)).status).toBe(403);
    expect((await call('elsewhere', 'GET', `/teams/${encodeURIComponent('19:unknown@thread.tacv2')}/buddies/me`)).status).toBe(404);
    expect(await service.repositories.buddies.preferences.get(PLAYGROUND_TENANT, TEAM_ID, OUTSIDER)).toBeUndefined();
  });
});

describe('buddies API: cadence and starting a round (owners)', () => {
  it('members read the cadence; only owners set it; a bad one names its fields', async () => {
    expect((await call<BuddyCadenceBody>('ann', 'GET', `${base}/cadence`)).body).toEqual({
      cadence: null,
      timeZone: 'Europe/Amsterdam',
      canEdit: false,
    });
    const refused = await call('ann', 'PUT', `${base}/cadence`, { cadence: { everyWeeks: 2, weekday: 'mon', time: '10:00' } });
    expect([refused.status, codeOf(refused.body)]).toEqual([403, 'owners_only']);
    const bad = await call('owner', 'PUT', `${base}/cadence`, { cadence: { everyWeeks: 3, weekday: 'funday', time: '9am' } });
    expect([bad.status, fieldsOf(bad.body)]).toEqual([400, ['cadence.everyWeeks', 'cadence.time', 'cadence.weekday']]);
    const set = await call<BuddyCadenceBody>('owner', 'PUT', `${base}/cadence`, {
      cadence: { everyWeeks: 2, weekday: 'mon', time: '10:00' },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ cadence: { everyWeeks: 2, weekday: 'mon', time: '10:00' }, canEdit: true });
    expect(Date.parse(set.body.nextRoundAt ?? '')).toBeGreaterThan(now.getTime());
    const me = await call<BuddyMeResponse>('ann', 'GET', `${base}/me`);
    expect(me.body).toMatchObject({ cadence: { everyWeeks: 2 }, nextRoundAt: set.body.nextRoundAt });
  });

  it('POST rounds: 202 with the round id for owners; two starts at once make one round; members 403', async () => {
    await clearQueue(service);
    const [first, second] = await Promise.all([
      call<StartBuddyRoundResponse>('owner', 'POST', `${base}/rounds`),
      call<StartBuddyRoundResponse>('owner', 'POST', `${base}/rounds`),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(first.body.roundId).toMatch(/^now-/);
    expect(second.body.roundId).toBe(first.body.roundId);
    const jobs = (await queuedJobs(service)).filter((j) => j.kind === 'startBuddyRound');
    expect(new Set(jobs.map((j) => j.kind === 'startBuddyRound' && j.roundId))).toEqual(new Set([first.body.roundId]));
    const member = await call('bob', 'POST', `${base}/rounds`);
    expect([member.status, codeOf(member.body)]).toEqual([403, 'owners_only']);
  });
});

describe('buddies API: the latest round and "did you meet?"', () => {
  it('before the first round: 200 { round: null }, a normal answer and not a 404', async () => {
    const member = await call<BuddyRoundResponse>('ann', 'GET', `${base}/rounds/latest`);
    expect([member.status, member.body]).toEqual([200, { round: null }]);
    const owner = await call<BuddyRoundResponse>('owner', 'GET', `${base}/rounds/latest`);
    expect([owner.status, owner.body]).toEqual([200, { round: null }]);
  });

  it('owners see every pair, the answers and who was left over; a member only their own pair; the tenant pool is never shown', async () => {
    const round = await storeRound(TEAM_ID, [pair(ids.ann, ids.bob)], [ids.cleo]);
    await storeRound(ORGANISATION_POOL, [pair(ids.ann, ids.cleo)]);
    expect((await call('ann', 'PUT', `${base}/rounds/${round.roundId}/met`, { answer: 'yes' })).status).toBe(200);

    const owner = await call<BuddyRoundResponse>('owner', 'GET', `${base}/rounds/latest`);
    expect(owner.status).toBe(200);
    expect(owner.body.round).toMatchObject({
      id: round.roundId,
      pairs: [
        {
          members: [
            { userId: ids.ann, displayName: people.ann.name },
            { userId: ids.bob, displayName: people.bob.name },
          ],
          answers: { [ids.ann]: 'yes' },
        },
      ],
      leftOver: [{ userId: ids.cleo, displayName: people.cleo.name }],
      skipped: [],
    });
    expect(owner.body.history?.[0]).toMatchObject({ id: round.roundId, pairs: 1, people: 2, met: 1 });

    const bob = await call<BuddyRoundResponse>('bob', 'GET', `${base}/rounds/latest`);
    expect(bob.body.round?.pairs).toHaveLength(1);
    expect(bob.body.round?.pairs[0]?.answers).toBeUndefined();
    expect(bob.body.round?.leftOver).toBeUndefined();
    expect(bob.body.history).toBeUndefined();
    const cleo = await call<BuddyRoundResponse>('cleo', 'GET', `${base}/rounds/latest`);
    expect(cleo.body.round?.pairs).toEqual([]);
    expect(JSON.stringify(cleo.body)).not.toContain(ids.ann);

    // Ann's own state: her team pair and her tenant-pool pair, with only her own answer.
    const me = await call<BuddyMeResponse>('ann', 'GET', `${base}/me`);
    expect(me.body.current.map((c) => [c.poolId, c.buddies.map((b) => b.userId), c.myAnswer])).toEqual([
      [TEAM_ID, [ids.bob], 'yes'],
      [ORGANISATION_POOL, [ids.cleo], undefined],
    ]);
    const bobMe = await call<BuddyMeResponse>('bob', 'GET', `${base}/me`);
    expect(bobMe.body.current).toEqual([
      expect.objectContaining({ poolId: TEAM_ID, buddies: [{ userId: ids.ann, displayName: people.ann.name }] }),
    ]);
    expect(bobMe.body.current[0]?.myAnswer).toBeUndefined();
  });

  it('only people of a pair answer; a later answer replaces; bad answers and unknown rounds are refused', async () => {
    const round = await storeRound(TEAM_ID, [pair(ids.bob, ids.cleo)], [], -1);
    const met = `${base}/rounds/${round.roundId}/met`;
    expect((await call('cleo', 'PUT', met, { answer: 'notYet' })).body).toEqual({ answer: 'notYet' });
    expect((await call('cleo', 'PUT', met, { answer: 'wont' })).body).toEqual({ answer: 'wont' });
    const answers = await service.repositories.buddies.answers.listForRound(PLAYGROUND_TENANT, TEAM_ID, round.roundId);
    expect(answers.map((a) => [a.userId, a.answer])).toEqual([[ids.cleo, 'wont']]);
    const notIn = await call('ann', 'PUT', met, { answer: 'yes' });
    expect([notIn.status, codeOf(notIn.body)]).toEqual([403, 'not_in_round']);
    expect((await call('outsider', 'PUT', met, { answer: 'yes' })).status).toBe(403);
    const bad = await call('bob', 'PUT', met, { answer: 'maybe' });
    expect([bad.status, fieldsOf(bad.body)]).toEqual([400, ['answer']]);
    const unknown = await call('bob', 'PUT', `${base}/rounds/${ownerRoundId(new Date(), 'nothing')}/met`, { answer: 'yes' });
    expect([unknown.status, codeOf(unknown.body)]).toEqual([404, 'no_round']);
    expect((await call('bob', 'PUT', `${base}/rounds/not-a-round/met`, { answer: 'yes' })).status).toBe(404);
    expect((await call('elsewhere', 'PUT', met, { answer: 'yes' })).status).toBe(404);
  });

  it('a tenant-pool round is answered with ?pool=organisation', async () => {
    const round = await storeRound(ORGANISATION_POOL, [pair(ids.owner, ids.bob)], [], -2);
    const met = `${base}/rounds/${round.roundId}/met`;
    expect((await call('bob', 'PUT', met, { answer: 'yes' })).status).toBe(404);
    expect((await call('bob', 'PUT', `${met}?pool=organisation`, { answer: 'yes' })).status).toBe(200);
    expect((await call('bob', 'PUT', `${met}?pool=everyone`, { answer: 'yes' })).status).toBe(400);
    const answers = await service.repositories.buddies.answers.listForRound(PLAYGROUND_TENANT, ORGANISATION_POOL, round.roundId);
    expect(answers.map((a) => a.userId)).toEqual([ids.bob]);
  });
});
