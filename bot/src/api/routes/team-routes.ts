import { Router } from 'express';
import { decodePastCursor, loadPastSessions, loadTeamBoard } from '../../domain/board';
import type { PastCursor } from '../../domain/board';
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

export const PAST_PAGE_DEFAULT = 24;
export const PAST_PAGE_MAX = 100;

function pastPage(query: Record<string, unknown>): { limit: number; cursor?: PastCursor } {
  const { limit: rawLimit, cursor: rawCursor } = query;
  let limit = PAST_PAGE_DEFAULT;
  if (rawLimit !== undefined) {
    limit = typeof rawLimit === 'string' && /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= PAST_PAGE_MAX)) throw badRequest('invalid_limit', `The limit must be a whole number from 1 to ${PAST_PAGE_MAX}.`);
  }
  if (rawCursor === undefined) return { limit };
  const cursor = typeof rawCursor === 'string' ? decodePastCursor(rawCursor) : undefined;
  if (!cursor) throw badRequest('invalid_cursor', 'The cursor is not valid; start again from the first page.');
  return { limit, cursor };
}

/**
 * `GET /teams/:teamId/sessions`: the upcoming sessions (the board's first paint), scoped to the
 * caller's tenant; `?when=past` pages through the rest on demand.
 */
export function teamRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/teams/:teamId/sessions',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const { when } = req.query;
      if (when !== undefined && when !== 'upcoming' && when !== 'past') throw badRequest('invalid_when', 'when must be "upcoming" or "past".');
      const page = when === 'past' ? pastPage(req.query) : undefined;
      const now = deps.now();
      const [board, answers] = await Promise.all([
        page
          ? loadPastSessions(deps.repositories, caller.tenantId, teamId, now, page)
          : loadTeamBoard(deps.repositories, caller.tenantId, teamId, now),
        deps.repositories.rsvps.listForUser(caller.tenantId, caller.userId),
      ]);
      if (!board) throw notFound('This team is not known to PeerLearn yet. Add the PeerLearn app to the team first.');
      const mine = new Map(answers.map((a) => [a.sessionId, a]));
      const body: TeamSessionsResponse = {
        teamId,
        teamName: board.team.name,
        sessions: board.sessions.map((s) => toSessionSummary(s, board.people, now, mine.get(s.sessionId))),
        ...('hasPast' in board ? { hasPast: board.hasPast } : {}),
        ...('nextCursor' in board && board.nextCursor ? { nextCursor: board.nextCursor } : {}),
      };
      res.json(body);
    }),
  );
  return router;
}
