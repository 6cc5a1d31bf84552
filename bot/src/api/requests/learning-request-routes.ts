import { Router } from 'express';
import { t } from '../../cards/shared/i18n';
import { requestSessionDraft } from '../../cards/requests/request-session-draft';
import type { RequestItem } from '../../domain/requests/learning-request-service';
import { unwrap } from '../shared/failure-problem';
import type { Locale } from '../../domain/shared/person';
import { toLocale } from '../../domain/shared/person';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type {
  CreateLearningRequestResponse,
  LearningRequestDetailResponse,
  LearningRequestSessionDraft,
  LearningRequestsResponse,
  LearningRequestView,
} from '../contract';
import { HttpError } from '../shared/http-error';
import type { Caller } from '../shared/token-validator';
import { teamIdParam } from '../teams/team-routes';
import { parsedBody } from '../shared/body-schema';
import { invalidRequest, learningRequestBody } from './learning-request-bodies';
import { admitTeamSkills } from '../shared/unknown-skill-answer';

const REQUEST_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

/** Unknown and malformed ids answer the same 404: a forged id learns nothing. */
function requestIdParam(value: unknown): string {
  const requestId = typeof value === 'string' ? value : '';
  if (!REQUEST_ID.test(requestId)) throw new HttpError(404, 'not_found', t('en', 'requests:failure_notFound'));
  return requestId;
}

function toView(item: RequestItem, caller: Caller): LearningRequestView {
  const { request } = item;
  return {
    requestId: request.requestId,
    teamId: request.teamId,
    skill: request.skill,
    ...(request.note ? { note: request.note } : {}),
    status: request.status,
    votes: request.votes,
    voted: item.voted,
    author: item.author,
    isAuthor: request.authorUserId === caller.userId,
    ...(item.takenBy ? { takenBy: item.takenBy } : {}),
    experts: item.experts,
    ...(request.sessionId ? { sessionId: request.sessionId } : {}),
    canClose: item.canClose,
    canHandBack: item.canHandBack,
    createdAt: request.createdAt,
  };
}

function sessionDraftOf(item: RequestItem, locale: Locale): LearningRequestSessionDraft {
  return requestSessionDraft(item.request, locale);
}

/** `/teams/:teamId/requests…`: learning requests (DESIGN F7). Reads are open to the tenant; changes need team membership. */
export function learningRequestRoutes(deps: ApiDependencies): Router {
  const router = Router();
  const requests = deps.services.learningRequests;
  const base = '/teams/:teamId/requests';

  router.get(
    base,
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const outcome = await requests.list(caller, teamId);
      if (!unwrap(res, outcome)) return;
      const body: LearningRequestsResponse = { teamId, requests: outcome.value.items.map((i) => toView(i, caller)) };
      res.json(body);
    }),
  );

  router.post(
    base,
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      // A body that is no object at all is the domain's to name (`bodyInvalid`); an object is bounded first.
      const sent = req.body as unknown;
      const isObject = typeof sent === 'object' && sent !== null && !Array.isArray(sent);
      const parsed = isObject ? parsedBody(res, sent, learningRequestBody, invalidRequest) : undefined;
      if (isObject && parsed === undefined) return;
      // The skill passes the team's taxonomy: "Dokcer" is asked about, a new skill must be confirmed in `newSkills`.
      const typed = parsed?.skill?.trim() ? parsed.skill : undefined;
      const admitted = typed
        ? await admitTeamSkills(res, deps.services.skills, caller, teamId, { skill: [typed] }, { newSkills: parsed?.newSkills ?? [] })
        : undefined;
      if (typed && !admitted) return;
      const { newSkills: _confirmed, ...fields } = parsed ?? {};
      // A skill of only punctuation admits nothing: the domain names it (`skillInvalid`).
      const skill = admitted?.fields['skill']?.[0];
      const input = parsed ? { ...fields, ...(skill !== undefined ? { skill } : {}) } : sent;
      const outcome = await requests.create(caller, teamId, input);
      if (!unwrap(res, outcome)) return;
      if (outcome.value.created) await admitted?.commit();
      const body: CreateLearningRequestResponse = { created: outcome.value.created, request: toView(outcome.value.item, caller) };
      res.status(outcome.value.created ? 201 : 200).json(body);
    }),
  );

  router.get(
    `${base}/:requestId`,
    authed(deps.validate, async (req, res, caller) => {
      const outcome = await requests.detail(caller, teamIdParam(req.params.teamId), requestIdParam(req.params.requestId));
      if (!unwrap(res, outcome)) return;
      const body: LearningRequestDetailResponse = {
        request: toView(outcome.value, caller),
        draft: sessionDraftOf(outcome.value, toLocale(caller.locale)),
      };
      res.json(body);
    }),
  );

  for (const [method, wants] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    router[method](
      `${base}/:requestId/vote`,
      authed(deps.validate, async (req, res, caller) => {
        const outcome = await requests.vote(caller, teamIdParam(req.params.teamId), requestIdParam(req.params.requestId), wants);
        if (!unwrap(res, outcome)) return;
        res.json(toView(outcome.value, caller));
      }),
    );
  }

  router.post(
    `${base}/:requestId/take`,
    authed(deps.validate, async (req, res, caller) => {
      const outcome = await requests.take(caller, teamIdParam(req.params.teamId), requestIdParam(req.params.requestId));
      if (!unwrap(res, outcome)) return;
      const body: LearningRequestDetailResponse = {
        request: toView(outcome.value, caller),
        draft: sessionDraftOf(outcome.value, toLocale(caller.locale)),
      };
      res.json(body);
    }),
  );

  router.post(
    `${base}/:requestId/hand-back`,
    authed(deps.validate, async (req, res, caller) => {
      const outcome = await requests.handBack(caller, teamIdParam(req.params.teamId), requestIdParam(req.params.requestId));
      if (!unwrap(res, outcome)) return;
      res.json(toView(outcome.value, caller));
    }),
  );

  router.delete(
    `${base}/:requestId`,
    authed(deps.validate, async (req, res, caller) => {
      const outcome = await requests.close(caller, teamIdParam(req.params.teamId), requestIdParam(req.params.requestId));
      if (!unwrap(res, outcome)) return;
      res.json(toView(outcome.value, caller));
    }),
  );

  return router;
}
