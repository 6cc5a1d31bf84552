import { Router } from 'express';
import { recordSighting } from '../../domain/members';
import type { ApiDependencies } from '../api-dependencies';
import { authed } from '../authed';
import type { MeResponse } from '../contract';

/** `GET /me`: the signed-in person (created on first sight) and their teams. */
export function meRoutes(deps: ApiDependencies): Router {
  const router = Router();
  router.get(
    '/me',
    authed(deps.validate, async (_req, res, caller) => {
      const { members, teams } = deps.repositories;
      const profile = await recordSighting(
        members,
        { tenantId: caller.tenantId, userId: caller.userId, displayName: caller.name ?? '', ...(caller.locale ? { locale: caller.locale } : {}) },
        deps.now(),
      );
      const memberships = await teams.listTeamsOf(caller.tenantId, caller.userId);
      const named = await Promise.all(memberships.map((m) => teams.get(m.tenantId, m.teamId)));
      const body: MeResponse = {
        tenantId: profile.tenantId,
        userId: profile.userId,
        displayName: profile.displayName,
        ...(profile.locale ? { locale: profile.locale } : {}),
        bio: profile.bio,
        teaches: profile.teaches,
        wants: profile.wants,
        teams: memberships.map((m, i) => ({ teamId: m.teamId, name: named[i]?.name ?? '', role: m.role })),
      };
      res.json(body);
    }),
  );
  return router;
}
