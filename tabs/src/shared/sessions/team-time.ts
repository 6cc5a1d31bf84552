import { dateTimeFormat } from '../date-time-format';

/**
 * Session times live on the team's wall clock (its time zone setting, issue #12): shown in that
 * zone, with the viewer's own clock beside it when theirs differs ("10:00 Amsterdam · 04:00 your time").
 */

/** The browser's zone: the viewer's own clock (Teams runs in the same one). */
export function browserTimeZone(): string {
  return dateTimeFormat(undefined).resolvedOptions().timeZone;
}

/** `Europe/Amsterdam` → `Amsterdam`, `America/New_York` → `New York`: the name people know the zone by. */
export const zoneCity = (timeZone: string): string => (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');

const dayKey = (instant: Date, timeZone: string): string =>
  dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/** The hour and minute at `instant` in `timeZone`, 24-hour in every locale, as the form is typed. */
export function clockTime(instant: Date, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

/** Whether two zones show the same date and time at `instant` (same zone, or the same offset then). */
function sameWallClock(instant: Date, a: string, b: string): boolean {
  return clockTime(instant, 'en', a) === clockTime(instant, 'en', b) && dayKey(instant, a) === dayKey(instant, b);
}

/**
 * The viewer's clock at `instant` when it differs from the team's; a different day is named
 * ("Fri 01:00"), since "01:00" alone would mislead. Undefined when both clocks agree.
 */
export function viewerClock(instant: Date, locale: string, teamZone: string, viewerZone: string): string | undefined {
  if (sameWallClock(instant, teamZone, viewerZone)) return undefined;
  const time = clockTime(instant, locale, viewerZone);
  if (dayKey(instant, teamZone) === dayKey(instant, viewerZone)) return time;
  const day = dateTimeFormat(locale, { timeZone: viewerZone, weekday: 'short' }).format(instant);
  return `${day} ${time}`;
}
