import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ApiError, TeamSessionsResponse } from '../../bot/src/api/contract';
import type { LearningSession } from '../../bot/src/domain/sessions/session';
import type { RunningService } from '../../bot/src/server';
import { PLAYGROUND_TENANT } from '../support/activities';
import { devToken, getJson, startTestService } from '../support/service';
import { TEAM_ID, people, seedTeam } from '../support/bot/session-fixtures';

const NOW = new Date('2026-11-27T12:00:00Z');
const MINUTE = 60_000;
const path = `/api/v1/teams/${encodeURIComponent(TEAM_ID)}/sessions`;

let service: RunningService;
let token: string;

function session(
  sessionId: string,
  startsInMinutes: number,
  durationMinutes: number,
  extra: Partial<LearningSession> = {},
): LearningSession {
  const at = NOW.toISOString();
  return {
    tenantId: PLAYGROUND_TENANT,
    teamId: TEAM_ID,
    sessionId,
    title: sessionId,
    description: '',
    skills: [],
    format: 'talk',
    startsAt: new Date(NOW.getTime() + startsInMinutes * MINUTE).toISOString(),
    durationMinutes,
    capacity: null,
    hostId: people.host.aadObjectId,
    teacherIds: [people.ann.aadObjectId],
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 0, maybe: 0, no: 0 },
    createdAt: at,
    updatedAt: at,
    ...extra,
  };
}

beforeAll(async () => {
  service = await startTestService({ seedDemo: false }, () => NOW);
  await seedTeam(service.repositories, NOW);
  const days = (n: number) => n * 24 * 60;
  await service.repositories.sessions.putMany([
    session('running', -30, 60), // started half an hour ago, ends in half an hour: still on the board
    session('just-ended', -61, 60),
    session('long-running', -479, 480), // the longest session allowed, one minute left
    session('tomorrow', days(1), 45),
    session('cancelled-soon', days(2), 45, { status: 'cancelled' }),
    // Thirty past sessions over the last months, two of them starting at the same moment.
    ...Array.from({ length: 30 }, (_, i) => session(`past-${String(i).padStart(2, '0')}`, -days(i + 1), 60)),
    session('past-twin', -days(5), 60),
  ]);
  token = await devToken(service, { tenantId: PLAYGROUND_TENANT, userId: people.cleo.aadObjectId, name: people.cleo.name });
});
afterAll(async () => {
  await service?.close();
});

describe('the board: upcoming first, the past on demand', () => {
  it('answers only what has not ended, soonest first, and says there is more', async () => {
    const { status, body } = await getJson<TeamSessionsResponse>(service, path, token);
    expect(status).toBe(200);
    expect(body.sessions.map((s) => s.sessionId)).toEqual(['long-running', 'running', 'tomorrow']);
    expect(body.sessions.every((s) => s.upcoming)).toBe(true);
    expect(body.hasPast).toBe(true);
    expect(body.upcomingCount).toBe(3);
    expect(body.nextCursor).toBeUndefined();
    expect(body.sessions[0]?.teachers).toEqual([{ userId: people.ann.aadObjectId, displayName: people.ann.name }]);
  });

  it('pages the upcoming sessions too, soonest first, with the total', async () => {
    const first = await getJson<TeamSessionsResponse>(service, `${path}?limit=2`, token);
    expect(first.body.sessions.map((s) => s.sessionId)).toEqual(['long-running', 'running']);
    expect(first.body.upcomingCount).toBe(3);
    expect(first.body.nextCursor).toBeDefined();
    const next = await getJson<TeamSessionsResponse>(
      service,
      `${path}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? '')}`,
      token,
    );
    expect(next.body.sessions.map((s) => s.sessionId)).toEqual(['tomorrow']);
    expect(next.body.nextCursor).toBeUndefined();
  });

  it('pages through every past and cancelled session once, most recent first', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ when: 'past', limit: '7', ...(cursor ? { cursor } : {}) });
      const { status, body } = await getJson<TeamSessionsResponse>(service, `${path}?${query.toString()}`, token);
      expect(status).toBe(200);
      expect(body.sessions.length).toBeLessThanOrEqual(7);
      expect(body.hasPast).toBeUndefined();
      seen.push(...body.sessions.map((s) => s.sessionId));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(pages).toBe(5); // 33 sessions, 7 a page
    expect(new Set(seen).size).toBe(33);
    expect(seen.slice(0, 3)).toEqual(['cancelled-soon', 'just-ended', 'past-00']);
    expect(seen).toContain('past-twin');
    expect(seen).not.toContain('running');
  });

  it('a team with only upcoming sessions has nothing folded away', async () => {
    const otherTeam = '19:fresh-team@thread.tacv2';
    await seedTeam(service.repositories, NOW, PLAYGROUND_TENANT, otherTeam);
    await service.repositories.sessions.putMany([session('soon', 60, 30, { teamId: otherTeam })]);
    const { body } = await getJson<TeamSessionsResponse>(service, `/api/v1/teams/${encodeURIComponent(otherTeam)}/sessions`, token);
    expect(body.sessions.map((s) => s.sessionId)).toEqual(['soon']);
    expect(body.hasPast).toBe(false);
  });

  it('explains a bad limit, cursor or when', async () => {
    for (const [query, code] of [
      ['when=later', 'invalid_when'],
      ['when=past&limit=0', 'invalid_limit'],
      ['limit=500', 'invalid_limit'],
      ['cursor=2026', 'invalid_cursor'],
      ['when=past&limit=101', 'invalid_limit'],
      ['when=past&limit=ten', 'invalid_limit'],
      ['when=past&cursor=nonsense', 'invalid_cursor'],
      ["when=past&cursor=2026-01-01T00:00:00.000Z_x' or 1 eq 1", 'invalid_cursor'],
    ] as const) {
      const { status, body } = await getJson<ApiError>(service, `${path}?${encodeURI(query)}`, token);
      expect([query, status]).toEqual([query, 400]);
      expect(body.error.code).toBe(code);
    }
  });
});
