import { describe, expect, it } from '@jest/globals';
import type { Feedback, LearningSession, Rsvp } from '../../bot/src/domain/sessions/session';
import type { MemberProfile } from '../../bot/src/domain/experts/member';
import type { PeriodRollup } from '../../bot/src/domain/insights/insights-repositories';
import { foldSession, rollUp } from '../../bot/src/domain/insights/session-fold';
import { feedbackOf, feedbackPoint, participationPoints, totalsOf, trendOf } from '../../bot/src/domain/insights/insights-figures';
import { periodsBetween } from '../../bot/src/domain/insights/periods';
import { quietMembers, skillsMatrix } from '../../bot/src/domain/insights/skills-matrix';

const now = new Date();
const hoursAgo = (h: number): string => new Date(now.getTime() - h * 3600_000).toISOString();

const session: LearningSession = {
  tenantId: 't',
  teamId: 'team',
  sessionId: 's1',
  title: 'Kubernetes basics',
  description: '',
  skills: ['kubernetes', 'K8s', 'Power BI', 'power-bi'],
  format: 'talk',
  startsAt: hoursAgo(3),
  durationMinutes: 60,
  capacity: 3,
  hostId: 'host',
  teacherIds: ['co'],
  status: 'scheduled',
  openToOrganisation: false,
  counts: { yes: 3, maybe: 1, no: 1 },
  createdAt: hoursAgo(100),
  updatedAt: hoursAgo(100),
};

const rsvp = (userId: string, response: Rsvp['response'], waitlisted = false): Rsvp => ({
  tenantId: 't',
  teamId: 'team',
  sessionId: 's1',
  userId,
  response,
  respondedAt: hoursAgo(50),
  ...(waitlisted ? { waitlisted } : {}),
});
const feedback = (userId: string, rating: number, learned: boolean): Feedback => ({
  tenantId: 't',
  teamId: 'team',
  sessionId: 's1',
  userId,
  rating,
  learnedSomethingNew: learned,
  willApply: '',
  submittedAt: hoursAgo(1),
});

describe('the session fold', () => {
  it('teachers are host and co-teachers; attendees confirmed yes, not waitlisted, not teaching; skills as expert search names them', () => {
    const fact = foldSession(
      session,
      [rsvp('ann', 'yes'), rsvp('bob', 'yes'), rsvp('co', 'yes'), rsvp('cas', 'yes', true), rsvp('dee', 'maybe'), rsvp('eva', 'no')],
      [feedback('ann', 4, true), feedback('bob', 5, false)],
      now,
    );
    expect(fact.teacherIds).toEqual(['host', 'co']);
    expect(fact.attendeeIds).toEqual(['ann', 'bob']);
    expect(fact.skills).toEqual(['Kubernetes', 'Power BI']);
    expect(fact.feedback).toEqual({ answers: 2, ratingSum: 9, learnedYes: 1 });
  });

  it('a period rolls up its facts: sums, distinct sets, skills', () => {
    const a = foldSession(session, [rsvp('ann', 'yes'), rsvp('bob', 'yes')], [feedback('ann', 4, true)], now);
    const b = foldSession(
      { ...session, sessionId: 's2', hostId: 'ann', teacherIds: [], skills: ['Kubernetes'] },
      [rsvp('bob', 'yes')],
      [],
      now,
    );
    const row = rollUp({ tenantId: 't', teamId: 'team', granularity: 'week', period: '2026-W01', startsAt: hoursAgo(10) }, [a, b]);
    expect(row).toMatchObject({ sessionsHeld: 2, attendances: 3, learnerIds: ['ann', 'bob'], teacherIds: ['ann', 'co', 'host'] });
    expect(row.bySkill).toEqual({
      Kubernetes: { answers: 1, ratingSum: 4, learnedYes: 1, sessions: 2 },
      'Power BI': { answers: 1, ratingSum: 4, learnedYes: 1, sessions: 1 },
    });
  });
});

const rollup = (
  period: string,
  startsAt: string,
  attendances: number,
  learners: string[],
  extra: Partial<PeriodRollup> = {},
): PeriodRollup => ({
  tenantId: 't',
  teamId: 'team',
  granularity: 'month',
  period,
  startsAt,
  sessionsHeld: 1,
  attendances,
  learnerIds: learners,
  teacherIds: ['host'],
  feedback: { answers: 0, ratingSum: 0, learnedYes: 0 },
  bySkill: {},
  ...extra,
});

describe('participation, trend and feedback', () => {
  const months = periodsBetween(new Date('2026-01-10T00:00:00Z'), new Date('2026-05-10T00:00:00Z'), 'month', 'Europe/Amsterdam');
  const after = new Date('2026-06-01T00:00:00Z');

  it('every period of the range is a point, zeros included; totals are unions', () => {
    const rows = [
      rollup('2026-02', months[1]?.startsAt.toISOString() ?? '', 3, ['a', 'b']),
      rollup('2026-04', months[3]?.startsAt.toISOString() ?? '', 2, ['b', 'c']),
    ];
    const points = participationPoints(months, rows);
    expect(points.map((p) => [p.period, p.sessionsHeld, p.attendances, p.distinctLearners])).toEqual([
      ['2026-01', 0, 0, 0],
      ['2026-02', 1, 3, 2],
      ['2026-03', 0, 0, 0],
      ['2026-04', 1, 2, 2],
      ['2026-05', 0, 0, 0],
    ]);
    expect(totalsOf(rows)).toEqual({ sessionsHeld: 2, attendances: 5, distinctLearners: 3, distinctTeachers: 1 });
  });

  it('trend: last complete period against the average before it, ±10% flat, fewer than three unknown', () => {
    const withAttendances = (values: number[]) =>
      participationPoints(
        months,
        values.map((n, i) => rollup(months[i]?.key ?? '', months[i]?.startsAt.toISOString() ?? '', n, [])),
      );
    expect(trendOf(withAttendances([10, 10, 10, 10, 12]), months, after)).toBe('up');
    expect(trendOf(withAttendances([10, 10, 10, 10, 11]), months, after)).toBe('flat');
    expect(trendOf(withAttendances([10, 10, 10, 10, 8]), months, after)).toBe('down');
    // Only January and February are over on 15 March: unknown.
    expect(trendOf(withAttendances([10, 10, 10, 10, 8]), months, new Date('2026-03-15T00:00:00Z'))).toBe('unknown');
  });

  it('feedback averages only from three answers on; the count always', () => {
    expect(feedbackPoint('2026-01', { answers: 2, ratingSum: 9, learnedYes: 2 })).toEqual({ key: '2026-01', answers: 2 });
    expect(feedbackPoint('2026-01', { answers: 3, ratingSum: 13, learnedYes: 2 })).toEqual({
      key: '2026-01',
      answers: 3,
      averageRating: 4.33,
      learnedRate: 0.67,
    });
    const rows = [
      rollup('2026-02', months[1]?.startsAt.toISOString() ?? '', 3, [], {
        feedback: { answers: 3, ratingSum: 12, learnedYes: 3 },
        bySkill: {
          Go: { answers: 3, ratingSum: 12, learnedYes: 3, sessions: 1 },
          Rust: { answers: 1, ratingSum: 5, learnedYes: 0, sessions: 1 },
        },
      }),
    ];
    const figures = feedbackOf(months, rows);
    expect(figures.byMonth.map((p) => p.answers)).toEqual([0, 3, 0, 0, 0]);
    expect(figures.bySkill).toEqual([
      { key: 'Go', answers: 3, averageRating: 4, learnedRate: 1 },
      { key: 'Rust', answers: 1 },
    ]);
    expect(figures.overall).toEqual({ key: 'all', answers: 3, averageRating: 4, learnedRate: 1 });
  });
});

const profile = (userId: string, teaches: [string, 1 | 2 | 3][], wants: string[]): MemberProfile => ({
  tenantId: 't',
  userId,
  displayName: userId.toUpperCase(),
  bio: '',
  teaches: teaches.map(([name, level]) => ({ name, level })),
  wants,
  languages: [],
  availability: '',
  createdAt: hoursAgo(1),
  updatedAt: hoursAgo(1),
});

describe('skills matrix and quiet members', () => {
  it('gaps are skills wanted by someone and taught by nobody or one person', () => {
    const people = [
      {
        userId: 'a',
        displayName: 'Ann',
        profile: profile(
          'a',
          [
            ['Go', 3],
            ['Kubernetes', 2],
          ],
          ['rust'],
        ),
      },
      { userId: 'b', displayName: 'Bob', profile: profile('b', [['golang', 1]], ['K8s', 'Rust']) },
      { userId: 'c', displayName: 'Cas' },
    ];
    const matrix = skillsMatrix(people);
    expect(matrix.skills).toEqual(['Go', 'Kubernetes', 'Rust']);
    expect(matrix.people.map((p) => p.displayName)).toEqual(['Ann', 'Bob', 'Cas']);
    expect(matrix.cells[1]).toEqual([
      { teachLevel: 1, wants: false },
      { teachLevel: 0, wants: true },
      { teachLevel: 0, wants: true },
    ]);
    expect(matrix.gaps).toEqual([
      { skill: 'Kubernetes', wantedBy: 1, teachers: 1 },
      { skill: 'Rust', wantedBy: 2, teachers: 0 },
    ]);
  });

  it('quiet: in no recent week set; last took part from the latest week of the year', () => {
    const week = (startsAt: string, learners: string[]) =>
      rollup('2026-W01', startsAt, learners.length, learners, { granularity: 'week', teacherIds: [] });
    const year = [week(hoursAgo(24 * 60), ['a', 'b']), week(hoursAgo(24 * 30), ['a']), week(hoursAgo(24 * 3), ['c'])];
    const people = ['a', 'b', 'c', 'd'].map((userId) => ({ userId, displayName: userId }));
    expect(quietMembers(people, year.slice(2), year)).toEqual([
      { userId: 'a', displayName: 'a', lastTookPartAt: hoursAgo(24 * 30) },
      { userId: 'b', displayName: 'b', lastTookPartAt: hoursAgo(24 * 60) },
      { userId: 'd', displayName: 'd' },
    ]);
  });
});
