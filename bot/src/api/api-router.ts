import { Router } from 'express';
import type { ApiDependencies } from './api-dependencies';
import { meRoutes } from './experts/me-routes';
import { deliveryRoutes } from './delivery/delivery-routes';
import { teamRoutes } from './teams/team-routes';
import { sessionRoutes } from './sessions/session-routes';
import { planningRoutes } from './sessions/planning-routes';
import { expertRoutes } from './experts/expert-routes';
import { profileRoutes } from './experts/profile-routes';
import { teamSettingsRoutes } from './teams/team-settings-routes';
import { kudosRoutes } from './kudos/kudos-routes';
import { learningRequestRoutes } from './requests/learning-request-routes';
import { tipRoutes } from './tips/tip-routes';
import { privacyRoutes } from './privacy/privacy-routes';
import { buddyRoutes } from './buddies/buddy-routes';
import { buddyChatRoutes } from './buddies/buddy-chat-routes';
import { insightsRoutes } from './insights/insights-routes';
import { writeRateLimit } from './shared/load-limits';

export type { ApiDependencies } from './api-dependencies';

/** `/api/v1`: every route runs behind the one token validator; the caller's tenant scopes every read. Features add one line each. */
export function createApiRouter(deps: ApiDependencies): Router {
  const router = Router();
  // Before every route: a change past the person's or the tenant's limit does no work at all.
  router.use(writeRateLimit(deps.writeLimiter, deps.validate));
  router.use(meRoutes(deps));
  router.use(teamRoutes(deps));
  router.use(sessionRoutes(deps));
  router.use(planningRoutes(deps));
  router.use(expertRoutes(deps));
  router.use(profileRoutes(deps));
  router.use(deliveryRoutes(deps));
  router.use(teamSettingsRoutes(deps));
  router.use(kudosRoutes(deps));
  router.use(learningRequestRoutes(deps));
  router.use(tipRoutes(deps));
  router.use(privacyRoutes(deps));
  router.use(buddyRoutes(deps));
  router.use(buddyChatRoutes(deps));
  router.use(insightsRoutes(deps));
  return router;
}
