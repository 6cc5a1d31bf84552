import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, InsightsResponse, NudgeResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { TEAM_ID, clearQueue, people, queuedJobs, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

const OUTSIDER = '00000000-0000-0000-0000-00000000b001';
const now = new Date();
let service: RunningService;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  const as = (userId: string, name: string) => devToken(service, { tenantId: PLAYGROUND_TENANT, userId, name });
  tokens.owner = await as(people.host.aadObjectId, people.host.name);
  tokens.ann = await as(people.ann.aadObjectId, people.ann.name);
  tokens.outsider = await as(OUTSIDER, 'Olga Outsider');
});
afterAll(async () => {
  await service?.close();
});

const nudge = (who: string, userId: string) =>
  callApi<NudgeResponse | ApiError>(
    service,
    tokens[who],
    'POST',
    `/teams/${encodeURIComponent(TEAM_ID)}/insights/quiet/${encodeURIComponent(userId)}/nudge`,
  );
const codeOf = (body: unknown) => (body as ApiError).error.code;

describe('POST /teams/:teamId/insights/quiet/:userId/nudge', () => {
  it('refuses a member (403 owners_only) and an outsider (403 not_member), and enqueues nothing', async () => {
    await clearQueue(service);
    const byMember = await nudge('ann', people.bob.aadObjectId);
    expect([byMember.status, codeOf(byMember.body)]).toEqual([403, 'owners_only']);
    const byOutsider = await nudge('outsider', people.bob.aadObjectId);
    expect([byOutsider.status, codeOf(byOutsider.body)]).toEqual([403, 'not_member']);
    expect(await queuedJobs(service)).toEqual([]);
  });

  it('404 not_found for someone who is not in the team; 400 for an id that is no id', async () => {
    const res = await nudge('owner', OUTSIDER);
    expect([res.status, codeOf(res.body)]).toEqual([404, 'not_found']);
    const bad = await nudge('owner', 'a b');
    expect([bad.status, codeOf(bad.body)]).toEqual([400, 'invalid_user_id']);
  });

  it('202 {nudgedAt} and one nudgeMember job; a second nudge within the interval is 409 nudged_recently', async () => {
    await clearQueue(service);
    const first = await nudge('owner', people.cleo.aadObjectId);
    expect(first).toEqual({ status: 202, body: { nudgedAt: now.toISOString() } });
    expect(await queuedJobs(service)).toEqual([
      { kind: 'nudgeMember', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, userId: people.cleo.aadObjectId, nudgedAt: now.toISOString() },
    ]);

    const again = await nudge('owner', people.cleo.aadObjectId);
    expect([again.status, codeOf(again.body)]).toEqual([409, 'nudged_recently']);
    expect(await queuedJobs(service)).toHaveLength(1);

    // The owners' quiet list says when each was nudged, so the tab holds the button back.
    const report = await callApi<InsightsResponse>(service, tokens.owner, 'GET', `/teams/${encodeURIComponent(TEAM_ID)}/insights`);
    const quiet = new Map((report.body.quiet?.members ?? []).map((m) => [m.userId, m.nudgedAt]));
    expect(quiet.get(people.cleo.aadObjectId)).toBe(now.toISOString());
    expect(quiet.has(people.bob.aadObjectId)).toBe(true);
    expect(quiet.get(people.bob.aadObjectId)).toBeUndefined();
  });
});
