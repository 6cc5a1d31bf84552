/**
 * What a team's reminder setting may hold, and every way a settings form can be wrong. No imports, on purpose: the API contract re-exports these values, so the tab checks its
 * forms against the same numbers and the tab bundle takes this file and nothing else from the service.
 */
export const REMINDER_MIN_MINUTES = 5;
/** One week: a reminder further ahead than the invite itself (posted a week before) makes no sense. */
export const REMINDER_MAX_MINUTES = 7 * 24 * 60;
export const REMINDER_MAX_COUNT = 3;

export type TeamSettingsProblemCode =
  | 'not_an_object'
  | 'unknown_field'
  | 'reminders_not_a_list'
  | 'reminders_too_many'
  | 'reminder_not_whole'
  | 'reminder_out_of_range'
  | 'reminders_duplicate'
  | 'time_zone_unknown'
  | 'locale_unsupported'
  | 'quiet_weeks_out_of_range';

/** The longest IANA time-zone name is 30 characters; anything much longer is no time zone. */
export const TIME_ZONE_MAX = 64;
/** reminderMinutes, timeZone, locale, quietWeeks: a body with many more keys is no settings form. */
export const SETTINGS_KEYS_MAX = 10;
