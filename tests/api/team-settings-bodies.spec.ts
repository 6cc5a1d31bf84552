import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readConfig } from '../../bot/src/config';
import type { ApiError, TeamSettingsResponse } from '../../bot/src/api/contract';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, quietLogger, startTestService } from '../support/service';
import { TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

/**
 * PUT team settings through its zod schema (api/teams/team-settings-bodies.ts): an oversized or
 * malformed body from an owner is a 400 `invalid_settings` naming the field with the domain's own
 * code, never a 500, and the team is left as it was.
 */
const now = new Date();
const huge = (n: number) => 'x'.repeat(n);
let service: RunningService;
let owner = '';

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => now);
  await seedTeam(service.repositories, now);
  owner = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: people.host.aadObjectId, name: people.host.name });
});
afterAll(async () => {
  await service?.close();
});

const settings = `/teams/${encodeURIComponent(TEAM_ID)}/settings`;
const put = <T>(body: unknown) => callApi<T>(service, owner, 'PUT', settings, body);

describe('team settings body at the API edge', () => {
  it.each<[string, unknown, string, string]>([
    ['a 60,000-character time zone', { timeZone: huge(60_000) }, 'timeZone', 'time_zone_unknown'],
    ['a time zone that is a number', { timeZone: 42 }, 'timeZone', 'time_zone_unknown'],
    ['a 60,000-character language', { locale: huge(60_000) }, 'locale', 'locale_unsupported'],
    ['10,000 reminders', { reminderMinutes: Array.from({ length: 10_000 }, (_, i) => i + 5) }, 'reminderMinutes', 'reminders_too_many'],
    ['reminders as one long text', { reminderMinutes: huge(60_000) }, 'reminderMinutes', 'reminders_not_a_list'],
    ['a reminder as a long text', { reminderMinutes: [huge(60_000)] }, 'reminderMinutes', 'reminder_not_whole'],
    ['a reminder of half a minute', { reminderMinutes: [30.5] }, 'reminderMinutes', 'reminder_not_whole'],
    ['5,000 unknown keys', Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])), 'body', 'unknown_field'],
  ])('%s: 400 naming %s (%s), nothing stored', async (_what, body, field, code) => {
    const before = await service.repositories.teams.get(PLAYGROUND_TENANT, TEAM_ID);
    const res = await put<ApiError>(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_settings');
    expect(res.body.error.problems).toContainEqual({ field, code });
    expect(res.body.error.fields?.[field]).toBeTruthy();
    expect(await service.repositories.teams.get(PLAYGROUND_TENANT, TEAM_ID)).toEqual(before);
  });

  it('names every problem at once: the edge’s and the domain’s', async () => {
    const res = await put<ApiError>({ timeZone: huge(1_000), locale: 'de', reminderMinutes: [15, 15], colour: 'red' });
    expect(res.body.error.problems).toEqual(
      expect.arrayContaining([
        { field: 'timeZone', code: 'time_zone_unknown' },
        { field: 'locale', code: 'locale_unsupported' },
        { field: 'reminderMinutes', code: 'reminders_duplicate' },
        { field: 'colour', code: 'unknown_field' },
      ]),
    );
  });

  it('still takes a good body', async () => {
    const res = await put<TeamSettingsResponse>({ reminderMinutes: [60, 1440], timeZone: 'Europe/Amsterdam', locale: 'nl' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ reminderMinutes: [1440, 60], timeZone: 'Europe/Amsterdam', locale: 'nl' });
  });

  it('logged no unhandled error', () => {
    expect(quietLogger.errors.filter((e) => e.includes('unhandled'))).toEqual([]);
  });
});
