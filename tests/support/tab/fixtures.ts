import type { DevMembersResponse, MeResponse, PlanningResponse, SessionSummary, TeamSessionsResponse } from '../../../bot/src/api/contract';

/**
 * "Now" for the tab tests whose code reads the clock (a `now` prop, or `useFakeDate`): a week
 * before the workshop, so the fixtures' upcoming sessions are upcoming to the tab on any real day.
 */
export const TAB_NOW = new Date('2026-11-27T10:00:00.000Z');

export const tenantId = 'tenant-1';
export const teamId = '19:platform@thread.tacv2';

export const members: DevMembersResponse = {
  members: [
    { tenantId, userId: 'anna-oid', displayName: 'Anna de Vries', locale: 'nl-NL' },
    { tenantId, userId: 'bram-oid', displayName: 'Bram Jansen', locale: 'en-GB' },
  ],
};

export function me(teams: MeResponse['teams'] = [{ teamId, name: 'Platform Team', role: 'member' }]): MeResponse {
  return { tenantId, userId: 'anna-oid', displayName: 'Anna de Vries', bio: '', teaches: [], wants: [], teams };
}

const anna = { userId: 'anna-oid', displayName: 'Anna de Vries' };
const bram = { userId: 'bram-oid', displayName: 'Bram Jansen' };
const chloe = { userId: 'chloe-oid', displayName: 'Chloé Bakker' };

/** The plan form's choices for the fixture team: Amsterdam time, its General and a learning channel, three members. */
export const generalChannelId = teamId;
export const learningChannelId = '19:leren@thread.tacv2';
export function planning(overrides: Partial<PlanningResponse> = {}): PlanningResponse {
  return {
    teamId,
    teamName: 'Platform Team',
    timeZone: 'Europe/Amsterdam',
    channels: [
      { channelId: generalChannelId, name: 'General' },
      { channelId: learningChannelId, name: 'Leren' },
    ],
    members: [anna, bram, chloe],
    plannerId: anna.userId,
    ...overrides,
  };
}

function session(overrides: Partial<SessionSummary> & Pick<SessionSummary, 'sessionId' | 'title'>): SessionSummary {
  return {
    teamId,
    description: '',
    skills: [],
    format: 'talk',
    startsAt: '2026-12-03T13:00:00.000Z',
    durationMinutes: 30,
    capacity: null,
    status: 'scheduled',
    host: anna,
    teachers: [],
    going: 0,
    maybe: 0,
    upcoming: true,
    ...overrides,
  };
}

export const workshop = session({
  sessionId: 's-1',
  title: 'TypeScript generics in practice',
  description: 'Bring a laptop: we refactor a real module together.',
  format: 'workshop',
  // 14:00 in Amsterdam (CET, UTC+1 in December).
  startsAt: '2026-12-03T13:00:00.000Z',
  durationMinutes: 45,
  skills: ['TypeScript', 'React'],
  capacity: 20,
  going: 12,
  maybe: 3,
  place: 'Room 3.14',
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  teachers: [anna, bram],
  discussionLeader: chloe,
});

export const pairing = session({
  sessionId: 's-2',
  title: 'Pairing on Bicep',
  format: 'pair',
  startsAt: '2026-12-10T09:30:00.000Z',
  durationMinutes: 90,
  going: 1,
  host: bram,
  onlineUrl: 'javascript:alert(1)',
});

export const pastLunch = session({
  sessionId: 's-0',
  title: 'Lunch & learn: accessibility basics',
  format: 'lunchAndLearn',
  startsAt: '2026-11-05T11:30:00.000Z',
  durationMinutes: 60,
  going: 9,
  upcoming: false,
});

/** The board's answer: the upcoming ones, and whether there are past ones (fetched with `?when=past`). */
export function teamSessions(sessions: readonly SessionSummary[] = [workshop, pairing, pastLunch]): TeamSessionsResponse {
  return { teamId, teamName: 'Platform Team', sessions: sessions.filter((s) => s.upcoming), hasPast: sessions.some((s) => !s.upcoming) };
}

/** One page of past sessions, as `GET …/sessions?when=past` answers. */
export function pastSessions(sessions: readonly SessionSummary[] = [pastLunch], nextCursor?: string): TeamSessionsResponse {
  return { teamId, teamName: 'Platform Team', sessions, ...(nextCursor ? { nextCursor } : {}) };
}
