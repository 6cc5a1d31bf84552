import type { Granularity, ParticipationPoint } from '../../../../bot/src/api/contract';

/** The range the view asks for: dates (YYYY-MM-DD, `to` inclusive) and how the periods are grouped. */
export interface InsightsQuery {
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
}

/** The ranges the picker offers, in months back from today. */
export const RANGE_MONTHS = [3, 6, 12, 24] as const;
export type RangeMonths = (typeof RANGE_MONTHS)[number];

/** What the view shows first: the last year by month (the entry starts this report early, app/early-start.ts). */
export const DEFAULT_RANGE: { readonly months: RangeMonths; readonly granularity: Granularity } = { months: 12, granularity: 'month' };

function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `to` is today (inclusive), `from` the day after the same date `months` months back: exactly that many months. */
export function rangeQuery(months: RangeMonths, granularity: Granularity, today: Date): InsightsQuery {
  const from = new Date(today.getFullYear(), today.getMonth() - months, today.getDate() + 1);
  return { from: isoDate(from), to: isoDate(today), granularity };
}

/** The report's path for `query`: one builder, so a report the entry started early is the one the view asks for. */
export function insightsPath(teamId: string, query: InsightsQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, granularity: query.granularity });
  return `/api/v1/teams/${encodeURIComponent(teamId)}/insights?${params.toString()}`;
}

/**
 * How far the last complete period is from the average of the ones before it, in whole percent; the
 * API gives the direction (`trend`), this only puts a number on it. The range ends today, so the
 * last point is the running period and is left out. Undefined when there is nothing to compare.
 */
export function trendPercent(points: readonly ParticipationPoint[]): number | undefined {
  const complete = points.slice(0, -1);
  const last = complete.at(-1);
  const before = complete.slice(0, -1);
  if (!last || before.length === 0) return undefined;
  const average = before.reduce((sum, p) => sum + p.sessionsHeld, 0) / before.length;
  if (average === 0) return undefined;
  return Math.round((Math.abs(last.sessionsHeld - average) / average) * 100);
}
