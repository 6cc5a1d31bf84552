import { Router } from 'express';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../shared/authed';
import type { MeResponse } from '../contract';

/** `GET /me`: the signed-in person (created on first sight) and their teams. */
export function meRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/me',
    authed(deps.validate, async (_req, res, caller) => {
      const { profiles, teams } = deps.services;
      const profile = await profiles.sighted({
        tenantId: caller.tenantId,
        userId: caller.userId,
        displayName: caller.name ?? '',
        ...(caller.locale ? { locale: caller.locale } : {}),
      });
      const memberships = await teams.membershipsOf(caller.tenantId, caller.userId);
      const body: MeResponse = {
        tenantId: profile.tenantId,
        userId: profile.userId,
        displayName: profile.displayName,
        ...(profile.locale ? { locale: profile.locale } : {}),
        bio: profile.bio,
        teaches: profile.teaches,
        wants: profile.wants,
        teams: memberships.map(({ membership: m, team }) => ({ teamId: m.teamId, name: team?.name ?? '', role: m.role })),
      };
      res.json(body);
    }),
  );
  return router;
}
