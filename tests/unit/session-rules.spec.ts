import { describe, expect, it } from '@jest/globals';
import { escapeIcsText, foldIcsLine, sessionCalendar } from '../../bot/src/domain/sessions/calendar-file';
import { suggestDiscussionLeader } from '../../bot/src/domain/sessions/discussion-leader';
import { firstInLine, planRsvp } from '../../bot/src/domain/rsvp/rsvp-rules';
import type { LearningSession, Rsvp } from '../../bot/src/domain/sessions/session';
import { createSessionLinks } from '../../bot/src/domain/sessions/session-links';
import { occurrenceStarts, rsvpClosedReason, sessionsFromDraft, validateSessionInput } from '../../bot/src/domain/sessions/session-rules';
import type { SessionProblemCode } from '../../bot/src/domain/sessions/session-rules';
import { parseWallTime, toDateAndTimeInputs } from '../../bot/src/domain/shared/zoned-time';

const NOW = new Date('2026-11-27T12:00:00.000Z');
const TZ = 'Europe/Amsterdam';
const ctx = { now: NOW, timeZone: TZ, channels: [{ channelId: '19:general', name: 'General' }] };
const valid = { title: 'Intro to TypeScript', date: '2026-12-03', time: '14:00', durationMinutes: 60 };

function session(overrides: Partial<LearningSession> = {}): LearningSession {
  return {
    tenantId: 't',
    teamId: 'team',
    sessionId: 's1',
    title: 'T',
    description: '',
    skills: [],
    format: 'talk',
    startsAt: '2026-12-03T13:00:00.000Z',
    durationMinutes: 60,
    capacity: null,
    hostId: 'host',
    teacherIds: [],
    status: 'scheduled',
    openToOrganisation: false,
    counts: { yes: 0, maybe: 0, no: 0 },
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}

describe('validateSessionInput', () => {
  it('accepts a valid form and reads date + time in the team’s zone', () => {
    const result = validateSessionInput(valid, ctx);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.draft.startsAt).toBe('2026-12-03T13:00:00.000Z'); // 14:00 Amsterdam in winter = 13:00 UTC
      expect(result.draft.capacity).toBeNull();
      expect(result.draft.recurrence).toBe('none');
    }
  });

  const cases: [string, Record<string, unknown>, string, SessionProblemCode][] = [
    ['empty title', { ...valid, title: '   ' }, 'title', 'titleRequired'],
    ['missing title', { date: valid.date, time: valid.time }, 'title', 'titleRequired'],
    ['title of 121 characters', { ...valid, title: 'x'.repeat(121) }, 'title', 'titleTooLong'],
    ['description of 2001 characters', { ...valid, description: 'x'.repeat(2001) }, 'description', 'descriptionTooLong'],
    ['unknown format', { ...valid, format: 'party' }, 'format', 'formatUnknown'],
    ['no start', { title: 'x' }, 'startsAt', 'startRequired'],
    ['date without time', { title: 'x', date: '2026-12-03' }, 'startsAt', 'startRequired'],
    ['31 February', { ...valid, date: '2027-02-31' }, 'startsAt', 'startInvalid'],
    ['a start in the past', { ...valid, date: '2026-11-01' }, 'startsAt', 'startInPast'],
    ['an ISO start in the past', { title: 'x', startsAt: '2020-01-01T10:00:00Z' }, 'startsAt', 'startInPast'],
    ['nonsense ISO', { title: 'x', startsAt: 'tomorrow' }, 'startsAt', 'startInvalid'],
    [
      'end before start',
      { title: 'x', startsAt: '2026-12-03T13:00:00Z', endsAt: '2026-12-03T12:00:00Z' },
      'durationMinutes',
      'endBeforeStart',
    ],
    [
      'end equal to start',
      { title: 'x', startsAt: '2026-12-03T13:00:00Z', endsAt: '2026-12-03T13:00:00Z' },
      'durationMinutes',
      'endBeforeStart',
    ],
    ['4 minutes', { ...valid, durationMinutes: 4 }, 'durationMinutes', 'durationOutOfRange'],
    ['481 minutes', { ...valid, durationMinutes: 481 }, 'durationMinutes', 'durationOutOfRange'],
    ['capacity 0', { ...valid, capacity: 0 }, 'capacity', 'capacityNotPositive'],
    ['capacity -3', { ...valid, capacity: -3 }, 'capacity', 'capacityNotPositive'],
    ['capacity 2.5', { ...valid, capacity: 2.5 }, 'capacity', 'capacityNotPositive'],
    ['http link', { ...valid, onlineUrl: 'http://meet.example.com' }, 'onlineUrl', 'linkNotHttps'],
    ['javascript link', { ...valid, onlineUrl: 'javascript:alert(1)' }, 'onlineUrl', 'linkNotHttps'],
    ['11 skills', { ...valid, skills: Array.from({ length: 11 }, (_, i) => `s${i}`) }, 'skills', 'skillsInvalid'],
    ['unknown recurrence', { ...valid, recurrence: 'daily' }, 'recurrence', 'recurrenceUnknown'],
    ['a channel of another team', { ...valid, channelId: '19:elsewhere' }, 'channelId', 'channelUnknown'],
  ];

  it.each(cases)('names the problem: %s', (_name, input, field, code) => {
    const result = validateSessionInput(input, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ field, code });
  });

  it('names every problem at once', () => {
    const result = validateSessionInput(
      { title: '', date: '2020-01-01', time: '10:00', capacity: 0, durationMinutes: 1000, onlineUrl: 'ftp://x' },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.code).sort()).toEqual([
        'capacityNotPositive',
        'durationOutOfRange',
        'linkNotHttps',
        'startInPast',
        'titleRequired',
      ]);
  });

  it('takes card inputs as strings (numbers, toggles, multi-selects)', () => {
    const result = validateSessionInput(
      { ...valid, capacity: '12', durationMinutes: '90', openToOrganisation: 'true', teacherIds: 'a,b', skills: 'TypeScript, Testing' },
      ctx,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.draft).toMatchObject({
        capacity: 12,
        durationMinutes: 90,
        openToOrganisation: true,
        teacherIds: ['a', 'b'],
        skills: ['TypeScript', 'Testing'],
      });
    }
  });

  it('on edit keeps what is not given and allows an unchanged start that has passed', () => {
    const current = session({ startsAt: '2026-11-27T11:30:00.000Z', title: 'Old' });
    const result = validateSessionInput({ title: 'New' }, { ...ctx, current });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.draft).toMatchObject({ title: 'New', startsAt: current.startsAt, durationMinutes: 60 });
  });
});

describe('series', () => {
  it.each([
    ['weekly', ['2026-12-03T13:00:00.000Z', '2026-12-10T13:00:00.000Z', '2026-12-17T13:00:00.000Z']],
    ['biweekly', ['2026-12-03T13:00:00.000Z', '2026-12-17T13:00:00.000Z', '2026-12-31T13:00:00.000Z']],
  ] as const)('%s keeps the wall-clock time', (recurrence, first3) => {
    const starts = occurrenceStarts('2026-12-03T13:00:00.000Z', recurrence, TZ);
    expect(starts).toHaveLength(8);
    expect(starts.slice(0, 3)).toEqual(first3);
  });

  it('monthly keeps 14:00 Amsterdam across the DST change and clamps the 31st', () => {
    const starts = occurrenceStarts('2027-01-31T13:00:00.000Z', 'monthly', TZ);
    expect(starts.slice(0, 4)).toEqual([
      '2027-01-31T13:00:00.000Z',
      '2027-02-28T13:00:00.000Z',
      '2027-03-31T12:00:00.000Z',
      '2027-04-30T12:00:00.000Z',
    ]);
  });

  it('gives every occurrence its own id and one shared seriesId', () => {
    let n = 0;
    const result = validateSessionInput({ ...valid, recurrence: 'weekly' }, ctx);
    if (!result.ok) throw new Error('valid');
    const sessions = sessionsFromDraft(result.draft, { tenantId: 't', teamId: 'team', hostId: 'h', newId: () => `id${(n += 1)}` }, TZ, NOW);
    expect(sessions).toHaveLength(8);
    expect(new Set(sessions.map((s) => s.sessionId)).size).toBe(8);
    expect(new Set(sessions.map((s) => s.seriesId))).toEqual(new Set(['id1']));
  });
});

describe('zoned time', () => {
  it('reads summer and winter time', () => {
    expect(parseWallTime('2026-07-01', '09:30', TZ)?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(parseWallTime('2026-12-01', '09:30', TZ)?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(toDateAndTimeInputs(new Date('2026-07-01T07:30:00Z'), TZ)).toEqual({ date: '2026-07-01', time: '09:30' });
    expect(parseWallTime('2026-13-01', '09:30', TZ)).toBeUndefined();
  });
});

describe('suggestDiscussionLeader', () => {
  const members = [
    { userId: 'host', displayName: 'Hanna' },
    { userId: 'a', displayName: 'Anouk' },
    { userId: 'b', displayName: 'Bram' },
    { userId: 'c', displayName: 'Chris' },
  ];
  it('picks who never had a role, ties by name, never the host', () => {
    const sessions = [session({ hostId: 'host', teacherIds: ['a'], startsAt: '2026-10-01T10:00:00Z' })];
    expect(suggestDiscussionLeader(members, sessions, 'host')?.userId).toBe('b');
  });
  it('otherwise who has gone longest without any role; cancelled sessions do not count', () => {
    const sessions = [
      session({ sessionId: '1', hostId: 'a', startsAt: '2026-09-01T10:00:00Z' }),
      session({ sessionId: '2', hostId: 'host', discussionLeaderId: 'b', startsAt: '2026-10-01T10:00:00Z' }),
      session({ sessionId: '3', hostId: 'host', teacherIds: ['c'], startsAt: '2026-11-01T10:00:00Z' }),
      session({ sessionId: '4', hostId: 'host', discussionLeaderId: 'a', startsAt: '2026-11-10T10:00:00Z', status: 'cancelled' }),
    ];
    expect(suggestDiscussionLeader(members, sessions, 'host')?.userId).toBe('a');
    expect(suggestDiscussionLeader(members, sessions, 'a')?.userId).toBe('b');
  });
  it('suggests nobody when the host is alone', () => {
    expect(suggestDiscussionLeader([{ userId: 'host', displayName: 'H' }], [], 'host')).toBeUndefined();
  });
});

describe('planRsvp (capacity and waitlist)', () => {
  const yes = { response: 'yes' as const };
  it('waitlists a yes beyond the capacity', () => {
    expect(planRsvp({ yes: 2, maybe: 0, no: 0 }, 2, undefined, 'yes')).toMatchObject({
      waitlisted: true,
      counts: { yes: 2, waitlisted: 1 },
    });
    expect(planRsvp({ yes: 1, maybe: 0, no: 0 }, 2, undefined, 'yes')).toMatchObject({
      waitlisted: false,
      counts: { yes: 2, waitlisted: 0 },
    });
  });
  it('promotes the first in line when a confirmed yes drops out', () => {
    expect(planRsvp({ yes: 2, maybe: 0, no: 0, waitlisted: 1 }, 2, yes, 'no')).toMatchObject({
      promoteFirst: true,
      counts: { yes: 2, no: 1, waitlisted: 0 },
    });
  });
  it('promotes nobody when someone leaves the waitlist', () => {
    expect(planRsvp({ yes: 2, maybe: 0, no: 0, waitlisted: 2 }, 2, { response: 'yes', waitlisted: true }, 'maybe')).toMatchObject({
      promoteFirst: false,
      counts: { yes: 2, maybe: 1, waitlisted: 1 },
    });
  });
  it('keeps a repeated answer as it is', () => {
    expect(planRsvp({ yes: 2, maybe: 0, no: 0, waitlisted: 1 }, 2, { response: 'yes', waitlisted: true }, 'yes')).toMatchObject({
      unchanged: true,
      waitlisted: true,
    });
  });
  it('orders the line by time, then id', () => {
    const r = (userId: string, respondedAt: string, waitlisted = true): Rsvp => ({
      tenantId: 't',
      teamId: 'x',
      sessionId: 's',
      userId,
      response: 'yes',
      respondedAt,
      waitlisted,
    });
    expect(firstInLine([r('b', '2026-01-02'), r('c', '2026-01-01'), r('a', '2026-01-02'), r('z', '2025-01-01', false)], 'c')?.userId).toBe(
      'a',
    );
  });
});

describe('rsvpClosedReason', () => {
  it('refuses cancelled and started sessions', () => {
    expect(rsvpClosedReason(session({ status: 'cancelled' }), NOW)).toBe('cancelled');
    expect(rsvpClosedReason(session({ startsAt: '2026-11-27T11:59:00Z' }), NOW)).toBe('past');
    expect(rsvpClosedReason(session(), NOW)).toBeUndefined();
  });
});

describe('calendar file (RFC 5545)', () => {
  it('escapes text and folds long lines at 75 octets without splitting characters', () => {
    expect(escapeIcsText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = foldIcsLine(`SUMMARY:${'é'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });
  it('writes one VEVENT in UTC', () => {
    const ics = sessionCalendar(
      session({ title: 'Tests, tips; tricks', place: 'Room 1', onlineUrl: 'https://meet.example/x' }),
      NOW,
      'peerlearn.example',
    );
    expect(ics).toContain('DTSTART:20261203T130000Z\r\n');
    expect(ics).toContain('DTEND:20261203T140000Z\r\n');
    expect(ics).toContain('DTSTAMP:20261127T120000Z\r\n');
    expect(ics).toContain('UID:s1@peerlearn.example\r\n');
    expect(ics).toContain('SUMMARY:Tests\\, tips\\; tricks\r\n');
    expect(ics).toContain('URL:https://meet.example/x');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  });
});

describe('session links', () => {
  it('signs calendar links and refuses altered ones', async () => {
    const links = createSessionLinks({ publicUrl: 'https://pl.example/', secret: 'x'.repeat(40) });
    const url = new URL(await links.calendarUrl('tenant', '19:team@thread', 's1'));
    expect(url.pathname).toBe('/api/v1/teams/19%3Ateam%40thread/sessions/s1/calendar.ics');
    const token = url.searchParams.get('token') ?? '';
    expect(await links.verifyCalendarToken('tenant', '19:team@thread', 's1', token)).toBe(true);
    expect(await links.verifyCalendarToken('tenant', '19:team@thread', 's2', token)).toBe(false);
    expect(await links.verifyCalendarToken('other', '19:team@thread', 's1', token)).toBe(false);
    const other = createSessionLinks({ publicUrl: 'https://pl.example', secret: 'y'.repeat(40) });
    expect(await other.verifyCalendarToken('tenant', '19:team@thread', 's1', token)).toBe(false);
  });
});
