import type { InsightsResponse, PulseResults } from '../../../bot/src/api/contract';
import { omit } from '../omit';
import { teamId } from './fixtures';

const DAY = 86_400_000;

/** `days` before now, as the API writes instants (fixtures stay relative to the real clock). */
export function daysAgo(days: number, now = Date.now()): string {
  return new Date(now - days * DAY).toISOString();
}

/** The first day of the month `back` months before this one, on the team's calendar, as `2026-11` and an ISO start. */
function monthBack(back: number): { readonly key: string; readonly startsAt: string } {
  const today = new Date();
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
  return { key: start.toISOString().slice(0, 7), startsAt: start.toISOString() };
}

/**
 * An owner's report of four months, numbers chosen by hand: sessions held 2, 2, 5 and 1 (this month,
 * still running), so the last complete month is 150% above the average of the two before it.
 */
export function ownerReport(overrides: Partial<InsightsResponse> = {}): InsightsResponse {
  const months = [3, 2, 1, 0].map(monthBack);
  const rows = [
    { sessionsHeld: 2, attendances: 9, distinctLearners: 5, distinctTeachers: 2 },
    { sessionsHeld: 2, attendances: 10, distinctLearners: 6, distinctTeachers: 2 },
    { sessionsHeld: 5, attendances: 1234, distinctLearners: 11, distinctTeachers: 4 },
    { sessionsHeld: 1, attendances: 3, distinctLearners: 3, distinctTeachers: 1 },
  ];
  return {
    teamId,
    from: months[0]?.startsAt.slice(0, 10) ?? '',
    to: new Date().toISOString().slice(0, 10),
    granularity: 'month',
    timeZone: 'Europe/Amsterdam',
    participation: {
      points: rows.map((row, i) => ({ period: months[i]?.key ?? '', startsAt: months[i]?.startsAt ?? '', ...row })),
      trend: 'up',
      totals: { sessionsHeld: 10, attendances: 1256, distinctLearners: 14, distinctTeachers: 5 },
    },
    feedback: {
      byMonth: [
        { key: months[0]?.key ?? '', answers: 0 },
        { key: months[1]?.key ?? '', answers: 2 },
        { key: months[2]?.key ?? '', answers: 7, averageRating: 4.25, learnedRate: 0.86 },
      ],
      bySkill: [
        { key: 'TypeScript', answers: 12, averageRating: 4.5, learnedRate: 0.75 },
        { key: 'Kubernetes', answers: 1 },
      ],
      overall: { key: 'overall', answers: 13, averageRating: 4.38, learnedRate: 0.77 },
    },
    skills: {
      skills: ['TypeScript', 'Kubernetes', 'SQL'],
      people: [
        { userId: 'anna-oid', displayName: 'Anna de Vries' },
        { userId: 'bram-oid', displayName: 'Bram Jansen' },
        { userId: 'chloe-oid', displayName: 'Chloé Bakker' },
      ],
      cells: [
        [
          { teachLevel: 3, wants: false },
          { teachLevel: 0, wants: true },
          { teachLevel: 0, wants: false },
        ],
        [
          { teachLevel: 1, wants: false },
          { teachLevel: 0, wants: true },
          { teachLevel: 2, wants: false },
        ],
        [
          { teachLevel: 0, wants: false },
          { teachLevel: 0, wants: false },
          { teachLevel: 0, wants: true },
        ],
      ],
      gaps: [
        { skill: 'Kubernetes', wantedBy: 2, teachers: 0 },
        { skill: 'SQL', wantedBy: 1, teachers: 1 },
      ],
    },
    quiet: {
      weeks: 6,
      members: [
        { userId: 'dirk-oid', displayName: 'Dirk Smit', lastTookPartAt: daysAgo(60) },
        { userId: 'eva-oid', displayName: 'Eva Mulder', nudgedAt: daysAgo(3) },
        { userId: 'fay-oid', displayName: 'Fay de Boer' },
      ],
    },
    goals: [
      {
        goal: { goalId: 'g1', kind: 'sessions', target: 2, period: 'month' },
        value: 1,
        target: 2,
        from: months[3]?.startsAt ?? '',
        to: daysAgo(-12),
        met: false,
        daysLeft: 12,
      },
    ],
    asOf: daysAgo(0),
    ...overrides,
  };
}

/** The same report as a member gets it: no quiet members. */
export function memberReport(): InsightsResponse {
  return omit(ownerReport(), 'quiet');
}

export function pulse(responses: number): PulseResults {
  return {
    pulseId: 'p1',
    postedAt: daysAgo(2),
    closesAt: daysAgo(-12),
    open: true,
    responses,
    ...(responses >= 5
      ? {
          questions: [
            { question: 'learnedFromColleague', average: 4.2, counts: [0, 0, 1, 2, 2] },
            { question: 'timeToLearn', average: 2.8, counts: [1, 1, 1, 1, 1] },
            { question: 'wouldRecommend', average: 4.6, counts: [0, 0, 0, 2, 3] },
          ],
        }
      : {}),
  };
}
