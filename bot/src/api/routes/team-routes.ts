import { Router } from 'express';
import { loadTeamBoard } from '../../domain/board';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../authed';
import type { TeamSessionsResponse } from '../contract';
import { badRequest, notFound } from '../http-error';
import { toSessionSummary } from '../session-view';

const TEAM_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

/** Checks a team id from the URL before it reaches storage. */
export function teamIdParam(value: unknown): string {
  const teamId = typeof value === 'string' ? value : '';
  if (!TEAM_ID.test(teamId)) throw badRequest('invalid_team_id', 'The team id is not valid.');
  return teamId;
}

/** `GET /teams/:teamId/sessions`: the team's sessions, upcoming first, scoped to the caller's tenant. */
export function teamRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/teams/:teamId/sessions',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const now = deps.now();
      const [board, answers] = await Promise.all([
        loadTeamBoard(deps.repositories, caller.tenantId, teamId, now),
        deps.repositories.rsvps.listForUser(caller.tenantId, caller.userId),
      ]);
      if (!board) throw notFound('This team is not known to PeerLearn yet. Add the PeerLearn app to the team first.');
      const mine = new Map(answers.map((a) => [a.sessionId, a]));
      const body: TeamSessionsResponse = {
        teamId,
        teamName: board.team.name,
        sessions: board.sessions.map((s) => toSessionSummary(s, board.people, now, mine.get(s.sessionId))),
      };
      res.json(body);
    }),
  );
  return router;
}
