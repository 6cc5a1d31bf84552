import { Router } from 'express';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { NudgeResponse } from '../contract';
import { unwrap } from '../shared/failure-problem';
import { badRequest } from '../shared/http-error';
import { teamIdParam } from '../teams/team-routes';

const USER_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

function userIdParam(value: unknown): string {
  const userId = typeof value === 'string' ? value : '';
  if (!USER_ID.test(userId)) throw badRequest('invalid_user_id', 'The person id is not valid.');
  return userId;
}

/**
 * `POST /teams/:teamId/insights/quiet/:userId/nudge` (owners): a private, friendly card to a quiet
 * member. 202: the card goes out through the outbox.
 */
export function nudgeRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.post(
    '/teams/:teamId/insights/quiet/:userId/nudge',
    authed(deps.validate, async (req, res, caller) => {
      const nudged = await deps.services.nudges.nudge(caller, teamIdParam(req.params.teamId), userIdParam(req.params.userId));
      if (!unwrap(res, nudged)) return;
      res.status(202).json({ nudgedAt: nudged.value.nudgedAt } satisfies NudgeResponse);
    }),
  );
  return router;
}
