/**
 * Wall-clock time in a team's time zone, with the platform's Intl data only (no date library):
 * a form says "3 December, 14:00" and means Amsterdam time, storage keeps UTC.
 */

/** Sessions are planned in Dutch time unless the team's owners chose another zone (team-settings.ts). */
export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

export function wallTimeOf(instant: Date, timeZone: string): WallTime {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The UTC instant that shows `wall` in `timeZone` (two passes settle the offset around DST changes). */
export function wallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  let guess = asUtc;
  for (let i = 0; i < 2; i += 1) {
    const seen = wallTimeOf(new Date(guess), timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute);
    guess += asUtc - seenAsUtc;
  }
  return new Date(guess);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(:\d{2})?$/;

/** `2026-12-03` + `14:00` in the zone → UTC; undefined for anything that is no real date or time. */
export function parseWallTime(date: string, time: string, timeZone: string): Date | undefined {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return undefined;
  const wall: WallTime = { year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]) };
  const check = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  if (check.getUTCMonth() !== wall.month - 1 || check.getUTCDate() !== wall.day || wall.hour > 23 || wall.minute > 59) return undefined;
  return wallTimeToUtc(wall, timeZone);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The date and time inputs' values (`YYYY-MM-DD`, `HH:MM`) for an instant, in the zone. */
export function toDateAndTimeInputs(instant: Date, timeZone: string): { date: string; time: string } {
  const w = wallTimeOf(instant, timeZone);
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/** Same wall-clock time, `months` later; the 31st becomes the last day of a shorter month. */
export function addMonthsWall(wall: WallTime, months: number): WallTime {
  const index = wall.month - 1 + months;
  const year = wall.year + Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { ...wall, year, month, day: Math.min(wall.day, lastDay) };
}

export function addDaysWall(wall: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { ...wall, year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
