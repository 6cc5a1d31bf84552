import { QueueServiceClient } from '@azure/storage-queue';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { readConfig } from '../../bot/src/config';
import type { ApiError, CreateSessionResponse, KudosWallResponse, TeamSettingsResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { QUEUES } from '../../bot/src/storage/shared/keys';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, clearQueue, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

const OTHER_TENANT = '99999999-0000-0000-0000-000000000000';
const OTHER_TEAM = '19:other-team@thread.tacv2';
const clock = new Date('2026-11-27T12:00:00.000Z');
let service: RunningService;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => clock);
  await seedTeam(service.repositories, clock);
  await seedTeam(service.repositories, clock, OTHER_TENANT, OTHER_TEAM);
  for (const [key, p] of Object.entries(people))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
  // The owner of a team in another tenant: same user id, never the same team.
  tokens.otherOwner = await devToken(service, { tenantId: OTHER_TENANT, userId: people.host.aadObjectId, name: 'Hanna elsewhere' });
});
afterAll(async () => {
  await service?.close();
});
beforeEach(async () => {
  await clearQueue(service);
});

const call = <T>(method: string, path: string, who: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);

const settings = `/teams/${encodeURIComponent(TEAM_ID)}/settings`;
const kudos = `/teams/${encodeURIComponent(TEAM_ID)}/kudos`;

/** Every job in the queue, including the not-yet-visible scheduled ones (reminders wait until they are due). */
async function queuedCount(): Promise<number> {
  const props = await QueueServiceClient.fromConnectionString(service.storageConnectionString).getQueueClient(QUEUES.jobs).getProperties();
  return props.approximateMessagesCount ?? -1;
}

describe('team settings API', () => {
  it('GET: a team row from before settings reads as the defaults; members see them, only owners may edit', async () => {
    const member = await call<TeamSettingsResponse>('GET', settings, 'ann');
    expect(member.status).toBe(200);
    expect(member.body).toEqual({
      teamId: TEAM_ID,
      teamName: 'Learning team',
      reminderMinutes: [1440, 15],
      timeZone: 'Europe/Amsterdam',
      locale: 'en',
      quietWeeks: 6,
      canEdit: false,
    });
    const owner = await call<TeamSettingsResponse>('GET', settings, 'host');
    expect(owner.body.canEdit).toBe(true);
  });

  it('PUT by a member: 403 owners_only and nothing changes', async () => {
    const res = await call<ApiError>('PUT', settings, 'ann', { reminderMinutes: [60] });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('owners_only');
    expect((await service.repositories.teams.get(PLAYGROUND_TENANT, TEAM_ID))?.reminderMinutes).toBeUndefined();
  });

  it('PUT with bad input: 400 invalid_settings naming every bad field, nothing stored', async () => {
    const before = await service.repositories.teams.get(PLAYGROUND_TENANT, TEAM_ID);
    const res = await call<ApiError>('PUT', settings, 'host', {
      reminderMinutes: [15, 15],
      timeZone: 'Mars/Olympus_Mons',
      locale: 'de',
      colour: 'red',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_settings');
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(['colour', 'locale', 'reminderMinutes', 'timeZone']);
    expect(res.body.error.problems).toEqual(
      expect.arrayContaining([
        { field: 'reminderMinutes', code: 'reminders_duplicate' },
        { field: 'timeZone', code: 'time_zone_unknown' },
        { field: 'locale', code: 'locale_unsupported' },
        { field: 'colour', code: 'unknown_field' },
      ]),
    );
    for (const bad of [[1, 2, 3, 4], [4], [10081], [30.5], 'soon', ['15']]) {
      const r = await call<ApiError>('PUT', settings, 'host', { reminderMinutes: bad });
      because(JSON.stringify(bad), () => expect(r.status).toBe(400));
      expect(r.body.error.fields?.reminderMinutes).toBeTruthy();
    }
    expect((await call<ApiError>('PUT', settings, 'host', [1440])).body.error.problems).toEqual([{ field: 'body', code: 'not_an_object' }]);
    expect(await service.repositories.teams.get(PLAYGROUND_TENANT, TEAM_ID)).toEqual(before);
  });

  it('PUT by an owner stores the settings; sessions scheduled afterwards get the new reminders', async () => {
    const start = { title: 'After the change', startsAt: '2026-11-29T13:00:00Z', durationMinutes: 30, channelId: CHANNEL_ID };
    // Defaults: invite + 2 reminders + feedback request + the insights fold at the end.
    expect((await call<CreateSessionResponse>('POST', `/teams/${encodeURIComponent(TEAM_ID)}/sessions`, 'host', start)).status).toBe(201);
    expect(await queuedCount()).toBe(5);
    await clearQueue(service);

    const res = await call<TeamSettingsResponse>('PUT', settings, 'host', {
      reminderMinutes: [30, 2880, 120],
      timeZone: 'America/New_York',
      locale: 'nl',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reminderMinutes: [2880, 120, 30], timeZone: 'America/New_York', locale: 'nl', canEdit: true });
    expect(await call<TeamSettingsResponse>('GET', settings, 'ann')).toMatchObject({
      body: { reminderMinutes: [2880, 120, 30], timeZone: 'America/New_York', locale: 'nl' },
    });

    // Now three reminders; and a wall-clock time is read in the team's new zone (14:00 New York = 19:00 UTC).
    const created = await call<CreateSessionResponse>('POST', `/teams/${encodeURIComponent(TEAM_ID)}/sessions`, 'host', {
      title: 'Planned in New York time',
      date: '2026-12-02',
      time: '14:00',
      durationMinutes: 30,
      channelId: CHANNEL_ID,
    });
    expect(created.status).toBe(201);
    expect(created.body.sessions[0]?.startsAt).toBe('2026-12-02T19:00:00.000Z');
    expect(await queuedCount()).toBe(6);
    await clearQueue(service);

    // No reminders at all is a valid choice; a partial PUT keeps the other settings.
    expect((await call<TeamSettingsResponse>('PUT', settings, 'host', { reminderMinutes: [] })).body).toMatchObject({
      reminderMinutes: [],
      timeZone: 'America/New_York',
    });
    await call('POST', `/teams/${encodeURIComponent(TEAM_ID)}/sessions`, 'host', start);
    expect(await queuedCount()).toBe(3);
    await call('PUT', settings, 'host', { reminderMinutes: [1440, 15], timeZone: 'Europe/Amsterdam', locale: 'en' });
  });

  it('tenant isolation: another tenant cannot read or change the team, and its own team is separate', async () => {
    expect((await call<ApiError>('GET', settings, 'otherOwner')).status).toBe(404);
    expect((await call<ApiError>('PUT', settings, 'otherOwner', { timeZone: 'Asia/Tokyo' })).status).toBe(404);
    const own = await call<TeamSettingsResponse>('PUT', `/teams/${encodeURIComponent(OTHER_TEAM)}/settings`, 'otherOwner', {
      timeZone: 'Asia/Tokyo',
    });
    expect(own.body).toMatchObject({ timeZone: 'Asia/Tokyo', canEdit: true });
    expect((await call<TeamSettingsResponse>('GET', settings, 'host')).body.timeZone).toBe('Europe/Amsterdam');
    expect((await call<ApiError>('GET', '/teams/bad%20id!/settings', 'host')).body.error.code).toBe('invalid_team_id');
  });
});

describe('kudos wall API', () => {
  it('empty wall, then newest first with names and the session title; never a count per person', async () => {
    expect((await call<KudosWallResponse>('GET', kudos, 'ann')).body).toEqual({ teamId: TEAM_ID, kudos: [] });
    const session = await call<CreateSessionResponse>('POST', `/teams/${encodeURIComponent(TEAM_ID)}/sessions`, 'host', {
      title: 'Kudos session',
      startsAt: '2026-12-04T13:00:00Z',
      durationMinutes: 30,
    });
    const sessionId = session.body.sessions[0]?.sessionId ?? '';
    const base = { tenantId: PLAYGROUND_TENANT, teamId: TEAM_ID };
    await service.repositories.kudos.add({
      ...base,
      kudosId: 'k1',
      fromUserId: people.ann.aadObjectId,
      toUserId: people.host.aadObjectId,
      message: 'Great session!',
      sessionId,
      createdAt: '2026-11-20T10:00:00.000Z',
    });
    await service.repositories.kudos.add({
      ...base,
      kudosId: 'k2',
      fromUserId: people.bob.aadObjectId,
      toUserId: people.cleo.aadObjectId,
      message: 'Bedankt voor je hulp!',
      createdAt: '2026-11-25T10:00:00.000Z',
    });
    await service.repositories.kudos.add({
      ...base,
      kudosId: 'k3',
      fromUserId: people.cleo.aadObjectId,
      toUserId: 'gone-user',
      message: 'Thanks for the review',
      createdAt: '2026-11-22T10:00:00.000Z',
    });
    // The same team id in another tenant holds its own kudos.
    await service.repositories.kudos.add({
      tenantId: OTHER_TENANT,
      teamId: TEAM_ID,
      kudosId: 'x1',
      fromUserId: 'a',
      toUserId: 'b',
      message: 'Elsewhere',
      createdAt: '2026-11-26T10:00:00.000Z',
    });

    const res = await call<KudosWallResponse>('GET', kudos, 'ann');
    expect(res.status).toBe(200);
    expect(res.body.kudos.map((k) => k.kudosId)).toEqual(['k2', 'k3', 'k1']);
    expect(res.body.kudos[0]).toEqual({
      kudosId: 'k2',
      from: { userId: people.bob.aadObjectId, displayName: 'Bob Builder' },
      to: { userId: people.cleo.aadObjectId, displayName: 'Cleo Curious' },
      message: 'Bedankt voor je hulp!',
      createdAt: '2026-11-25T10:00:00.000Z',
    });
    expect(res.body.kudos[1]?.to).toEqual({ userId: 'gone-user', displayName: '' });
    expect(res.body.kudos[2]?.session).toEqual({ sessionId, title: 'Kudos session' });
    expect(JSON.stringify(res.body)).not.toMatch(/count|total|rank/i);

    expect((await call<KudosWallResponse>('GET', `${kudos}?limit=1`, 'ann')).body.kudos.map((k) => k.kudosId)).toEqual(['k2']);
    for (const bad of ['0', '51', 'ten', '-1', '2.5']) {
      const r = await call<ApiError>('GET', `${kudos}?limit=${bad}`, 'ann');
      because(bad, () => expect(r.status).toBe(400));
      expect(r.body.error.code).toBe('invalid_limit');
    }
  });

  it('tenant isolation and unknown teams', async () => {
    expect((await call<ApiError>('GET', kudos, 'otherOwner')).status).toBe(404);
    expect((await call<ApiError>('GET', '/teams/19:unknown@thread.tacv2/kudos', 'ann')).status).toBe(404);
  });
});
