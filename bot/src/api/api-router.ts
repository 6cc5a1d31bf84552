import { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { loadTeamBoard } from '../domain/board';
import { recordSighting } from '../domain/members';
import type { Repositories } from '../domain/repositories';
import type { MeResponse, TeamSessionsResponse } from './contract';
import { badRequest, notFound } from './http-error';
import { toSessionSummary } from './session-view';
import type { Caller, TokenValidator } from './token-validator';

export interface ApiDependencies {
  readonly repositories: Repositories;
  readonly validate: TokenValidator;
  readonly now: () => Date;
}

type Handler = (req: Request, res: Response, caller: Caller) => Promise<void>;

const TEAM_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

/** `/api/v1`: every route runs behind the one token validator; the caller's tenant scopes every read. */
export function createApiRouter(deps: ApiDependencies): Router {
  const router = Router();
  const authed =
    (handler: Handler) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      try {
        const caller = await deps.validate(req.headers.authorization);
        await handler(req, res, caller);
      } catch (error) {
        next(error);
      }
    };

  router.get(
    '/me',
    authed(async (_req, res, caller) => {
      const { members, teams } = deps.repositories;
      const profile = await recordSighting(
        members,
        { tenantId: caller.tenantId, userId: caller.userId, displayName: caller.name ?? '', ...(caller.locale ? { locale: caller.locale } : {}) },
        deps.now(),
      );
      const memberships = await teams.listTeamsOf(caller.tenantId, caller.userId);
      const named = await Promise.all(memberships.map((m) => teams.get(m.tenantId, m.teamId)));
      const body: MeResponse = {
        tenantId: profile.tenantId,
        userId: profile.userId,
        displayName: profile.displayName,
        ...(profile.locale ? { locale: profile.locale } : {}),
        bio: profile.bio,
        teaches: profile.teaches,
        wants: profile.wants,
        teams: memberships.map((m, i) => ({ teamId: m.teamId, name: named[i]?.name ?? '', role: m.role })),
      };
      res.json(body);
    }),
  );

  router.get(
    '/teams/:teamId/sessions',
    authed(async (req, res, caller) => {
      const teamId = String(req.params.teamId ?? '');
      if (!TEAM_ID.test(teamId)) throw badRequest('invalid_team_id', 'The team id is not valid.');
      const now = deps.now();
      const board = await loadTeamBoard(deps.repositories, caller.tenantId, teamId, now);
      if (!board) throw notFound('This team is not known to PeerLearn yet. Add the PeerLearn app to the team first.');
      const body: TeamSessionsResponse = {
        teamId,
        teamName: board.team.name,
        sessions: board.sessions.map((s) => toSessionSummary(s, board.people, now)),
      };
      res.json(body);
    }),
  );

  return router;
}
