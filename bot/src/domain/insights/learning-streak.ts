import { wallTimeOf } from '../shared/zoned-time';
import type { MyStreak } from './my-learning';

const DAY_MS = 86_400_000;

/**
 * The ISO week of an instant in a time zone, as a running number (weeks since the Monday before
 * 1 January 1970): consecutive weeks differ by one, across year ends (week 53 → week 1) and DST.
 */
export function isoWeekIndex(instant: Date, timeZone: string): number {
  const wall = wallTimeOf(instant, timeZone);
  const day = Math.floor(Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS);
  // 1 January 1970 was a Thursday: three days after its week's Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return (day - sinceMonday) / 7;
}

/**
 * Consecutive ISO weeks with a session attended or taught. The streak is current while it reaches
 * this week or last week (this week may still come); `weeks` is the latest run, `longest` the best.
 */
export function learningStreak(sessionStarts: readonly string[], timeZone: string, now: Date): MyStreak {
  const weeks = [...new Set(sessionStarts.map((at) => isoWeekIndex(new Date(at), timeZone)))].sort((a, b) => a - b);
  if (weeks.length === 0) return { weeks: 0, current: false, longest: 0 };
  let longest = 1;
  let run = 1;
  for (let i = 1; i < weeks.length; i += 1) {
    run = (weeks[i] as number) - (weeks[i - 1] as number) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const thisWeek = isoWeekIndex(now, timeZone);
  const last = weeks[weeks.length - 1] as number;
  return { weeks: run, current: thisWeek - last <= 1, longest };
}
