import { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { ProfileService } from '../../domain/experts/profile-service';
import type { DevMembersResponse, DevTokenResponse } from '../contract';
import type { DevIssuer } from './dev-issuer';
import { badRequest } from './http-error';

const ID = /^[A-Za-z0-9._:@-]{1,128}$/;

interface DevRouteDependencies {
  readonly issuer: DevIssuer;
  readonly profiles: Pick<ProfileService, 'inTenant'>;
  /** The tenant whose members the standalone tab offers to act as. */
  readonly demoTenantId: string;
}

function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

/** Dev mode only: the service's own token issuer and the demo-member list for the standalone tab. */
export function createDevRouter(deps: DevRouteDependencies): Router {
  const router = Router();

  router.post('/token', async (req: Request, res: Response, next: NextFunction) => {
    try {
      const tenantId = field(req.body, 'tenantId');
      const userId = field(req.body, 'userId');
      const name = field(req.body, 'name');
      const locale = field(req.body, 'locale');
      const problems: string[] = [];
      if (typeof tenantId !== 'string' || !ID.test(tenantId)) problems.push('tenantId (letters, digits, - . _ : @; at most 128)');
      if (typeof userId !== 'string' || !ID.test(userId)) problems.push('userId (the Entra object id)');
      if (typeof name !== 'string' || name.trim() === '' || name.length > 200) problems.push('name (1–200 characters)');
      if (locale !== undefined && (typeof locale !== 'string' || !/^[A-Za-z]{2}(-[A-Za-z]{2})?$/.test(locale)))
        problems.push('locale (such as nl-NL or en-US)');
      if (problems.length > 0) throw badRequest('invalid_token_request', `Send JSON with a valid ${problems.join(', ')}.`);
      const token = await deps.issuer.issue({
        tenantId: tenantId as string,
        userId: userId as string,
        name: (name as string).trim(),
        ...(typeof locale === 'string' ? { locale } : {}),
      });
      const body: DevTokenResponse = { token };
      res.json(body);
    } catch (error) {
      next(error);
    }
  });

  router.get('/members', async (_req: Request, res: Response, next: NextFunction) => {
    try {
      const profiles = await deps.profiles.inTenant(deps.demoTenantId);
      const body: DevMembersResponse = {
        members: profiles.map((p) => ({
          tenantId: p.tenantId,
          userId: p.userId,
          displayName: p.displayName,
          ...(p.locale ? { locale: p.locale } : {}),
        })),
      };
      res.json(body);
    } catch (error) {
      next(error);
    }
  });

  return router;
}
