import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, KudosChoicesResponse, KudosView, KudosWallResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, clearQueue, people, queuedJobs, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

/** Issue #12: kudos from the tab, through the same kudos service and outbox as the bot's. */
const OTHER_TEAM = '19:other-team@thread.tacv2';
const now = new Date();
let service: RunningService;
const tokens: Record<string, string> = {};
const outsider = { aadObjectId: '00000000-0000-0000-0000-00000000b001', name: 'Olga Outsider' };

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  for (const [key, p] of Object.entries({ ...people, outsider }))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
});
afterAll(async () => {
  await service?.close();
});
beforeEach(async () => {
  await clearQueue(service);
});

const call = <T>(who: string, method: string, path: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);
const kudosOf = (teamId: string) => `/teams/${encodeURIComponent(teamId)}/kudos`;
const kudos = kudosOf(TEAM_ID);
const wallSize = async () => (await call<KudosWallResponse>('ann', 'GET', `${kudos}?limit=50`)).body.kudos.length;

describe('kudos from the tab', () => {
  it('choices: the team’s members by name, never the caller; outsiders are refused', async () => {
    const res = await call<KudosChoicesResponse>('ann', 'GET', `${kudos}/choices`);
    expect(res.status).toBe(200);
    expect(res.body.people.map((p) => p.displayName)).toEqual(['Bob Builder', 'Cleo Curious', 'Hanna Host']);
    const refused = await call<ApiError>('outsider', 'GET', `${kudos}/choices`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not_member');
  });

  it('POST stores the thanks with its skill, answers 201 with names, and queues the card for the General channel', async () => {
    const res = await call<KudosView>('ann', 'POST', kudos, {
      toUserId: people.bob.aadObjectId,
      message: '  Thanks  for the help! ',
      skill: 'ts',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      from: { userId: people.ann.aadObjectId, displayName: 'Ann Attendee' },
      to: { userId: people.bob.aadObjectId, displayName: 'Bob Builder' },
      message: 'Thanks for the help!',
      skill: 'TypeScript',
    });
    const stored = await service.repositories.kudos.get(PLAYGROUND_TENANT, TEAM_ID, res.body.kudosId);
    expect(stored).toMatchObject({ channelId: TEAM_ID, skill: 'TypeScript', fromUserId: people.ann.aadObjectId });
    // The milestone check (issue #12: a tenth thanks) runs in a job of its own, then the card.
    expect(await queuedJobs(service)).toEqual([
      { kind: 'celebrateMilestones', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, kudosId: res.body.kudosId },
      { kind: 'postKudos', tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID, kudosId: res.body.kudosId },
    ]);
    const wall = await call<KudosWallResponse>('cleo', 'GET', kudos);
    expect(wall.body.kudos[0]).toMatchObject({ kudosId: res.body.kudosId, skill: 'TypeScript' });
  });

  it('posts into a chosen channel of the team', async () => {
    const res = await call<KudosView>('bob', 'POST', kudos, {
      toUserId: people.host.aadObjectId,
      message: 'Great demo',
      channelId: CHANNEL_ID,
    });
    expect(res.status).toBe(201);
    expect((await service.repositories.kudos.get(PLAYGROUND_TENANT, TEAM_ID, res.body.kudosId))?.channelId).toBe(CHANNEL_ID);
  });

  it('a non-member is refused (403), and nothing is stored or queued', async () => {
    const before = await wallSize();
    const res = await call<ApiError>('outsider', 'POST', kudos, { toUserId: people.bob.aadObjectId, message: 'Hi' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_member');
    expect(await wallSize()).toBe(before);
    expect(await queuedJobs(service)).toEqual([]);
  });

  it('an unknown team is 404', async () => {
    const res = await call<ApiError>('ann', 'POST', kudosOf(OTHER_TEAM), { toUserId: people.bob.aadObjectId, message: 'Hi' });
    expect(res.status).toBe(404);
  });

  it.each([
    [
      'nobody, no message',
      {},
      [
        { field: 'toUserId', code: 'toRequired' },
        { field: 'message', code: 'messageRequired' },
      ],
    ],
    [
      'yourself, too long, a skill of punctuation',
      {
        toUserId: people.ann.aadObjectId,
        message: 'x'.repeat(281),
        skill: '!!!',
        channelId: '19:elsewhere@thread.tacv2',
      },
      // The edge refuses the long message before the team is read: the channel is checked on the next try.
      [
        { field: 'toUserId', code: 'toSelf' },
        { field: 'message', code: 'messageTooLong' },
        { field: 'skill', code: 'skillInvalid' },
      ],
    ],
    [
      'someone outside the team, a message of spaces, a channel of another team',
      { toUserId: outsider.aadObjectId, message: ' \u200b ', channelId: '19:elsewhere@thread.tacv2' },
      [
        { field: 'toUserId', code: 'toNotMember' },
        { field: 'message', code: 'messageRequired' },
        { field: 'channelId', code: 'channelUnknown' },
      ],
    ],
    [
      'wrong types and an oversized skill',
      { toUserId: 42, message: ['a'], skill: 'y'.repeat(61) },
      [
        { field: 'toUserId', code: 'toRequired' },
        { field: 'message', code: 'messageRequired' },
        { field: 'skill', code: 'skillInvalid' },
      ],
    ],
  ])('bad input (%s): 400 invalid_kudos naming each field, nothing stored', async (_name, body, problems) => {
    const before = await wallSize();
    const res = await call<ApiError>('ann', 'POST', kudos, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_kudos');
    expect(res.body.error.problems).toEqual(problems);
    expect(Object.keys(res.body.error.fields ?? {})).toEqual(problems.map((p) => p.field));
    expect(await wallSize()).toBe(before);
    expect(await queuedJobs(service)).toEqual([]);
  });

  it('the field texts are the domain’s own', async () => {
    const res = await call<ApiError>('ann', 'POST', kudos, { toUserId: people.ann.aadObjectId, message: 'x'.repeat(281) });
    expect(res.body.error.fields).toEqual({
      toUserId: 'Kudos are for colleagues, not for yourself.',
      message: 'Keep your thank-you to 280 characters.',
    });
  });
});
