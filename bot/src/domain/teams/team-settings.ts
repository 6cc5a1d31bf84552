import { toLocale } from '../shared/person';
import type { Locale } from '../shared/person';
import type { Team } from './team';
import { DEFAULT_TIME_ZONE } from '../shared/zoned-time';
import { DEFAULT_QUIET_WEEKS, QUIET_WEEKS_RANGE } from '../insights/insights';
import { REMINDER_MAX_COUNT, REMINDER_MAX_MINUTES, REMINDER_MIN_MINUTES } from './team-settings-limits';
import type { TeamSettingsProblemCode } from './team-settings-limits';

/** What a team's owners can set in the settings view. Stored on the team row. */
export interface TeamSettings {
  /** Minutes before a session's start at which a reminder is posted in the invite's thread; newest setting applies to sessions scheduled afterwards. */
  readonly reminderMinutes: readonly number[];
  /** IANA time zone in which the team plans and reads session times. */
  readonly timeZone: string;
  /** The language of the team's channel cards. */
  readonly locale: Locale;
  /** Weeks without a session attended or taught after which a member shows as quiet to the owners (insights). */
  readonly quietWeeks: number;
}

/** The defaults of DESIGN.md: a reminder the day before and a quarter of an hour before. */
const DEFAULT_REMINDER_MINUTES: readonly number[] = [24 * 60, 15];
export { REMINDER_MAX_COUNT, REMINDER_MAX_MINUTES, REMINDER_MIN_MINUTES } from './team-settings-limits';
export type { TeamSettingsProblemCode } from './team-settings-limits';

type TeamSettingsField = 'reminderMinutes' | 'timeZone' | 'locale' | 'quietWeeks' | 'body';

export interface TeamSettingsProblem {
  readonly field: TeamSettingsField | string;
  readonly code: TeamSettingsProblemCode;
}

const zoneCache = new Map<string, boolean>();

/** A time zone the platform's Intl data knows (e.g. `Europe/Amsterdam`, `UTC`); anything else is refused. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 64) return false;
  let known = zoneCache.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    zoneCache.set(name, known);
  }
  return known;
}

/** A team's settings, with the defaults for teams that never set them (and rows from before settings existed). */
export function settingsOf(team: Team | undefined): TeamSettings {
  return {
    reminderMinutes: team?.reminderMinutes ?? DEFAULT_REMINDER_MINUTES,
    timeZone: team?.timeZone && isTimeZone(team.timeZone) ? team.timeZone : DEFAULT_TIME_ZONE,
    locale: toLocale(team?.locale),
    quietWeeks: isQuietWeeks(team?.quietWeeks) ? team.quietWeeks : DEFAULT_QUIET_WEEKS,
  };
}

type SettingsValidation =
  { readonly ok: true; readonly settings: TeamSettings } | { readonly ok: false; readonly problems: readonly TeamSettingsProblem[] };

const FIELDS = new Set<string>(['reminderMinutes', 'timeZone', 'locale', 'quietWeeks']);

const isQuietWeeks = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= QUIET_WEEKS_RANGE.min && value <= QUIET_WEEKS_RANGE.max;

/**
 * Checks a change to `current`: every field is optional (absent keeps the current value), every bad
 * field is named at once so a form can mark them all. Reminders come back sorted, latest-first.
 */
export function validateTeamSettings(input: unknown, current: TeamSettings): SettingsValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: [{ field: 'body', code: 'not_an_object' }] };
  const body = input as Record<string, unknown>;
  const problems: TeamSettingsProblem[] = [];
  for (const key of Object.keys(body)) if (!FIELDS.has(key)) problems.push({ field: key, code: 'unknown_field' });

  let reminderMinutes = current.reminderMinutes;
  if (body.reminderMinutes !== undefined) {
    const value = body.reminderMinutes;
    if (!Array.isArray(value)) problems.push({ field: 'reminderMinutes', code: 'reminders_not_a_list' });
    else if (value.length > REMINDER_MAX_COUNT) problems.push({ field: 'reminderMinutes', code: 'reminders_too_many' });
    else if (!value.every((m): m is number => typeof m === 'number' && Number.isInteger(m)))
      problems.push({ field: 'reminderMinutes', code: 'reminder_not_whole' });
    else if (!value.every((m) => m >= REMINDER_MIN_MINUTES && m <= REMINDER_MAX_MINUTES))
      problems.push({ field: 'reminderMinutes', code: 'reminder_out_of_range' });
    else if (new Set(value).size !== value.length) problems.push({ field: 'reminderMinutes', code: 'reminders_duplicate' });
    else reminderMinutes = [...value].sort((a, b) => b - a);
  }

  let timeZone = current.timeZone;
  if (body.timeZone !== undefined) {
    if (isTimeZone(body.timeZone)) timeZone = body.timeZone;
    else problems.push({ field: 'timeZone', code: 'time_zone_unknown' });
  }

  let locale = current.locale;
  if (body.locale !== undefined) {
    if (body.locale === 'en' || body.locale === 'nl') locale = body.locale;
    else problems.push({ field: 'locale', code: 'locale_unsupported' });
  }

  let quietWeeks = current.quietWeeks;
  if (body.quietWeeks !== undefined) {
    if (isQuietWeeks(body.quietWeeks)) quietWeeks = body.quietWeeks;
    else problems.push({ field: 'quietWeeks', code: 'quiet_weeks_out_of_range' });
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, settings: { reminderMinutes, timeZone, locale, quietWeeks } };
}

/** The team with new settings; the time of the change is the caller's. */
export function withSettings(team: Team, settings: TeamSettings, at: Date): Team {
  return {
    ...team,
    reminderMinutes: settings.reminderMinutes,
    timeZone: settings.timeZone,
    locale: settings.locale,
    quietWeeks: settings.quietWeeks,
    updatedAt: at.toISOString(),
  };
}
