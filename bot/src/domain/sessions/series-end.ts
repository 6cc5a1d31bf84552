import type { Recurrence } from './session';
import { SERIES_OCCURRENCES, SERIES_OCCURRENCES_MAX } from './session-limits';
import { addDaysWall, addMonthsWall, wallTimeOf, wallTimeToUtc } from '../shared/zoned-time';
import type { WallTime } from '../shared/zoned-time';

/**
 * "Every week until 26 March" (issue #12): a series may end on a date, in the team's zone. Without an
 * end it keeps its old behaviour (SERIES_OCCURRENCES at once); with one, every occurrence up to and
 * including that day, at most SERIES_OCCURRENCES_MAX.
 */
export type SeriesEndProblem = 'repeatUntilInvalid' | 'repeatUntilBeforeStart' | 'repeatUntilTooFar';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` as a calendar day (hour 23:59, so every occurrence on that day is within it); undefined when no real date. */
function untilDay(text: string): WallTime | undefined {
  const d = DATE.exec(text);
  if (!d) return undefined;
  const year = Number(d[1]);
  const month = Number(d[2]);
  const day = Number(d[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day, hour: 23, minute: 59 };
}

const wallKey = (w: WallTime): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);

function nthWall(first: WallTime, recurrence: Exclude<Recurrence, 'none'>, i: number): WallTime {
  return recurrence === 'monthly' ? addMonthsWall(first, i) : addDaysWall(first, i * (recurrence === 'weekly' ? 7 : 14));
}

/**
 * The start times of a series: the first plus the next ones at the same wall-clock time in the zone,
 * up to `until` (a validated end) or SERIES_OCCURRENCES of them.
 */
export function occurrenceStarts(firstStart: string, recurrence: Recurrence, timeZone: string, until?: string): string[] {
  if (recurrence === 'none') return [firstStart];
  const first = wallTimeOf(new Date(firstStart), timeZone);
  const end = until ? untilDay(until) : undefined;
  const starts: string[] = [];
  const count = end ? SERIES_OCCURRENCES_MAX : SERIES_OCCURRENCES;
  for (let i = 0; i < count; i += 1) {
    const next = nthWall(first, recurrence, i);
    if (end && wallKey(next) > wallKey(end)) break;
    starts.push(wallTimeToUtc(next, timeZone).toISOString());
  }
  return starts;
}

/** Why an end date cannot be used for a series starting at `firstStart`; undefined when it can. */
export function seriesEndProblem(until: string, firstStart: Date, recurrence: Recurrence, timeZone: string): SeriesEndProblem | undefined {
  const end = untilDay(until);
  if (!end) return 'repeatUntilInvalid';
  if (recurrence === 'none') return undefined;
  const first = wallTimeOf(firstStart, timeZone);
  if (wallKey({ ...end, hour: 0, minute: 0 }) < wallKey({ ...first, hour: 0, minute: 0 })) return 'repeatUntilBeforeStart';
  // One more than the cap still inside the end: the end is too far away.
  return wallKey(nthWall(first, recurrence, SERIES_OCCURRENCES_MAX)) <= wallKey(end) ? 'repeatUntilTooFar' : undefined;
}
