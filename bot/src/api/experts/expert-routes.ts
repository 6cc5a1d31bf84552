import { Router } from 'express';
import type { Request } from 'express';
import { explainExpert, chatUrl } from '../../cards/experts/expert-cards';
import { toLocale } from '../../domain/shared/person';
import type { SkillLevel } from '../../domain/experts/member';
import type { ExpertHit } from '../../domain/experts/expert-index';
import { MAX_PAGE } from '../../domain/experts/expert-index';
import { teamIdParam } from '../teams/team-routes';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { ExpertResult, ExpertsResponse, SkillSuggestResponse } from '../contract';
import { badRequest, HttpError } from '../shared/http-error';

const MAX_QUERY = 200;

function queryText(req: Request, name: string): string {
  const value = req.query[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw badRequest('invalid_query', `${name} must be given once, as text.`);
  return value.slice(0, MAX_QUERY);
}

function wholeNumber(req: Request, name: string, fallback: number, min: number, max: number): number {
  const raw = queryText(req, name);
  if (raw === '') return fallback;
  if (!/^\d{1,6}$/.test(raw)) throw badRequest('invalid_query', `${name} must be a whole number from ${min} to ${max}.`);
  return Math.min(Math.max(Number(raw), min), max);
}

function toExpertResult(hit: ExpertHit, locale: 'en' | 'nl'): ExpertResult {
  return {
    userId: hit.userId,
    displayName: hit.displayName,
    match: hit.match,
    ...(hit.quality ? { quality: hit.quality } : {}),
    ...(hit.skill ? { skill: hit.skill } : {}),
    sessionsTaught: hit.sessionsTaught,
    ...(hit.wantedBy !== undefined ? { wantedBy: hit.wantedBy } : {}),
    explanation: explainExpert(hit, locale),
    teaches: hit.teaches,
    languages: hit.languages,
    availability: hit.availability,
    chatUrl: chatUrl(hit),
  };
}

/** `GET /skills/suggest` and `GET /experts`: the one ranking of expert search, over the caller's tenant only. */
export function expertRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/skills/suggest',
    authed(deps.validate, async (req, res, caller) => {
      const q = queryText(req, 'q');
      // `teamId`: the team's own skills too (the team taxonomy), for its members only.
      const team = queryText(req, 'teamId');
      const index = await deps.experts.index(caller.tenantId);
      const taxonomy = team === '' ? index.taxonomy() : await deps.services.skills.taxonomyFor(caller, teamIdParam(team));
      const body: SkillSuggestResponse = { query: q, suggestions: taxonomy.suggest(q, 10, (key) => index.teachers(key)) };
      res.json(body);
    }),
  );
  router.get(
    '/experts',
    authed(deps.validate, async (req, res, caller) => {
      const q = queryText(req, 'q');
      const skip = wholeNumber(req, 'skip', 0, 0, 1000);
      const count = wholeNumber(req, 'count', 10, 1, MAX_PAGE);
      const level = wholeNumber(req, 'level', 0, 0, 3);
      const language = queryText(req, 'language').trim();
      const outcome = await deps.experts.search(
        caller.tenantId,
        {
          text: q,
          skip,
          count,
          ...(level > 0 ? { minLevel: level as SkillLevel } : {}),
          ...(language ? { language } : {}),
          excludeUserId: caller.userId,
        },
        10_000,
      );
      if (outcome.status === 'warming')
        throw new HttpError(503, 'index_warming', 'Expert search is starting up. Please try again in a few seconds.');
      const locale = toLocale(caller.locale);
      const body: ExpertsResponse = {
        query: q,
        skip,
        count,
        suggestions: outcome.page.suggestions,
        results: outcome.page.hits.map((hit) => toExpertResult(hit, locale)),
        ...(outcome.page.askerMatched ? { askerMatched: true } : {}),
        ...(outcome.page.nothingToSearch ? { nothingToSearch: true } : {}),
      };
      res.json(body);
    }),
  );
  return router;
}
