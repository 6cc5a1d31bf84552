import { Router } from 'express';
import type { ApiDependencies } from '../api-dependencies';
import type { LatestPulseResponse, PulseResults } from '../contract';
import { authed } from '../shared/authed';
import { sendFailure, unwrap } from '../shared/failure-problem';
import { teamIdParam } from '../teams/team-routes';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `/teams/:teamId/pulses` (DESIGN F5): owners post a pulse, members answer it once, anonymously. */
export function pulseRoutes(deps: ApiDependencies): Router {
  const router = Router();
  const { pulses } = deps.services;

  router.post(
    '/teams/:teamId/pulses',
    authed(deps.validate, async (req, res, caller) => {
      const posted = await pulses.post(caller, teamIdParam(req.params.teamId), req.body as unknown);
      if (!unwrap(res, posted)) return;
      res.status(202).json(posted.value satisfies PulseResults);
    }),
  );

  router.get(
    '/teams/:teamId/pulses/latest',
    authed(deps.validate, async (req, res, caller) => {
      const latest = await pulses.latest(caller, teamIdParam(req.params.teamId));
      if (!unwrap(res, latest)) return;
      res.json({ pulse: latest.value ?? null } satisfies LatestPulseResponse);
    }),
  );

  router.put(
    '/teams/:teamId/pulses/:pulseId/answer',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const pulseId = typeof req.params.pulseId === 'string' ? req.params.pulseId : '';
      const body: unknown = req.body;
      if (!isObject(body))
        return sendFailure(res, { subject: 'insights', kind: 'invalid', problems: [{ field: 'body', code: 'notAnObject' }] });
      const unknown = Object.keys(body).filter((key) => key !== 'answers');
      if (unknown.length > 0) {
        return sendFailure(res, {
          subject: 'insights',
          kind: 'invalid',
          problems: unknown.map((field) => ({ field, code: 'unknownField' })),
        });
      }
      const answered = await pulses.answer(caller, teamId, pulseId, body['answers']);
      if (!unwrap(res, answered)) return;
      res.json(answered.value satisfies PulseResults);
    }),
  );

  return router;
}
