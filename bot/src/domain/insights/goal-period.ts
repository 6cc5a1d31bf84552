import { addDaysWall, addMonthsWall, wallTimeOf, wallTimeToUtc } from '../shared/zoned-time';
import type { WallTime } from '../shared/zoned-time';
import type { GoalPeriod } from './goals';

/** A span of whole days in the team's time zone: `from` inclusive, `to` exclusive (UTC instants). */
export interface ZonedSpan {
  readonly from: Date;
  readonly to: Date;
  /** Days from today to the span's last day, in the zone (0 on its last day). */
  readonly daysLeft: number;
}

const MS_PER_DAY = 86_400_000;
const midnight = (w: Pick<WallTime, 'year' | 'month' | 'day'>): WallTime => ({ ...w, hour: 0, minute: 0 });
/** Calendar days between two wall dates, whatever DST does to the hours between them. */
const daysBetween = (a: WallTime, b: WallTime): number =>
  Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY);

/** The current month or quarter (Jan–Mar, Apr–Jun, …) around `now`, on the team's clock. */
export function currentPeriod(now: Date, period: GoalPeriod, timeZone: string): ZonedSpan {
  const today = wallTimeOf(now, timeZone);
  const firstMonth = period === 'month' ? today.month : Math.floor((today.month - 1) / 3) * 3 + 1;
  const start = midnight({ year: today.year, month: firstMonth, day: 1 });
  const end = addMonthsWall(start, period === 'month' ? 1 : 3);
  return {
    from: wallTimeToUtc(start, timeZone),
    to: wallTimeToUtc(end, timeZone),
    daysLeft: daysBetween(today, addDaysWall(end, -1)),
  };
}

/** From now until the end of `due` (YYYY-MM-DD, the team's clock). */
export function untilDue(now: Date, due: string, timeZone: string): ZonedSpan {
  const [year, month, day] = due.split('-').map(Number) as [number, number, number];
  const dueDay = midnight({ year, month, day });
  return {
    from: now,
    to: wallTimeToUtc(addDaysWall(dueDay, 1), timeZone),
    daysLeft: Math.max(0, daysBetween(wallTimeOf(now, timeZone), dueDay)),
  };
}

/** Today's date on the team's clock, as YYYY-MM-DD. */
export function todayIn(now: Date, timeZone: string): string {
  const w = wallTimeOf(now, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** `date` (YYYY-MM-DD) moved by whole days. */
export function addDaysToDate(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return d.toISOString().slice(0, 10);
}
