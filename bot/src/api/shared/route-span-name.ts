import { trace } from '@opentelemetry/api';
import type { Request, RequestHandler } from 'express';

/**
 * The route a request matched, with the path its router is mounted at: `/api/v1/teams/:teamId/sessions`.
 * The mount path is taken from the request's own path (the segments before the route's), because
 * `req.baseUrl` is reset once the routers are left, and an error answer is sent after that.
 */
function routeOf(req: Request): string | undefined {
  const route: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof route !== 'string' || route.includes('*')) return undefined;
  const routeSegments = route.split('/').filter((s) => s !== '');
  const pathSegments =
    req.originalUrl
      .split('?')[0]
      ?.split('/')
      .filter((s) => s !== '') ?? [];
  if (pathSegments.length < routeSegments.length) return route;
  const mount = pathSegments.slice(0, pathSegments.length - routeSegments.length);
  return `${mount.length > 0 ? `/${mount.join('/')}` : ''}${route}`;
}

/**
 * Names the request's span by its route (`GET /api/v1/teams/:teamId/sessions`), not only its
 * method: Application Insights groups requests by that name, and ids in the path would split one
 * route into thousands. Without telemetry there is no active span and this costs nothing.
 */
export function nameRequestSpans(): RequestHandler {
  return (req, res, next) => {
    const span = trace.getActiveSpan();
    if (span) {
      res.once('finish', () => {
        const route = routeOf(req);
        if (!route) return;
        span.setAttribute('http.route', route);
        span.updateName(`${req.method} ${route}`);
      });
    }
    next();
  };
}
