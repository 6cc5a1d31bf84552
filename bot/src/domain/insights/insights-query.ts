import { DEFAULT_RANGE_MONTHS, GRANULARITIES, MAX_RANGE_DAYS } from './insights';
import type { Granularity } from './insights';
import type { InsightsProblem, InsightsQuery } from './insights-service-contract';
import { daysBetween, endOfDay, formatLocalDate, localDateOf, monthsBefore, parseLocalDate, startOfDay } from './periods';
import type { LocalDate } from './periods';

/** A checked query: dates on the team's clock, and the instants they mean (`to` inclusive: its end is the next midnight). */
export interface InsightsRange {
  readonly from: string;
  readonly to: string;
  readonly granularity: Granularity;
  readonly fromAt: Date;
  /** Exclusive: the midnight after `to`. */
  readonly toEnd: Date;
}

type Checked = { readonly ok: true; readonly range: InsightsRange } | { readonly ok: false; readonly problems: readonly InsightsProblem[] };

function dateField(value: unknown, field: 'from' | 'to', problems: InsightsProblem[]): LocalDate | undefined {
  if (value === undefined || value === '') return undefined;
  const date = typeof value === 'string' ? parseLocalDate(value) : undefined;
  if (!date) problems.push({ field, code: 'badDate' });
  return date;
}

/**
 * `from`/`to` as `YYYY-MM-DD` on the team's clock, `granularity` week or month; every bad field named
 * at once. Without dates: the last DEFAULT_RANGE_MONTHS months (from the first of the month eleven
 * months back up to today), by month.
 */
export function checkInsightsQuery(query: InsightsQuery, timeZone: string, now: Date): Checked {
  const problems: InsightsProblem[] = [];
  let granularity: Granularity = 'month';
  if (query.granularity !== undefined && query.granularity !== '') {
    const value = query.granularity;
    if (typeof value === 'string' && (GRANULARITIES as readonly string[]).includes(value)) granularity = value as Granularity;
    else problems.push({ field: 'granularity', code: 'unknownValue' });
  }
  const fromDate = dateField(query.from, 'from', problems);
  const toDate = dateField(query.to, 'to', problems);
  if (problems.length > 0) return { ok: false, problems };
  const to = toDate ?? localDateOf(now, timeZone);
  const from = fromDate ?? monthsBefore(to, DEFAULT_RANGE_MONTHS - 1);
  const days = daysBetween(from, to);
  if (days < 0) return { ok: false, problems: [{ field: 'from', code: 'fromAfterTo' }] };
  if (days + 1 > MAX_RANGE_DAYS) return { ok: false, problems: [{ field: fromDate ? 'from' : 'to', code: 'rangeTooLong' }] };
  return {
    ok: true,
    range: {
      from: formatLocalDate(from),
      to: formatLocalDate(to),
      granularity,
      fromAt: startOfDay(from, timeZone),
      toEnd: endOfDay(to, timeZone),
    },
  };
}
