import { Router } from 'express';
import type { ApiDependencies } from './api-dependencies';
import { meRoutes } from './routes/me-routes';
import { deliveryRoutes } from './routes/delivery-routes';
import { teamRoutes } from './routes/team-routes';
import { sessionRoutes } from './routes/session-routes';
import { expertRoutes } from './routes/expert-routes';
import { profileRoutes } from './routes/profile-routes';
import { teamSettingsRoutes } from './routes/team-settings-routes';
import { kudosRoutes } from './routes/kudos-routes';
import { learningRequestRoutes } from './routes/learning-request-routes';
import { tipRoutes } from './routes/tip-routes';

export type { ApiDependencies } from './api-dependencies';

/** `/api/v1`: every route runs behind the one token validator; the caller's tenant scopes every read. Features add one line each. */
export function createApiRouter(deps: ApiDependencies): Router {
  const router = Router();
  router.use(meRoutes(deps));
  router.use(teamRoutes(deps));
  router.use(sessionRoutes(deps));
  router.use(expertRoutes(deps));
  router.use(profileRoutes(deps));
  router.use(deliveryRoutes(deps));
  router.use(teamSettingsRoutes(deps));
  router.use(kudosRoutes(deps));
  router.use(learningRequestRoutes(deps));
  router.use(tipRoutes(deps));
  return router;
}
