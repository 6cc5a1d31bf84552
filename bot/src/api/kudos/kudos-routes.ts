import { Router } from 'express';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { KudosView, KudosWallResponse } from '../contract';
import { badRequest } from '../shared/http-error';
import { unwrap } from '../shared/failure-problem';
import { teamIdParam } from '../teams/team-routes';

const KUDOS_WALL_DEFAULT = 12;
const KUDOS_WALL_MAX = 50;

function limitParam(value: unknown): number {
  if (value === undefined) return KUDOS_WALL_DEFAULT;
  const n = typeof value === 'string' && /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 1 && n <= KUDOS_WALL_MAX)) throw badRequest('invalid_limit', `The limit must be a whole number from 1 to ${KUDOS_WALL_MAX}.`);
  return n;
}

/** The kudos wall (DESIGN F6): newest thanks first, with names. Never totals or a count per person: a wall, not a ranking. */
export function kudosRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/teams/:teamId/kudos',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const limit = limitParam(req.query.limit);
      const wall = await deps.services.kudos.wall(caller, teamId, limit);
      if (!unwrap(res, wall)) return;
      const { kudos, names, titles } = wall.value;
      // A person who left keeps their thanks on the wall; the tab shows "a colleague" for an empty name.
      const person = (userId: string) => ({ userId, displayName: names.get(userId) ?? '' });
      const body: KudosWallResponse = {
        teamId,
        kudos: kudos.map((k): KudosView => {
          const title = k.sessionId ? titles.get(k.sessionId) : undefined;
          return {
            kudosId: k.kudosId,
            from: person(k.fromUserId),
            to: person(k.toUserId),
            message: k.message,
            createdAt: k.createdAt,
            ...(k.sessionId && title !== undefined ? { session: { sessionId: k.sessionId, title } } : {}),
          };
        }),
      };
      res.json(body);
    }),
  );
  return router;
}
