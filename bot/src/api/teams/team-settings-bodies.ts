import { z } from 'zod';
import { validateTeamSettings } from '../../domain/teams/team-settings';
import type { TeamSettings, TeamSettingsProblem } from '../../domain/teams/team-settings';
import { REMINDER_MAX_COUNT, SETTINGS_KEYS_MAX, TIME_ZONE_MAX } from '../../domain/teams/team-settings-limits';
import type { TeamSettingsProblemCode } from '../../domain/teams/team-settings-limits';
import { because, edgeProblems } from '../shared/body-schema';

type Field = 'reminderMinutes' | 'timeZone' | 'locale' | 'quietWeeks' | 'body';
const problem = (field: Field, code: TeamSettingsProblemCode) => because(field, code);

/**
 * PUT `/teams/:teamId/settings`, bounded at the edge before the domain's check: a list of at most
 * three whole numbers, a time zone and a language of a sane length, a handful of keys. Unknown keys
 * are kept, so the domain names each one (`unknown_field`) as it always did.
 */
const teamSettingsBody = z
  .looseObject({
    reminderMinutes: z
      .array(z.unknown(), problem('reminderMinutes', 'reminders_not_a_list'))
      .max(REMINDER_MAX_COUNT, problem('reminderMinutes', 'reminders_too_many'))
      .pipe(z.array(z.number(problem('reminderMinutes', 'reminder_not_whole')).int(problem('reminderMinutes', 'reminder_not_whole'))))
      .optional(),
    timeZone: z.string(problem('timeZone', 'time_zone_unknown')).max(TIME_ZONE_MAX, problem('timeZone', 'time_zone_unknown')).optional(),
    locale: z.string(problem('locale', 'locale_unsupported')).max(5, problem('locale', 'locale_unsupported')).optional(),
    quietWeeks: z.number(problem('quietWeeks', 'quiet_weeks_out_of_range')).optional(),
  })
  .refine((body) => Object.keys(body).length <= SETTINGS_KEYS_MAX, problem('body', 'unknown_field'));

type Checked =
  { readonly ok: true; readonly settings: TeamSettings } | { readonly ok: false; readonly problems: readonly TeamSettingsProblem[] };

/** The new settings, or every problem at once: the edge's, then the domain's for the fields the edge let through. */
export function checkTeamSettingsBody(body: unknown, current: TeamSettings): Checked {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return validateTeamSettings(body, current);
  const parsed = teamSettingsBody.safeParse(body);
  if (parsed.success) return validateTeamSettings(parsed.data, current);
  // Built only by `problem` above: each field and code is the domain's own.
  const refused = edgeProblems(parsed.error).map((p) => ({ field: p.field, code: p.code }) as TeamSettingsProblem);
  if (refused.some((p) => p.field === 'body')) return { ok: false, problems: refused };
  const rest = Object.fromEntries(Object.entries(body).filter(([key]) => !refused.some((p) => p.field === key)));
  const checked = validateTeamSettings(rest, current);
  return { ok: false, problems: [...refused, ...(checked.ok ? [] : checked.problems)] };
}
