import { Router } from 'express';
import { OPEN_SEARCH_MAX, OPEN_SESSIONS_PAGE_MAX } from '../../domain/sessions/open-sessions';
import { timeZoneOf } from '../../domain/sessions/session-service';
import type { ApiDependencies } from '../api-dependencies';
import type { OpenSessionsResponse } from '../contract';
import { authed } from '../shared/authed';
import { badRequest } from '../shared/http-error';
import { teamIdParam } from '../teams/team-routes';
import { toSessionSummary } from './session-view';

const PAGE_DEFAULT = 20;

function limitParam(raw: unknown): number {
  if (raw === undefined) return PAGE_DEFAULT;
  const limit = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= OPEN_SESSIONS_PAGE_MAX))
    throw badRequest('invalid_limit', `The limit must be a whole number from 1 to ${OPEN_SESSIONS_PAGE_MAX}.`);
  return limit;
}

function searchParam(raw: unknown): string {
  if (raw === undefined) return '';
  if (typeof raw !== 'string') throw badRequest('invalid_query', 'Search with one text.');
  if (raw.length > OPEN_SEARCH_MAX) throw badRequest('invalid_query', `Search with at most ${OPEN_SEARCH_MAX} characters.`);
  return raw;
}

/**
 * `GET /sessions/open?q=&limit=&cursor=&exceptTeam=`: the tenant's upcoming sessions open to the whole
 * organisation, across its teams (anyone signed in to the tenant; answering goes through the
 * session's own `…/rsvp`).
 */
export function openSessionRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/sessions/open',
    authed(deps.validate, async (req, res, caller) => {
      const search = searchParam(req.query.q);
      const limit = limitParam(req.query.limit);
      const rawCursor = req.query.cursor;
      if (rawCursor !== undefined && typeof rawCursor !== 'string')
        throw badRequest('invalid_cursor', 'The cursor is not valid; start again from the first page.');
      const exceptTeam = req.query.exceptTeam === undefined ? undefined : teamIdParam(req.query.exceptTeam);
      const page = await deps.services.openSessions.page(caller, {
        search,
        limit,
        ...(exceptTeam !== undefined ? { exceptTeamId: exceptTeam } : {}),
        ...(rawCursor !== undefined ? { cursor: rawCursor } : {}),
      });
      if (page === 'badCursor') throw badRequest('invalid_cursor', 'The cursor is not valid; start again from the first page.');
      const now = deps.now();
      const body: OpenSessionsResponse = {
        sessions: page.sessions.map(({ session, team, mine }) => ({
          ...toSessionSummary(session, page.people, now, mine),
          teamName: team.name,
          timeZone: timeZoneOf(team),
        })),
        ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
      };
      res.set('Cache-Control', 'no-store').json(body);
    }),
  );
  return router;
}
