import { REMINDER_MAX_MINUTES, REMINDER_MIN_MINUTES } from '../../../../bot/src/api/contract';
import type { TeamSettingsProblemCode } from '../../../../bot/src/api/contract';

/**
 * The reminder part of the team settings form: people think in "1 day" or "2 hours", the API in
 * minutes. The limits are the service's own (from the contract); the service checks again.
 */
export type ReminderUnit = 'minutes' | 'hours' | 'days';

export interface ReminderRow {
  /** What the person typed, kept as typed so nothing is lost on a failed save. */
  readonly amount: string;
  readonly unit: ReminderUnit;
}

const UNIT_MINUTES: Record<ReminderUnit, number> = { minutes: 1, hours: 60, days: 24 * 60 };

export type ReminderProblem = Extract<TeamSettingsProblemCode, 'reminder_not_whole' | 'reminder_out_of_range' | 'reminders_duplicate'>;

/** The largest unit that divides the minutes evenly: 1440 → 1 day, 120 → 2 hours, 90 → 90 minutes. */
export function toRow(minutes: number): ReminderRow {
  if (minutes % UNIT_MINUTES.days === 0) return { amount: String(minutes / UNIT_MINUTES.days), unit: 'days' };
  if (minutes % UNIT_MINUTES.hours === 0) return { amount: String(minutes / UNIT_MINUTES.hours), unit: 'hours' };
  return { amount: String(minutes), unit: 'minutes' };
}

export function toMinutes(row: ReminderRow): number | undefined {
  const text = row.amount.trim();
  if (!/^\d{1,6}$/.test(text)) return undefined;
  return Number(text) * UNIT_MINUTES[row.unit];
}

/** One problem per row (or none), in the order the service would name them. */
export function rowProblems(rows: readonly ReminderRow[]): (ReminderProblem | undefined)[] {
  const seen = new Set<number>();
  return rows.map((row) => {
    const minutes = toMinutes(row);
    if (minutes === undefined) return 'reminder_not_whole';
    if (minutes < REMINDER_MIN_MINUTES || minutes > REMINDER_MAX_MINUTES) return 'reminder_out_of_range';
    if (seen.has(minutes)) return 'reminders_duplicate';
    seen.add(minutes);
    return undefined;
  });
}

/** Every time zone the browser knows, with the team's current one even if the browser's list lacks it. */
export function timeZoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}
