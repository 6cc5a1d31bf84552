import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, LatestPulseResponse, PulseResults } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, clearQueue, people, queuedJobs, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

let clock = new Date();
let service: RunningService;
const tokens: Record<string, string> = {};
const members = [people.ann, people.bob, people.cleo];
const extra = Array.from({ length: 3 }, (_, i) => ({ aadObjectId: `00000000-0000-0000-0000-00000000c00${i}`, name: `Extra ${i}` }));

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => clock);
  await seedTeam(service.repositories, clock);
  await service.repositories.teams.addMembers(
    extra.map((p) => ({
      tenantId: PLAYGROUND_TENANT,
      teamId: TEAM_ID,
      userId: p.aadObjectId,
      role: 'member',
      joinedAt: clock.toISOString(),
    })),
  );
  const as = (userId: string, name: string) => devToken(service, { tenantId: PLAYGROUND_TENANT, userId, name });
  tokens.owner = await as(people.host.aadObjectId, people.host.name);
  for (const p of [...members, ...extra]) tokens[p.aadObjectId] = await as(p.aadObjectId, p.name);
  tokens.outsider = await as('00000000-0000-0000-0000-00000000d000', 'Not In The Team');
});
afterAll(async () => {
  await service?.close();
});

const base = `/teams/${encodeURIComponent(TEAM_ID)}/pulses`;
const call = <T>(who: string, method: string, path: string, body?: unknown) =>
  callApi<T>(service, tokens[who], method, `${base}${path}`, body);
const errorOf = (body: unknown) => (body as ApiError).error;
/** An owner's post, a minute after the last: the latest pulse is the one posted last. */
const post = <T>(body?: unknown) => {
  clock = new Date(clock.getTime() + 60_000);
  return call<T>('owner', 'POST', '', body);
};
const answers = { learnedFromColleague: 4, timeToLearn: 2, wouldRecommend: 5 };

describe('pulse API', () => {
  it('no pulse yet is a normal answer: 200 { pulse: null }, for members only', async () => {
    const res = await call<LatestPulseResponse>('owner', 'GET', '/latest');
    expect([res.status, res.body]).toEqual([200, { pulse: null }]);
    const member = await call<LatestPulseResponse>(people.ann.aadObjectId, 'GET', '/latest');
    expect([member.status, member.body]).toEqual([200, { pulse: null }]);
    const outsider = await call('outsider', 'GET', '/latest');
    expect([outsider.status, errorOf(outsider.body).code]).toEqual([403, 'not_member']);
  });

  it('a member cannot post one (403 owners_only); an unknown channel is a 400 naming channelId', async () => {
    const member = await call(people.ann.aadObjectId, 'POST', '', {});
    expect([member.status, errorOf(member.body).code]).toEqual([403, 'owners_only']);
    const bad = await call('owner', 'POST', '', { channelId: '19:nowhere@thread.tacv2', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(Object.keys(errorOf(bad.body).fields ?? {}).sort()).toEqual(['channelId', 'colour']);
  });

  it('an owner posts one: 202, open, no answers; the card is queued for the General channel', async () => {
    await clearQueue(service);
    const res = await post<PulseResults>();
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ responses: 0, open: true });
    expect(res.body.questions).toBeUndefined();
    const jobs = await queuedJobs(service);
    expect(jobs).toEqual([{ kind: 'postPulse', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, pulseId: res.body.pulseId, mode: 'post' }]);
  });

  it('members answer once each; scores show from the fifth answer on; a second answer is 409', async () => {
    const posted = await post<PulseResults>({ channelId: CHANNEL_ID });
    const path = `/${posted.body.pulseId}/answer`;
    const everyone = [...members, ...extra];
    for (const [i, p] of everyone.slice(0, 4).entries()) {
      const res = await call<PulseResults>(p.aadObjectId, 'PUT', path, { answers });
      expect([res.status, res.body.responses]).toEqual([200, i + 1]);
      expect(res.body.questions).toBeUndefined();
    }
    const fifth = await call<PulseResults>(everyone[4]?.aadObjectId ?? '', 'PUT', path, { answers });
    expect(fifth.body.questions?.map((q) => [q.question, q.average])).toEqual([
      ['learnedFromColleague', 4],
      ['timeToLearn', 2],
      ['wouldRecommend', 5],
    ]);
    const again = await call(people.ann.aadObjectId, 'PUT', path, { answers });
    expect([again.status, errorOf(again.body).code]).toEqual([409, 'already_answered']);
    const latest = await call<LatestPulseResponse>(people.bob.aadObjectId, 'GET', '/latest');
    expect([latest.body.pulse?.pulseId, latest.body.pulse?.responses]).toEqual([posted.body.pulseId, 5]);
  });

  it('a score outside 1–5 or missing is a 400 naming answers.<question>; nothing is counted', async () => {
    const posted = await post<PulseResults>();
    const path = `/${posted.body.pulseId}/answer`;
    const res = await call(people.cleo.aadObjectId, 'PUT', path, { answers: { learnedFromColleague: 0, timeToLearn: 6 } });
    expect(res.status).toBe(400);
    expect(Object.keys(errorOf(res.body).fields ?? {}).sort()).toEqual([
      'answers.learnedFromColleague',
      'answers.timeToLearn',
      'answers.wouldRecommend',
    ]);
    const notObject = await call(people.cleo.aadObjectId, 'PUT', path, 'five');
    expect(notObject.status).toBe(400);
    const ok = await call<PulseResults>(people.cleo.aadObjectId, 'PUT', path, { answers });
    expect([ok.status, ok.body.responses]).toEqual([200, 1]);
  });

  it('an unknown pulse is 404; after two weeks the pulse is closed (409 pulse_closed)', async () => {
    const unknown = await call(people.ann.aadObjectId, 'PUT', '/no-such-pulse/answer', { answers });
    expect([unknown.status, errorOf(unknown.body).code]).toEqual([404, 'not_found']);
    const posted = await post<PulseResults>();
    clock = new Date(clock.getTime() + 14 * 86_400_000 + 1000);
    const closed = await call(people.ann.aadObjectId, 'PUT', `/${posted.body.pulseId}/answer`, { answers });
    expect([closed.status, errorOf(closed.body).code]).toEqual([409, 'pulse_closed']);
    const latest = await call<LatestPulseResponse>(people.ann.aadObjectId, 'GET', '/latest');
    expect(latest.body.pulse).toMatchObject({ pulseId: posted.body.pulseId, open: false });
  });
});
