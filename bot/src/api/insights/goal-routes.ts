import { Router } from 'express';
import type { ApiDependencies } from '../api-dependencies';
import type { GoalsResponse } from '../contract';
import { authed } from '../shared/authed';
import { unwrap } from '../shared/failure-problem';
import { teamIdParam } from '../teams/team-routes';

/** `/teams/:teamId/goals` (DESIGN F10): members read the goals with their progress, owners replace them. */
export function goalRoutes(deps: ApiDependencies): Router {
  const router = Router();
  const { goals } = deps.services;

  router.get(
    '/teams/:teamId/goals',
    authed(deps.validate, async (req, res, caller) => {
      const found = await goals.list(caller, teamIdParam(req.params.teamId));
      if (!unwrap(res, found)) return;
      res.json(found.value satisfies GoalsResponse);
    }),
  );

  router.put(
    '/teams/:teamId/goals',
    authed(deps.validate, async (req, res, caller) => {
      // The domain checks the body field by field (400 names `goals[i].field`).
      const replaced = await goals.replace(caller, teamIdParam(req.params.teamId), req.body as unknown);
      if (!unwrap(res, replaced)) return;
      res.json(replaced.value satisfies GoalsResponse);
    }),
  );

  return router;
}
