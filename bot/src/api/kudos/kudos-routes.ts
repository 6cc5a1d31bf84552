import { Router } from 'express';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { KudosChoicesResponse, KudosView, KudosWallResponse } from '../contract';
import { parsedBody } from '../shared/body-schema';
import { invalidKudosOf, kudosBody } from './kudos-bodies';
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

/**
 * The kudos wall (DESIGN F6): newest thanks first, with names. Never totals or a count per person: a wall, not a ranking.
 * And kudos from the tab (issue #12): whom the form may thank, and the thank-you itself, posted in the channel like the bot's.
 */
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
            ...(k.skill ? { skill: k.skill } : {}),
            ...(k.sessionId && title !== undefined ? { session: { sessionId: k.sessionId, title } } : {}),
          };
        }),
      };
      res.json(body);
    }),
  );
  router.get(
    '/teams/:teamId/kudos/choices',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const choices = await deps.services.kudos.choices(caller, teamId);
      if (!unwrap(res, choices)) return;
      const body: KudosChoicesResponse = { teamId, people: choices.value.people };
      res.json(body);
    }),
  );

  router.post(
    '/teams/:teamId/kudos',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const input = parsedBody(res, req.body, kudosBody, invalidKudosOf(caller.userId));
      if (!input) return;
      const given = await deps.services.kudos.giveInTeam(caller, teamId, input);
      if (!unwrap(res, given)) return;
      const { kudos: k, names } = given.value;
      const body: KudosView = {
        kudosId: k.kudosId,
        from: { userId: k.fromUserId, displayName: names.get(k.fromUserId) ?? '' },
        to: { userId: k.toUserId, displayName: names.get(k.toUserId) ?? '' },
        message: k.message,
        createdAt: k.createdAt,
        ...(k.skill ? { skill: k.skill } : {}),
      };
      res.status(201).json(body);
    }),
  );

  return router;
}
