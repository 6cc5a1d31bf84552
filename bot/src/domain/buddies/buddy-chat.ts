import type { Weekday } from './buddy';
import { WEEKDAYS } from './buddy';
import { addDaysWall, wallTimeOf, wallTimeToUtc } from '../shared/zoned-time';

/** The suggested first chat of a pair is this long (issue #13: "plan a 30-minute chat"). */
export const BUDDY_CHAT_MINUTES = 30;

/** Lunchtime in the pool's zone: a time most people can spare for a first chat. */
const SUGGESTED_HOUR = 12;

/** Monday = 0 … Sunday = 6, as WEEKDAYS, for a calendar date. */
const weekdayOf = (year: number, month: number, day: number): Weekday =>
  WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7] ?? 'mon';

/**
 * When to suggest the pair's first chat: 12:00 in the pool's time zone on the first day from tomorrow
 * that all of them can (`sharedDays`; any day when they share none), while the round still runs.
 * Undefined when no such day is left before `endsAt` (the card then offers no time).
 */
export function suggestChatStart(now: Date, endsAt: Date, timeZone: string, sharedDays: readonly Weekday[]): Date | undefined {
  const today = wallTimeOf(now, timeZone);
  for (let offset = 1; offset <= 28; offset += 1) {
    const wall = { ...addDaysWall(today, offset), hour: SUGGESTED_HOUR, minute: 0 };
    const start = wallTimeToUtc(wall, timeZone);
    if (start.getTime() + BUDDY_CHAT_MINUTES * 60_000 > endsAt.getTime()) return undefined;
    const day = weekdayOf(wall.year, wall.month, wall.day);
    if (sharedDays.length === 0 || sharedDays.includes(day)) return start;
  }
  return undefined;
}
