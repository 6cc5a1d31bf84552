import { describe, expect, it } from '@jest/globals';
import { currentPeriod, untilDue } from '../../bot/src/domain/insights/goal-period';
import { goalProgress, goalRollupRange } from '../../bot/src/domain/insights/goal-progress';
import type { GoalInput, TeamGoal } from '../../bot/src/domain/insights/goals';
import type { PeriodRollup } from '../../bot/src/domain/insights/insights-repositories';

// Hand-made rollups: the figures below are counted by hand from these rows.
const ZONE = 'Europe/Amsterdam';
const YEAR = new Date().getUTCFullYear();
// A fake clock: 15 May of this year, the second month of the second quarter.
const NOW = new Date(Date.UTC(YEAR, 4, 15, 10));
const local = (month: number) => new Date(Date.UTC(YEAR, month - 1, 1) - 2 * 3_600_000); // local midnight (summer time)
const noFeedback: PeriodRollup['feedback'] = { answers: 0, ratingSum: 0, learnedYes: 0 };

function month(startsAt: Date, sessionsHeld: number, teacherIds: string[], learnerIds: string[]): PeriodRollup {
  return {
    tenantId: 't',
    teamId: 'team',
    granularity: 'month',
    period: startsAt.toISOString().slice(0, 7),
    startsAt: startsAt.toISOString(),
    sessionsHeld,
    attendances: learnerIds.length,
    learnerIds,
    teacherIds,
    feedback: noFeedback,
    bySkill: {},
  };
}

const members = ['ann', 'bob', 'cleo', 'dirk', 'eva', 'fay', 'gus', 'hans', 'ida', 'jan'];
const may = month(local(5), 3, ['ann', 'bob'], ['cleo', 'dirk', 'ann', 'left-team']);
const april = month(local(4), 2, ['eva'], ['fay', 'gone']);
const march = month(new Date(Date.UTC(YEAR, 2, 1) - 3_600_000), 9, ['gus'], ['hans']);
const rollups = [march, april, may];
let made = 0;
const goal = (g: GoalInput): TeamGoal => ({ ...g, goalId: `g${(made += 1)}` });
const progress = (g: TeamGoal, profiles: { userId: string; teaches: { name: string; level: 1 | 2 | 3 }[] }[] = []) =>
  goalProgress([g], { rollups, memberIds: members, profiles, now: NOW, timeZone: ZONE })[0];

describe('goal progress from month rollups (pure)', () => {
  it('sessions a month: the current month only (3), not met below the target, met at it', () => {
    expect(progress(goal({ kind: 'sessions', target: 4, period: 'month' }))).toMatchObject({ value: 3, target: 4, met: false });
    expect(progress(goal({ kind: 'sessions', target: 3, period: 'month' }))).toMatchObject({ value: 3, met: true });
  });

  it('sessions a quarter: the quarter’s months, never the month before it', () => {
    const p = progress(goal({ kind: 'sessions', target: 6, period: 'quarter' }));
    expect(p).toMatchObject({ value: 5, met: false, from: local(4).toISOString(), to: local(7).toISOString() });
    // 15 May to 30 June.
    expect(p?.daysLeft).toBe(46);
  });

  it('teachers: percent of current members who taught (2 of 10 this month = 20)', () => {
    expect(progress(goal({ kind: 'teachers', target: 20, period: 'month' }))).toMatchObject({ value: 20, met: true });
    expect(progress(goal({ kind: 'teachers', target: 21, period: 'month' }))).toMatchObject({ value: 20, met: false });
  });

  it('participation: distinct members who attended or taught; people no longer in the team do not count (4 of 10 = 40)', () => {
    // ann taught and attended (once), bob taught, cleo and dirk attended; `left-team` is not a member.
    expect(progress(goal({ kind: 'participation', target: 80, period: 'month' }))).toMatchObject({ value: 40, met: false });
    // Adds eva (taught) and fay (attended) from April; `gone` is not a member: 6 of 10.
    expect(progress(goal({ kind: 'participation', target: 60, period: 'quarter' }))).toMatchObject({ value: 60, met: true });
  });

  it('a team without members is at 0 and never met', () => {
    const [p] = goalProgress([goal({ kind: 'participation', target: 1, period: 'month' })], {
      rollups,
      memberIds: [],
      profiles: [],
      now: NOW,
      timeZone: ZONE,
    });
    expect(p).toMatchObject({ value: 0, met: false });
  });

  it('skill coverage: members whose profile teaches the skill, in any spelling the taxonomy knows', () => {
    const due = `${YEAR}-06-14`;
    const profiles = [
      { userId: 'ann', teaches: [{ name: 'kubernetes', level: 2 as const }] },
      { userId: 'bob', teaches: [{ name: 'Kubernetes', level: 3 as const }] },
      { userId: 'outsider', teaches: [{ name: 'Kubernetes', level: 3 as const }] },
      { userId: 'cleo', teaches: [{ name: 'Excel', level: 1 as const }] },
    ];
    const p = progress(goal({ kind: 'skillCoverage', target: 3, skill: 'Kubernetes', due }), profiles);
    expect(p).toMatchObject({ value: 2, target: 3, met: false });
    expect(p?.daysLeft).toBe(30);
    expect(p?.to).toBe(`${YEAR}-06-14T22:00:00.000Z`);
  });

  it('reads the current quarter’s rollups', () => {
    expect(goalRollupRange(NOW, ZONE)).toEqual({ from: local(4).toISOString(), to: local(7).toISOString() });
  });
});

describe('periods on the team’s clock', () => {
  it('a quarter starts at local midnight of its first month, not at UTC midnight', () => {
    // 31 March 23:30 in Amsterdam (summer time, UTC+2) is 21:30 UTC: still the first quarter there.
    const lateMarch = new Date(Date.UTC(YEAR, 2, 31, 21, 30));
    const q1 = currentPeriod(lateMarch, 'quarter', ZONE);
    expect(q1.from.toISOString()).toBe(`${YEAR - 1}-12-31T23:00:00.000Z`);
    expect(q1.to.toISOString()).toBe(`${YEAR}-03-31T22:00:00.000Z`);
    expect(q1.daysLeft).toBe(0);
    // Twenty minutes after local midnight on 1 April: the second quarter, with 90 days to go (1 April to 30 June).
    const earlyApril = new Date(Date.UTC(YEAR, 2, 31, 22, 20));
    const q2 = currentPeriod(earlyApril, 'quarter', ZONE);
    expect(q2.from.toISOString()).toBe(`${YEAR}-03-31T22:00:00.000Z`);
    expect(q2.daysLeft).toBe(90);
  });

  it('the same instant is in another quarter in New York', () => {
    const earlyApril = new Date(Date.UTC(YEAR, 2, 31, 22, 20));
    const ny = currentPeriod(earlyApril, 'quarter', 'America/New_York');
    expect(ny.from.toISOString()).toBe(`${YEAR}-01-01T05:00:00.000Z`);
    expect(ny.daysLeft).toBe(0);
  });

  it('the last quarter ends at New Year, local midnight', () => {
    const december = new Date(Date.UTC(YEAR, 11, 15, 12));
    expect(currentPeriod(december, 'quarter', ZONE).to.toISOString()).toBe(`${YEAR}-12-31T23:00:00.000Z`);
    expect(currentPeriod(december, 'month', ZONE).daysLeft).toBe(16);
  });

  it('until a due date: 0 days left on the day itself, the end of that day in the zone', () => {
    const noon = new Date(Date.UTC(YEAR, 5, 10, 10));
    const span = untilDue(noon, `${YEAR}-06-10`, ZONE);
    expect(span.daysLeft).toBe(0);
    expect(span.to.toISOString()).toBe(`${YEAR}-06-10T22:00:00.000Z`);
  });
});
