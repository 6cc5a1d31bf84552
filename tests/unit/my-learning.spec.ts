import { describe, expect, it } from '@jest/globals';
import { isoWeekIndex, learningStreak } from '../../bot/src/domain/insights/learning-streak';
import { myGoal, mySessions, mySkills } from '../../bot/src/domain/insights/my-learning-parts';
import { historyRows, skillChanges } from '../../bot/src/domain/insights/skill-history';
import type { GoalProgress } from '../../bot/src/domain/insights/goals';
import { profile, rsvp, session } from '../support/storage/fixtures';

// Pure functions of an explicit `now`: the dates below are the fake clock.
const AMS = 'Europe/Amsterdam';

describe('the learning streak (consecutive ISO weeks in the team’s zone)', () => {
  it('runs on across the year end: 2026 has an ISO week 53, then week 1 of 2027', () => {
    const starts = ['2026-12-22T10:00:00Z', '2026-12-30T10:00:00Z', '2027-01-05T10:00:00Z'];
    expect(isoWeekIndex(new Date(starts[1] as string), AMS) + 1).toBe(isoWeekIndex(new Date(starts[2] as string), AMS));
    expect(learningStreak(starts, AMS, new Date('2027-01-07T12:00:00Z'))).toEqual({ weeks: 3, current: true, longest: 3 });
  });

  it('counts the week in the team’s zone, also the night the clocks go back', () => {
    // Monday 26 October 2026, 00:30 in Amsterdam (after DST ended on the Sunday) is still Sunday 23:30 in UTC.
    const starts = ['2026-10-19T10:00:00Z', '2026-10-25T23:30:00Z'];
    expect(learningStreak(starts, AMS, new Date('2026-10-27T12:00:00Z'))).toEqual({ weeks: 2, current: true, longest: 2 });
    expect(learningStreak(starts, 'UTC', new Date('2026-10-27T12:00:00Z'))).toEqual({ weeks: 1, current: true, longest: 1 });
    // And the night they go forward: Monday 30 March 2026, 00:30 CEST is Sunday 22:30 UTC.
    expect(learningStreak(['2026-03-23T10:00:00Z', '2026-03-29T22:30:00Z'], AMS, new Date('2026-03-31T12:00:00Z')).weeks).toBe(2);
  });

  it('last week still counts as current; two weeks without ends it; the longest run is kept', () => {
    const week = (n: number) => new Date(Date.UTC(2026, 0, 5 + 7 * n, 12)).toISOString(); // Mondays from 5 January 2026
    const starts = [week(0), week(1), week(3), week(4), week(5), week(5)];
    expect(learningStreak(starts, AMS, new Date(week(6)))).toEqual({ weeks: 3, current: true, longest: 3 });
    expect(learningStreak(starts, AMS, new Date(week(7)))).toEqual({ weeks: 3, current: false, longest: 3 });
    expect(learningStreak([week(0), week(1), week(2), week(5)], AMS, new Date(week(5)))).toEqual({ weeks: 1, current: true, longest: 3 });
    expect(learningStreak([], AMS, new Date(week(5)))).toEqual({ weeks: 0, current: false, longest: 0 });
  });
});

describe('My learning assembly', () => {
  const NOW = new Date('2026-06-10T12:00:00Z');
  const names = new Map([['team', 'Team']]);

  it('taught: host or teacher; attended: a confirmed yes; started, not cancelled; a session counts once, newest first', () => {
    const s = (id: string, startsAt: string, more = {}) =>
      session('t', 'team', id, { startsAt, hostId: 'h', teacherIds: ['h'], title: id, skills: [], ...more });
    const sessions = [
      s('old', '2026-05-01T10:00:00Z'),
      s('new', '2026-06-01T10:00:00Z'),
      s('mine', '2026-05-20T10:00:00Z', { teacherIds: ['h', 'me'] }),
      s('hosted', '2026-05-21T10:00:00Z', { hostId: 'me', teacherIds: [] }),
      s('future', '2026-06-20T10:00:00Z'),
      s('cancelled', '2026-05-02T10:00:00Z', { status: 'cancelled' }),
      s('waiting', '2026-05-03T10:00:00Z'),
      s('maybe', '2026-05-04T10:00:00Z'),
    ];
    const rsvps = [
      rsvp('t', 'team', 'old', 'me', 'yes'),
      rsvp('t', 'team', 'new', 'me', 'yes'),
      rsvp('t', 'team', 'mine', 'me', 'yes'),
      rsvp('t', 'team', 'future', 'me', 'yes'),
      rsvp('t', 'team', 'cancelled', 'me', 'yes'),
      { ...rsvp('t', 'team', 'waiting', 'me', 'yes'), waitlisted: true },
      rsvp('t', 'team', 'maybe', 'me', 'maybe'),
      rsvp('t', 'team', 'old', 'other', 'yes'),
    ];
    const { taught, attended } = mySessions('me', sessions, rsvps, names, NOW);
    expect(taught.map((v) => [v.sessionId, v.role, v.teamName])).toEqual([
      ['hosted', 'taught', 'Team'],
      ['mine', 'taught', 'Team'],
    ]);
    expect(attended.map((v) => v.sessionId)).toEqual(['new', 'old']);
  });

  it('skills: history since the last time the skill was added; without history one point at the first moment known', () => {
    const p = profile('t', 'me', {
      teaches: [
        { name: 'SQL', level: 3 },
        { name: 'Go', level: 1 },
      ],
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    const pt = (skill: string, level: 0 | 1 | 2 | 3, at: string) => ({ tenantId: 't', userId: 'me', skill, level, at });
    const points = [
      pt('sql', 1, '2026-04-10T00:00:00.000Z'),
      pt('SQL', 0, '2026-04-11T00:00:00.000Z'),
      pt('SQL', 2, '2026-05-01T00:00:00.000Z'),
      pt('SQL', 3, '2026-06-01T00:00:00.000Z'),
    ];
    expect(mySkills(p, points)).toEqual([
      {
        name: 'SQL',
        level: 3,
        history: [
          { level: 2, at: '2026-05-01T00:00:00.000Z' },
          { level: 3, at: '2026-06-01T00:00:00.000Z' },
        ],
        since: '2026-05-01T00:00:00.000Z',
      },
      { name: 'Go', level: 1, history: [{ level: 1, at: '2026-04-01T00:00:00.000Z' }], since: '2026-04-01T00:00:00.000Z' },
    ]);
    expect(mySkills(undefined, points)).toEqual([]);
  });

  it('skill changes and the rows they write: a skill older than the history gets its baseline once', () => {
    const changes = skillChanges(
      [
        { name: 'SQL', level: 1 },
        { name: 'Go', level: 2 },
      ],
      [
        { name: 'sql', level: 2 },
        { name: 'Rust', level: 1 },
      ],
    );
    expect(changes).toEqual([
      { skill: 'sql', level: 2, previous: 1 },
      { skill: 'Rust', level: 1 },
      { skill: 'Go', level: 0, previous: 2 },
    ]);
    const who = { tenantId: 't', userId: 'me' };
    const known = [{ ...who, skill: 'Go', level: 2 as const, at: '2026-01-01T00:00:00.000Z' }];
    expect(historyRows(who, changes, known, '2026-06-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z')).toEqual([
      { ...who, skill: 'sql', level: 1, at: '2026-02-01T00:00:00.000Z' },
      { ...who, skill: 'sql', level: 2, at: '2026-06-01T00:00:00.000Z' },
      { ...who, skill: 'Rust', level: 1, at: '2026-06-01T00:00:00.000Z' },
      { ...who, skill: 'Go', level: 0, at: '2026-06-01T00:00:00.000Z' },
    ]);
  });

  it('my goals: sessions in the goal’s period of that team; skill coverage: whether I teach the skill', () => {
    const progress = (goal: GoalProgress['goal']): GoalProgress => ({
      goal,
      value: 1,
      target: 2,
      from: '2026-06-01T00:00:00.000Z',
      to: '2026-07-01T00:00:00.000Z',
      met: false,
      daysLeft: 20,
    });
    const view = (sessionId: string, startsAt: string, teamId = 'team') =>
      ({ teamId, teamName: '', sessionId, title: '', startsAt, skills: [], role: 'attended' }) as const;
    const mine = [view('a', '2026-06-02T10:00:00Z'), view('b', '2026-05-30T10:00:00Z'), view('c', '2026-06-03T10:00:00Z', 'other')];
    const p = profile('t', 'me', { teaches: [{ name: 'Kubernetes', level: 2 }] });
    expect(myGoal('team', 'Team', progress({ goalId: 'g', kind: 'sessions', target: 2, period: 'month' }), mine, p).mine).toBe(1);
    expect(
      myGoal('team', 'Team', progress({ goalId: 'k', kind: 'skillCoverage', target: 2, skill: 'kubernetes', due: '2026-09-01' }), mine, p)
        .mine,
    ).toBe(1);
    expect(
      myGoal('team', 'Team', progress({ goalId: 'r', kind: 'skillCoverage', target: 2, skill: 'Rust', due: '2026-09-01' }), mine, p).mine,
    ).toBe(0);
  });
});
