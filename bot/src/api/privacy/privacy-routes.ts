import { Router } from 'express';
import { t } from '../../cards/shared/i18n';
import type { PersonalDataExport } from '../../domain/privacy/privacy-service';
import type { ApiDependencies } from '../api-dependencies';
import { authed, callerOf } from '../shared/authed';
import { checkedBody } from '../shared/body-schema';
import { unwrap } from '../shared/failure-problem';
import { badRequest } from '../shared/http-error';
import type { EraseMeRequest, PersonalDataExportLinkResponse, PersonalDataExportResponse } from '../contract';
import { confirmed, eraseMeBody } from './privacy-bodies';
import type { Response } from 'express';

/** The export as a file download: never cached, named after the day it was made. */
function sendExport(res: Response, data: PersonalDataExport): void {
  const body: PersonalDataExportResponse = data;
  const day = data.exportedAt.slice(0, 10);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Disposition', `attachment; filename="peerlearn-export-${day}.json"`);
  res.json(body);
}

/**
 * DESIGN F13: `GET /me/export` (the signed-in person's data), `POST /me/export/link` (a signed link to
 * it, 15 minutes), `GET /me/export/link/:token` (the export through that link, without signing in; a
 * signed-in caller must be the link's person)
 * and `DELETE /me` (erase, only with `confirm: true`).
 */
export function privacyRoutes(deps: ApiDependencies): Router {
  const router = Router();
  const { privacy } = deps.services;

  router.get(
    '/me/export',
    authed(deps.validate, async (_req, res, caller) => {
      sendExport(res, await privacy.exportFor({ tenantId: caller.tenantId, userId: caller.userId }));
    }),
  );

  router.post(
    '/me/export/link',
    authed(deps.validate, async (_req, res, caller) => {
      const link = await privacy.exportLink({ tenantId: caller.tenantId, userId: caller.userId });
      const body: PersonalDataExportLinkResponse = { url: link.url, expiresAt: link.expiresAt.toISOString() };
      res.setHeader('Cache-Control', 'no-store');
      res.json(body);
    }),
  );

  router.get('/me/export/link/:token', async (req, res, next) => {
    try {
      // No sign-in needed; but a bearer token that is sent must be valid and name the link's person.
      const requester = req.headers.authorization ? await callerOf(req, deps.validate) : undefined;
      const token = typeof req.params.token === 'string' ? req.params.token : '';
      const result = await privacy.exportByLink(token, requester ? { tenantId: requester.tenantId, userId: requester.userId } : undefined);
      if (unwrap(res, result)) sendExport(res, result.value);
    } catch (error) {
      next(error);
    }
  });

  router.delete(
    '/me',
    authed(deps.validate, async (req, res, caller) => {
      if (!confirmed(req.body)) throw badRequest('confirmation_required', t('en', 'privacy:failure_confirmationRequired'));
      const input: EraseMeRequest | undefined = checkedBody(res, req.body, eraseMeBody, 'invalid_erase');
      if (!input) return;
      await privacy.erase({ tenantId: caller.tenantId, userId: caller.userId }, input.contributions);
      res.setHeader('Cache-Control', 'no-store');
      res.status(204).end();
    }),
  );

  return router;
}
