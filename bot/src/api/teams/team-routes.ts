import { Router } from 'express';
import { decodeSessionCursor } from '../../domain/sessions/board';
import type { PastSessionsPage, SessionCursor, TeamBoard } from '../../domain/sessions/board';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { TeamSessionsResponse } from '../contract';
import { badRequest } from '../shared/http-error';
import { unwrap } from '../shared/failure-problem';
import { toSessionSummary } from '../sessions/session-view';
import { timeZoneOf } from '../../domain/sessions/session-service';

const TEAM_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

/** Checks a team id from the URL before it reaches storage. */
export function teamIdParam(value: unknown): string {
  const teamId = typeof value === 'string' ? value : '';
  if (!TEAM_ID.test(teamId)) throw badRequest('invalid_team_id', 'The team id is not valid.');
  return teamId;
}

const PAGE_DEFAULT = 24;
const PAGE_MAX = 100;

/** `limit` and `cursor` from the query; without a limit, `fallback` (undefined: everything). */
function pageParams(query: Record<string, unknown>, fallback: number | undefined): { limit?: number; cursor?: SessionCursor } {
  const { limit: rawLimit, cursor: rawCursor } = query;
  let limit = fallback;
  if (rawLimit !== undefined) {
    limit = typeof rawLimit === 'string' && /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= PAGE_MAX)) throw badRequest('invalid_limit', `The limit must be a whole number from 1 to ${PAGE_MAX}.`);
  }
  const cursor = rawCursor === undefined ? undefined : typeof rawCursor === 'string' ? decodeSessionCursor(rawCursor) : undefined;
  if (rawCursor !== undefined && !cursor) throw badRequest('invalid_cursor', 'The cursor is not valid; start again from the first page.');
  return { ...(limit !== undefined ? { limit } : {}), ...(cursor ? { cursor } : {}) };
}

/**
 * `GET /teams/:teamId/sessions`: the upcoming sessions (the board's first paint; `?limit=&cursor=`
 * pages them), scoped to the caller's tenant; `?when=past` pages through the rest on demand.
 */
export function teamRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/teams/:teamId/sessions',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const { when } = req.query;
      if (when !== undefined && when !== 'upcoming' && when !== 'past')
        throw badRequest('invalid_when', 'when must be "upcoming" or "past".');
      const past = when === 'past';
      const page = pageParams(req.query, past ? PAGE_DEFAULT : undefined);
      const now = deps.now();
      const { tenantId } = caller;
      const [found, answers] = await Promise.all([
        past
          ? deps.services.teams.pastSessions(caller, teamId, now, {
              limit: page.limit ?? PAGE_DEFAULT,
              ...(page.cursor ? { cursor: page.cursor } : {}),
            })
          : deps.services.teams.board(caller, teamId, now, page),
        deps.services.teams.answersOf(tenantId, caller.userId),
      ]);
      if (!unwrap<TeamBoard | PastSessionsPage>(res, found)) return;
      const board = found.value;
      const mine = new Map(answers.map((a) => [a.sessionId, a]));
      const upcoming: Pick<TeamSessionsResponse, 'hasPast' | 'upcomingCount'> =
        board.kind === 'upcoming' ? { hasPast: board.hasPast, upcomingCount: board.upcomingCount } : {};
      const body: TeamSessionsResponse = {
        teamId,
        teamName: board.team.name,
        timeZone: timeZoneOf(board.team),
        sessions: board.sessions.map((s) => toSessionSummary(s, board.people, now, mine.get(s.sessionId))),
        ...upcoming,
        ...(board.nextCursor ? { nextCursor: board.nextCursor } : {}),
      };
      res.json(body);
    }),
  );
  return router;
}
