import { Router } from 'express';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { ORGANISATION_POOL } from '../../domain/buddies/buddy';
import type { BuddyPerson, BuddyRoundView, BuddyStatus } from '../../domain/buddies/buddy-service-contract';
import { isRoundId } from '../../domain/buddies/buddy-slots';
import type { ApiDependencies } from '../api-dependencies';
import type { BuddyCadenceBody, BuddyMeResponse, BuddyMetRequest, BuddyRoundResponse, StartBuddyRoundResponse } from '../contract';
import { authed } from '../shared/authed';
import { parsedBody } from '../shared/body-schema';
import { sendFailure, unwrap } from '../shared/failure-problem';
import { badRequest } from '../shared/http-error';
import { teamIdParam } from '../teams/team-routes';
import { buddyCadenceBody, buddyMeBody, buddyMetBody, invalidBuddy, notAnObject, unknownKeys } from './buddy-bodies';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as its schema reads it, or undefined after a 400 `invalid_buddy` naming each field. */
function body<T>(
  req: Request,
  res: Response,
  schema: z.ZodType<T>,
  failureOf: Parameters<typeof parsedBody>[3] = unknownKeys,
): T | undefined {
  if (!isObject(req.body)) {
    sendFailure(res, notAnObject);
    return undefined;
  }
  return parsedBody(res, req.body, schema, failureOf);
}

const meView = (s: BuddyStatus): BuddyMeResponse => s;

function roundView(view: BuddyRoundView): BuddyRoundResponse {
  const people = (list: readonly BuddyPerson[] | undefined) => list?.map((p) => ({ userId: p.userId, displayName: p.displayName }));
  const leftOver = people(view.leftOver);
  const skipped = people(view.skipped);
  return {
    round: {
      id: view.roundId,
      startedAt: view.startedAt,
      endsAt: view.endsAt,
      pairs: view.pairs,
      ...(leftOver ? { leftOver } : {}),
      ...(skipped ? { skipped } : {}),
    },
    ...(view.history ? { history: view.history.map(({ roundId, ...rest }) => ({ id: roundId, ...rest })) } : {}),
  };
}

/** `/teams/:teamId/buddies/…` (DESIGN F8): a person's participation, the team's cadence, rounds and "did you meet?". */
export function buddyRoutes(deps: ApiDependencies): Router {
  const router = Router();
  const { buddies } = deps.services;

  router.get(
    '/teams/:teamId/buddies/me',
    authed(deps.validate, async (req, res, caller) => {
      const status = await buddies.status(caller, teamIdParam(req.params.teamId));
      if (!unwrap(res, status)) return;
      res.json(meView(status.value));
    }),
  );

  router.put(
    '/teams/:teamId/buddies/me',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const change = body(req, res, buddyMeBody, invalidBuddy);
      if (!change) return;
      const { optIn, skipNext, acrossOrganisation, availability } = change;
      const updated = await buddies.update(caller, teamId, {
        ...(optIn !== undefined ? { optIn } : {}),
        ...(skipNext !== undefined ? { skipNext } : {}),
        ...(acrossOrganisation !== undefined ? { acrossOrganisation } : {}),
        ...(availability ? { availability: { days: availability.days, modes: availability.modes } } : {}),
      });
      if (!unwrap(res, updated)) return;
      res.json(meView(updated.value));
    }),
  );

  router.get(
    '/teams/:teamId/buddies/cadence',
    authed(deps.validate, async (req, res, caller) => {
      const found = await buddies.cadence(caller, teamIdParam(req.params.teamId));
      if (!unwrap(res, found)) return;
      res.json(found.value satisfies BuddyCadenceBody);
    }),
  );

  router.put(
    '/teams/:teamId/buddies/cadence',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const input = body(req, res, buddyCadenceBody);
      if (!input) return;
      const set = await buddies.setCadence(caller, teamId, input.cadence as BuddyCadenceBody['cadence']);
      if (!unwrap(res, set)) return;
      res.json(set.value satisfies BuddyCadenceBody);
    }),
  );

  router.post(
    '/teams/:teamId/buddies/rounds',
    authed(deps.validate, async (req, res, caller) => {
      const started = await buddies.startRound(caller, teamIdParam(req.params.teamId));
      if (!unwrap(res, started)) return;
      res.status(202).json({ roundId: started.value.roundId } satisfies StartBuddyRoundResponse);
    }),
  );

  router.get(
    '/teams/:teamId/buddies/rounds/latest',
    authed(deps.validate, async (req, res, caller) => {
      const latest = await buddies.latestRound(caller, teamIdParam(req.params.teamId));
      if (!unwrap(res, latest)) return;
      res.json(latest.value ? roundView(latest.value) : ({ round: null } satisfies BuddyRoundResponse));
    }),
  );

  router.put(
    '/teams/:teamId/buddies/rounds/:roundId/met',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const { pool } = req.query;
      if (pool !== undefined && pool !== 'organisation') throw badRequest('invalid_pool', 'pool must be "organisation" or left out.');
      const roundId = typeof req.params.roundId === 'string' ? req.params.roundId : '';
      const input = body(req, res, buddyMetBody);
      if (!input) return;
      // An id PeerLearn never makes names no round: the same 404 as an unknown one.
      if (!isRoundId(roundId)) return sendFailure(res, { subject: 'buddy', kind: 'noRound' });
      const answered = await buddies.answerMet(
        caller,
        pool === 'organisation' ? ORGANISATION_POOL : teamId,
        roundId,
        input.answer as BuddyMetRequest['answer'],
      );
      if (!unwrap(res, answered)) return;
      res.json({ answer: answered.value } satisfies BuddyMetRequest);
    }),
  );

  return router;
}
