import { Router } from 'express';
import { t } from '../../cards/shared/i18n';
import { InvalidCursorError } from '../../domain/shared/storage-errors';
import type { Tip } from '../../domain/tips/tip';
import { MAX_QUERY_CHARS } from '../../domain/experts/text-fold';
import { tipPageSize, TIP_PAGE_MAX } from '../../domain/tips/tip-search';
import type { TipListing } from '../../domain/tips/tip-service';
import { unwrap } from '../shared/failure-problem';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { TipListResponse, TipView } from '../contract';
import { badRequest, HttpError } from '../shared/http-error';
import { teamIdParam } from '../teams/team-routes';
import { parsedBody } from '../shared/body-schema';
import { invalidTip, tipBody } from './tip-bodies';
import { admitTeamSkills } from '../shared/unknown-skill-answer';

const TIP_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

/** Unknown and malformed ids answer the same 404: a forged id learns nothing. */
function tipIdParam(value: unknown): string {
  const tipId = typeof value === 'string' ? value : '';
  if (!TIP_ID.test(tipId)) throw new HttpError(404, 'not_found', t('en', 'tips:notFound'));
  return tipId;
}

function textParam(value: unknown, name: string): string {
  if (value === undefined) return '';
  if (typeof value !== 'string' || value.length > MAX_QUERY_CHARS)
    throw badRequest(`invalid_${name}`, `The ${name} must be one text of at most ${MAX_QUERY_CHARS} characters.`);
  return value;
}

/** `/teams/:teamId/tips`: list and search (newest first), share, remove (DESIGN F9). */
export function tipRoutes(deps: ApiDependencies): Router {
  const router = Router();
  const { tips, profiles } = deps.services;

  const view = (tip: Tip, listing: Pick<TipListing, 'authors'>, callerId: string, owner: boolean): TipView => ({
    tipId: tip.tipId,
    title: tip.title,
    body: tip.body,
    ...(tip.link ? { link: tip.link } : {}),
    skills: tip.skills,
    author: { userId: tip.authorUserId, displayName: listing.authors.get(tip.authorUserId)?.displayName ?? '' },
    createdAt: tip.createdAt,
    canDelete: owner || tip.authorUserId === callerId,
  });

  router.get(
    '/teams/:teamId/tips',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const limit = tipPageSize(req.query.limit);
      if (limit === undefined) throw badRequest('invalid_limit', `The limit must be a whole number from 1 to ${TIP_PAGE_MAX}.`);
      const text = textParam(req.query.q, 'query');
      const skill = textParam(req.query.skill, 'skill');
      const cursor = textParam(req.query.cursor, 'cursor');
      const listed = await tips.list(caller, teamId, { text, skill }, { limit, ...(cursor ? { cursor } : {}) }).catch((error: unknown) => {
        throw error instanceof InvalidCursorError
          ? badRequest('invalid_cursor', 'The cursor is not valid; start again without it.')
          : error;
      });
      if (!unwrap(res, listed)) return;
      const owner =
        listed.value.tips.some((t) => t.authorUserId !== caller.userId) && (await tips.isOwner(caller.tenantId, teamId, caller.userId));
      const body: TipListResponse = {
        teamId,
        tips: listed.value.tips.map((t) => view(t, listed.value, caller.userId, owner)),
        ...(listed.value.cursor ? { cursor: listed.value.cursor } : {}),
      };
      res.json(body);
    }),
  );

  router.post(
    '/teams/:teamId/tips',
    authed(deps.validate, async (req, res, caller) => {
      const teamId = teamIdParam(req.params.teamId);
      const parsed = parsedBody(res, req.body, tipBody, invalidTip);
      if (!parsed) return;
      const { newSkills, ...input } = parsed;
      // Every stored skill passes the taxonomy: "Dokcer" is asked about, a new skill must be confirmed in `newSkills`.
      const admitted = await admitTeamSkills(
        res,
        deps.services.skills,
        caller,
        teamId,
        { skills: input.skills ?? [] },
        { newSkills: newSkills ?? [] },
      );
      if (!admitted) return;
      const shared = await tips.share(caller, teamId, input.skills ? { ...input, skills: admitted.fields['skills'] } : input);
      if (!unwrap(res, shared)) return;
      await admitted.commit();
      const author = await profiles.get(caller.tenantId, caller.userId);
      const authors = new Map(author ? [[author.userId, author]] : []);
      res.status(201).json(view(shared.value, { authors }, caller.userId, false));
    }),
  );

  router.delete(
    '/teams/:teamId/tips/:tipId',
    authed(deps.validate, async (req, res, caller) => {
      const removed = await tips.remove(caller, teamIdParam(req.params.teamId), tipIdParam(req.params.tipId));
      if (!unwrap(res, removed)) return;
      res.status(204).end();
    }),
  );

  return router;
}
