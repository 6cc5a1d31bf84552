import { Router } from 'express';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { MyLearningResponse } from '../contract';

/** `GET /me/learning`: the caller's own progress across their teams (issue #14); nobody else's. */
export function meLearningRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/me/learning',
    authed(deps.validate, async (_req, res, caller) => {
      const body: MyLearningResponse = await deps.services.myLearning.learning(caller);
      res.json(body);
    }),
  );
  return router;
}
