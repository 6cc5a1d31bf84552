import { Router } from 'express';
import type { ParkedDelivery } from '../../domain/delivery/delivery';
import { mayManage } from '../../domain/teams/team-access';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { Caller } from '../shared/token-validator';
import type { ParkedMessagesResponse, ParkedMessageView, RetryParkedResponse } from '../contract';
import { badRequest, HttpError, notFound } from '../shared/http-error';
import { teamIdParam } from '../teams/team-routes';

const PARKED_ID = /^[A-Za-z0-9:-]{1,100}$/;

function parkedIdParam(value: unknown): string {
  const parkedId = typeof value === 'string' ? value : '';
  if (!PARKED_ID.test(parkedId)) throw badRequest('invalid_parked_id', 'The parked message id is not valid.');
  return parkedId;
}

function toView(p: ParkedDelivery): ParkedMessageView {
  return {
    parkedId: p.parkedId,
    reason: p.reason,
    target: p.message ? p.message.target.kind : 'job',
    summary: p.message?.summary ?? '',
    attempts: p.attempts,
    lastError: p.lastError,
    parkedAt: p.parkedAt,
    ...(p.retryRequestedAt ? { retryRequestedAt: p.retryRequestedAt } : {}),
    retryable: p.message !== undefined || p.job !== undefined,
  };
}

/** What the bot could not post for a team: listed for, and retried by, the team's owners. */
export function deliveryRoutes(deps: ApiDependencies): Router {
  const router = Router();

  async function requireOwner(caller: Caller, teamId: string): Promise<void> {
    const found = await deps.services.teams.withRole(caller, teamId);
    if (!found) throw notFound('This team is not known to PeerLearn yet. Add the PeerLearn app to the team first.');
    if (!mayManage(found.standing)) {
      throw new HttpError(403, 'owners_only', 'Only an owner of this team can see and retry messages PeerLearn could not post.');
    }
  }

  router.get(
    '/teams/:teamId/parked',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      await requireOwner(caller, teamId);
      const parked = await deps.delivery.parked.listForTeam(caller.tenantId, teamId);
      const body: ParkedMessagesResponse = {
        teamId,
        parked: parked.sort((a, b) => b.parkedAt.localeCompare(a.parkedAt)).map(toView),
      };
      res.json(body);
    }),
  );

  router.post(
    '/teams/:teamId/parked/:parkedId/retry',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const parkedId = parkedIdParam(req.params.parkedId);
      await requireOwner(caller, teamId);
      const parked = await deps.delivery.parked.get(caller.tenantId, teamId, parkedId);
      if (!parked) throw notFound('There is no such parked message (it may have been delivered already).');
      if (parked.message) {
        await deps.delivery.parked.put({ ...parked, retryRequestedAt: deps.now().toISOString() });
        await deps.delivery.queue.requestRedelivery(caller.tenantId, teamId, parkedId);
      } else if (parked.job) {
        // A whole job (it kept failing): run it again from the start; its messages are idempotent.
        await deps.outbox.enqueue(parked.job);
        await deps.delivery.parked.remove(caller.tenantId, teamId, parkedId);
      } else {
        throw new HttpError(409, 'cannot_retry', 'This message cannot be retried: nothing readable was kept of it.');
      }
      const body: RetryParkedResponse = { parkedId, status: 'queued' };
      res.status(202).json(body);
    }),
  );

  return router;
}
