import { wallTimeOf, wallTimeToUtc } from '../shared/zoned-time';
import type { Granularity } from './insights';

/**
 * Weeks (ISO 8601: Monday to Sunday, week 1 holds the year's first Thursday) and calendar months,
 * on the team's clock: a session at 00:30 on Monday in Amsterdam counts in that Monday's week even
 * though it is still Sunday in UTC. Starts are local midnights turned into UTC, so a week across a
 * DST change is 167 or 169 hours long.
 */

export interface Period {
  /** `2026-W48` or `2026-11`. */
  readonly key: string;
  readonly startsAt: Date;
  /** The next period's start (exclusive end). */
  readonly endsAt: Date;
}

interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const DAY_MS = 24 * 3600_000;

function utcDay(d: LocalDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromUtcDay(ms: number): LocalDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const addDays = (d: LocalDate, days: number): LocalDate => fromUtcDay(utcDay(d) + days * DAY_MS);

/** The ISO week key of a calendar date (`2026-W53` exists in years whose 1 January or 31 December is a Thursday). */
export function isoWeekKey(d: LocalDate): string {
  const dow = (new Date(utcDay(d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = fromUtcDay(utcDay(d) + (3 - dow) * DAY_MS);
  const yearStart = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((utcDay(thursday) - yearStart) / DAY_MS / 7) + 1;
  return `${thursday.year}-W${pad(week)}`;
}

function firstDayOf(d: LocalDate, granularity: Granularity): LocalDate {
  if (granularity === 'month') return { year: d.year, month: d.month, day: 1 };
  const dow = (new Date(utcDay(d)).getUTCDay() + 6) % 7;
  return addDays(d, -dow);
}

function nextFirstDay(first: LocalDate, granularity: Granularity): LocalDate {
  if (granularity === 'week') return addDays(first, 7);
  return first.month === 12 ? { year: first.year + 1, month: 1, day: 1 } : { year: first.year, month: first.month + 1, day: 1 };
}

const keyOf = (first: LocalDate, granularity: Granularity): string =>
  granularity === 'month' ? `${first.year}-${pad(first.month)}` : isoWeekKey(first);

const midnight = (d: LocalDate, timeZone: string): Date => wallTimeToUtc({ ...d, hour: 0, minute: 0 }, timeZone);

function periodFrom(first: LocalDate, granularity: Granularity, timeZone: string): Period {
  return {
    key: keyOf(first, granularity),
    startsAt: midnight(first, timeZone),
    endsAt: midnight(nextFirstDay(first, granularity), timeZone),
  };
}

/** The week or month an instant falls in, on the zone's clock. */
export function periodOf(instant: Date, granularity: Granularity, timeZone: string): Period {
  const wall = wallTimeOf(instant, timeZone);
  return periodFrom(firstDayOf(wall, granularity), granularity, timeZone);
}

/** Every period that overlaps [from, to), oldest first (empty when `to` is not after `from`). */
export function periodsBetween(from: Date, to: Date, granularity: Granularity, timeZone: string): Period[] {
  const out: Period[] = [];
  let first = firstDayOf(wallTimeOf(from, timeZone), granularity);
  for (;;) {
    const period = periodFrom(first, granularity, timeZone);
    if (period.startsAt.getTime() >= to.getTime()) return out;
    out.push(period);
    first = nextFirstDay(first, granularity);
  }
}

/** The period `count` periods before the one `instant` falls in (0: that one). */
export function periodsBack(instant: Date, count: number, granularity: Granularity, timeZone: string): Period {
  let first = firstDayOf(wallTimeOf(instant, timeZone), granularity);
  for (let i = 0; i < count; i += 1) {
    first = granularity === 'week' ? addDays(first, -7) : monthsBefore(first, 1);
  }
  return periodFrom(first, granularity, timeZone);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` that is a real calendar date, or undefined. */
export function parseLocalDate(text: string): LocalDate | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = fromUtcDay(utcDay(d));
  return check.year === d.year && check.month === d.month && check.day === d.day && d.year >= 1970 ? d : undefined;
}

export const formatLocalDate = (d: LocalDate): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** The zone's midnight at the start of a date, and of the day after it (a `to` date is inclusive). */
export const startOfDay = (d: LocalDate, timeZone: string): Date => midnight(d, timeZone);
export const endOfDay = (d: LocalDate, timeZone: string): Date => midnight(addDays(d, 1), timeZone);

/** The date an instant shows on the zone's clock. */
export const localDateOf = (instant: Date, timeZone: string): LocalDate => {
  const w = wallTimeOf(instant, timeZone);
  return { year: w.year, month: w.month, day: w.day };
};

/** Whole days from `from` to `to` (both calendar dates; 0 for the same day). */
export const daysBetween = (from: LocalDate, to: LocalDate): number => Math.round((utcDay(to) - utcDay(from)) / DAY_MS);

export const addLocalDays = addDays;

/** The first day of the month `months` months before the date's month. */
export const monthsBefore = (d: LocalDate, months: number): LocalDate => {
  const index = d.year * 12 + (d.month - 1) - months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
};

export type { LocalDate };
