import { Router } from 'express';
import type { Response } from 'express';
import { settingsOf, REMINDER_MAX_COUNT, REMINDER_MAX_MINUTES, REMINDER_MIN_MINUTES } from '../../domain/teams/team-settings';
import type { TeamSettingsProblem, TeamSettingsProblemCode } from '../../domain/teams/team-settings';
import type { Team } from '../../domain/teams/team';
import { QUIET_WEEKS_RANGE } from '../../domain/insights/insights';
import { mayManage, mayReadTeam } from '../../domain/teams/team-access';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { ApiError, TeamSettingsResponse } from '../contract';
import { HttpError, notFound } from '../shared/http-error';
import type { Caller } from '../shared/token-validator';
import { teamIdParam } from './team-routes';
import { checkTeamSettingsBody } from './team-settings-bodies';

/** English sentences for the API; the tab translates by code. */
const PROBLEM_TEXT: Record<TeamSettingsProblemCode, string> = {
  not_an_object: 'Send the settings as a JSON object.',
  unknown_field: 'This is not a team setting.',
  reminders_not_a_list: 'Reminder times must be a list of minutes.',
  reminders_too_many: `At most ${REMINDER_MAX_COUNT} reminders per session.`,
  reminder_not_whole: 'Each reminder time must be a whole number of minutes.',
  reminder_out_of_range: `Each reminder must be between ${REMINDER_MIN_MINUTES} minutes and ${REMINDER_MAX_MINUTES / (24 * 60)} days before the start.`,
  reminders_duplicate: 'Each reminder time may appear only once.',
  time_zone_unknown: 'This is not a time zone we know; use a name like Europe/Amsterdam.',
  locale_unsupported: 'The language must be en (English) or nl (Dutch).',
  quiet_weeks_out_of_range: `Quiet weeks must be a whole number from ${QUIET_WEEKS_RANGE.min} to ${QUIET_WEEKS_RANGE.max}.`,
};

function sendInvalid(res: Response, problems: readonly TeamSettingsProblem[]): void {
  const fields: Record<string, string> = {};
  for (const p of problems) fields[p.field] = fields[p.field] ? `${fields[p.field]} ${PROBLEM_TEXT[p.code]}` : PROBLEM_TEXT[p.code];
  const body: ApiError = {
    error: {
      code: 'invalid_settings',
      message: 'Some settings need another look.',
      fields,
      problems: problems.map((p) => ({ field: p.field, code: p.code })),
    },
  };
  res.status(400).json(body);
}

/** Team settings: the team's members read them (the tab shows them), only its owners change them. */
export function teamSettingsRoutes(deps: ApiDependencies): Router {
  const router = Router();

  async function load(caller: Caller, teamId: string): Promise<{ team: Team; owner: boolean }> {
    const found = await deps.services.teams.withRole(caller, teamId);
    if (!found) throw notFound('This team is not known to PeerLearn yet. Add the PeerLearn app to the team first.');
    if (!mayReadTeam(found.standing)) throw new HttpError(403, 'not_member', 'Only members of this team can see its settings.');
    return { team: found.team, owner: mayManage(found.standing) };
  }

  function view(team: Team, owner: boolean): TeamSettingsResponse {
    const s = settingsOf(team);
    return {
      teamId: team.teamId,
      teamName: team.name,
      reminderMinutes: s.reminderMinutes,
      timeZone: s.timeZone,
      locale: s.locale,
      quietWeeks: s.quietWeeks,
      canEdit: owner,
    };
  }

  router.get(
    '/teams/:teamId/settings',
    authed(deps.validate, async (req, res, caller) => {
      const { team, owner } = await load(caller, teamIdParam(req.params.teamId));
      res.json(view(team, owner));
    }),
  );

  router.put(
    '/teams/:teamId/settings',
    authed(deps.validate, async (req, res, caller) => {
      const { team, owner } = await load(caller, teamIdParam(req.params.teamId));
      if (!owner) throw new HttpError(403, 'owners_only', 'Only an owner of this team can change its settings.');
      const result = checkTeamSettingsBody(req.body as unknown, settingsOf(team));
      if (!result.ok) return sendInvalid(res, result.problems);
      const updated = await deps.services.teams.updateSettings(caller.tenantId, team.teamId, result.settings);
      if (!updated) throw notFound('This team is not known to PeerLearn yet. Add the PeerLearn app to the team first.');
      res.json(view(updated, owner));
    }),
  );

  return router;
}
