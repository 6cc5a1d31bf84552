import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, CreateSessionResponse, PlanningResponse } from '../../bot/src/api/contract';
import { readConfig } from '../../bot/src/config';
import { SERIES_OCCURRENCES_MAX } from '../../bot/src/domain/sessions/session-limits';
import { toDateAndTimeInputs } from '../../bot/src/domain/shared/zoned-time';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { callApi, devToken, startTestService } from '../support/service';
import { CHANNEL_ID, TEAM_ID, people, seedTeam, withoutWorker } from '../support/bot/session-fixtures';

// Planned early next year (relative to now); the team plans in Amsterdam time (the default setting).
const PLANNED_AT = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 0, 7, 8, 0));
const TZ = 'Europe/Amsterdam';

let service: RunningService;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  service = await startTestService(withoutWorker(readConfig({ NODE_ENV: 'test' })), () => PLANNED_AT);
  await seedTeam(service.repositories, PLANNED_AT);
  for (const [key, p] of Object.entries(people))
    tokens[key] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: p.aadObjectId, name: p.name });
  tokens['outsider'] = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: 'outsider-1', name: 'Otto Outside' });
});
afterAll(async () => {
  await service?.close();
});

const call = <T>(method: string, path: string, who: string, body?: unknown) => callApi<T>(service, tokens[who], method, path, body);
const team = `/teams/${encodeURIComponent(TEAM_ID)}`;
const day = (daysAfterPlanning: number) => toDateAndTimeInputs(new Date(PLANNED_AT.getTime() + daysAfterPlanning * 86_400_000), TZ).date;

describe('GET /teams/:teamId/planning', () => {
  it("gives the plan form the team's channels, members by name, the zone and the fair suggestion", async () => {
    const res = await call<PlanningResponse>('GET', `${team}/planning`, 'host');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      teamId: TEAM_ID,
      teamName: 'Learning team',
      timeZone: TZ,
      channels: [
        { channelId: TEAM_ID, name: 'General' },
        { channelId: CHANNEL_ID, name: 'Leren' },
      ],
    });
    expect(res.body.members.map((m) => m.displayName)).toEqual(['Ann Attendee', 'Bob Builder', 'Cleo Curious', 'Hanna Host']);
    expect(res.body.suggestedLeader).toBeDefined();
    expect(res.body.suggestedLeader?.userId).not.toBe(people.host.aadObjectId);
  });

  it('names nobody to someone outside the team', async () => {
    const res = await call<ApiError>('GET', `${team}/planning`, 'outsider');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('not_member');
  });
});

describe('a series with an end (repeatUntil)', () => {
  const series = (title: string, repeatUntil: string) => ({
    title,
    date: day(7),
    time: '10:00',
    durationMinutes: 45,
    channelId: CHANNEL_ID,
    recurrence: 'weekly',
    repeatUntil,
  });

  it('creates every occurrence up to and including the end date, at the same Amsterdam time', async () => {
    const res = await call<CreateSessionResponse>('POST', `${team}/sessions`, 'host', series('Four weeks of SQL', day(28)));
    expect(res.status).toBe(201);
    const starts = res.body.sessions.map((s) => toDateAndTimeInputs(new Date(s.startsAt), TZ));
    expect(starts).toEqual([7, 14, 21, 28].map((d) => ({ date: day(d), time: '10:00' })));
  });

  it.each([
    ['before the first session', day(3), 'repeatUntilBeforeStart'],
    ['beyond the most occurrences a series may have', day(7 + 7 * SERIES_OCCURRENCES_MAX), 'repeatUntilTooFar'],
    ['not a date', '31-12-2027', 'repeatUntilInvalid'],
  ])('refuses an end %s on its own field, and stores nothing', async (_why, repeatUntil, code) => {
    const before = (await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length;
    const res = await call<ApiError>('POST', `${team}/sessions`, 'host', series(`Refused ${code}`, repeatUntil));
    expect(res.status).toBe(400);
    expect(res.body.error.problems).toEqual([{ field: 'repeatUntil', code }]);
    expect(res.body.error.fields?.['repeatUntil']).toEqual(expect.any(String));
    expect((await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM_ID)).length).toBe(before);
  });

  it('takes the longest allowed end: exactly the maximum number of occurrences', async () => {
    const res = await call<CreateSessionResponse>(
      'POST',
      `${team}/sessions`,
      'host',
      series('Half a year', day(7 + 7 * (SERIES_OCCURRENCES_MAX - 1))),
    );
    expect(res.status).toBe(201);
    expect(res.body.sessions).toHaveLength(SERIES_OCCURRENCES_MAX);
  });
});
