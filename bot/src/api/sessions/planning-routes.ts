import { Router } from 'express';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import { unwrap } from '../shared/failure-problem';
import type { PlanningResponse } from '../contract';
import { teamIdParam } from '../teams/team-routes';

const person = (p: { readonly userId: string; readonly displayName: string }) => ({ userId: p.userId, displayName: p.displayName });

/** `GET /teams/:teamId/planning`: the plan form's choices, from the same planning context the bot's form uses. */
export function planningRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/teams/:teamId/planning',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const planning = await deps.services.sessions.planningFor(caller, teamId);
      if (!unwrap(res, planning)) return;
      const { team, members, suggestedLeader, timeZone } = planning.value;
      const body: PlanningResponse = {
        teamId,
        teamName: team.name,
        timeZone,
        channels: team.channels.map((c) => ({ channelId: c.channelId, name: c.name })),
        members: members.map(person).sort((a, b) => a.displayName.localeCompare(b.displayName)),
        ...(suggestedLeader ? { suggestedLeader: person(suggestedLeader) } : {}),
        plannerId: caller.userId,
      };
      res.json(body);
    }),
  );
  return router;
}
