import { MIN_FEEDBACK_ANSWERS } from './insights';
import type { FeedbackPoint, FeedbackTally, ParticipationPoint, Trend } from './insights';
import type { InsightsReport } from './insights-report';
import type { PeriodRollup } from './insights-repositories';
import type { Period } from './periods';
import { addTally, NO_FEEDBACK } from './session-fold';

/** Within ±10% of the earlier average is "flat". */
const FLAT_BAND = 0.1;
/** A trend needs the last complete period and at least two before it. */
const MIN_TREND_PERIODS = 3;

/** One point per period of the range, zeros included, so a chart has no holes. */
export function participationPoints(periods: readonly Period[], rows: readonly PeriodRollup[]): ParticipationPoint[] {
  const byKey = new Map(rows.map((r) => [r.period, r]));
  return periods.map((p) => {
    const row = byKey.get(p.key);
    return {
      period: p.key,
      startsAt: p.startsAt.toISOString(),
      sessionsHeld: row?.sessionsHeld ?? 0,
      attendances: row?.attendances ?? 0,
      distinctLearners: row?.learnerIds.length ?? 0,
      distinctTeachers: row?.teacherIds.length ?? 0,
    };
  });
}

/**
 * Attendances of the last complete period (ended by `now`) against the average of the complete ones
 * before it in the range. Fewer than three complete periods: unknown.
 */
export function trendOf(points: readonly ParticipationPoint[], periods: readonly Period[], now: Date): Trend {
  const complete = points.filter((_, i) => (periods[i]?.endsAt.getTime() ?? Infinity) <= now.getTime());
  if (complete.length < MIN_TREND_PERIODS) return 'unknown';
  const last = complete[complete.length - 1]?.attendances ?? 0;
  const earlier = complete.slice(0, -1);
  const average = earlier.reduce((n, p) => n + p.attendances, 0) / earlier.length;
  if (average === 0) return last === 0 ? 'flat' : 'up';
  const change = (last - average) / average;
  if (change > FLAT_BAND) return 'up';
  if (change < -FLAT_BAND) return 'down';
  return 'flat';
}

/** Totals over the range: sums of sessions and attendances, distinct people as unions of the rows' sets. */
export function totalsOf(rows: readonly PeriodRollup[]): InsightsReport['participation']['totals'] {
  const learners = new Set<string>();
  const teachers = new Set<string>();
  for (const row of rows) {
    for (const id of row.learnerIds) learners.add(id);
    for (const id of row.teacherIds) teachers.add(id);
  }
  return {
    sessionsHeld: rows.reduce((n, r) => n + r.sessionsHeld, 0),
    attendances: rows.reduce((n, r) => n + r.attendances, 0),
    distinctLearners: learners.size,
    distinctTeachers: teachers.size,
  };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Averages only from MIN_FEEDBACK_ANSWERS answers on: a smaller group would say what one person said. The count stays. */
export function feedbackPoint(key: string, tally: FeedbackTally): FeedbackPoint {
  if (tally.answers < MIN_FEEDBACK_ANSWERS) return { key, answers: tally.answers };
  return {
    key,
    answers: tally.answers,
    averageRating: round2(tally.ratingSum / tally.answers),
    learnedRate: round2(tally.learnedYes / tally.answers),
  };
}

/** Feedback per month (every month of the range), per skill (most answered first) and over all. */
export function feedbackOf(months: readonly Period[], monthRows: readonly PeriodRollup[]): InsightsReport['feedback'] {
  const byKey = new Map(monthRows.map((r) => [r.period, r]));
  const skills = new Map<string, FeedbackTally>();
  let overall = NO_FEEDBACK;
  for (const row of monthRows) {
    overall = addTally(overall, row.feedback);
    for (const [skill, tally] of Object.entries(row.bySkill)) skills.set(skill, addTally(skills.get(skill) ?? NO_FEEDBACK, tally));
  }
  return {
    byMonth: months.map((m) => feedbackPoint(m.key, byKey.get(m.key)?.feedback ?? NO_FEEDBACK)),
    bySkill: [...skills.entries()]
      .sort(([a, ta], [b, tb]) => tb.answers - ta.answers || a.localeCompare(b, 'en'))
      .map(([skill, tally]) => feedbackPoint(skill, tally)),
    overall: feedbackPoint('all', overall),
  };
}
