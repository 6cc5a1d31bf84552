import { dateTimeFormat } from '../date-time-format';

/**
 * "Thursday 4 December 2025, 14:00–14:45" in the reader's locale and time zone
 * (`timeZone` undefined = the browser's, which is also the one Teams runs in).
 */
export function formatSessionTime(startsAt: string, durationMinutes: number, locale: string, timeZone?: string): string {
  const start = new Date(startsAt);
  if (Number.isNaN(start.getTime())) return startsAt;
  const end = new Date(start.getTime() + Math.max(0, durationMinutes) * 60_000);
  const format = dateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return format.formatRange(start, end);
}

interface DurationParts {
  readonly hours: number;
  readonly minutes: number;
}

export function splitDuration(totalMinutes: number): DurationParts {
  const minutes = Math.max(0, Math.round(totalMinutes));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
