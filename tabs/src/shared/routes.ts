/** The tab's routes as pure functions; the URL list the manifest uses is documented in app/routes.ts. */
export type Route =
  | { readonly name: 'board' }
  | { readonly name: 'experts'; readonly query: string }
  | { readonly name: 'session'; readonly teamId: string; readonly sessionId: string }
  /** `request`: start from a learning request the planner took (its skill, note and a suggested title). */
  | { readonly name: 'plan'; readonly teamId: string; readonly sessionId?: string; readonly request?: string }
  | { readonly name: 'tips' }
  | { readonly name: 'profile' }
  | { readonly name: 'my-learning' }
  | { readonly name: 'insights' }
  /** Upcoming sessions of all teams that anyone in the organisation may join. */
  | { readonly name: 'open' }
  | { readonly name: 'settings' }
  /** The latest learning-buddy round of a team (the chosen or context team when none is named): owners all of it, members their pair. */
  | { readonly name: 'buddies'; readonly teamId?: string }
  | { readonly name: 'config' }
  /** The privacy statement and the terms of use: public pages, shown without signing in. */
  | { readonly name: 'privacy' }
  | { readonly name: 'terms' };

export const boardRoute: Route = { name: 'board' };

/** The routes that need no sign-in (the manifest's `privacyUrl` and `termsOfUseUrl`). */
export type PublicRoute = Extract<Route, { readonly name: 'privacy' | 'terms' }>;

export function isPublicRoute(route: Route): route is PublicRoute {
  return route.name === 'privacy' || route.name === 'terms';
}

function decode(part: string | undefined): string | undefined {
  if (!part) return undefined;
  try {
    const value = decodeURIComponent(part);
    return value.trim() ? value : undefined;
  } catch {
    return undefined;
  }
}

/** A hash route (`#/sessions/a/b`, `sessions/a/b` or a Teams subPageId) → a route; unknown → undefined. */
export function parseHashRoute(hash: string): Route | undefined {
  const trimmed = hash.replace(/^#?\/?/, '');
  const [pathPart = '', queryPart = ''] = trimmed.split('?', 2);
  const parts = pathPart.split('/').filter((p) => p !== '');
  const [first, second, third, fourth] = parts;
  switch (first) {
    case undefined:
    case 'board':
      return parts.length <= 1 ? boardRoute : undefined;
    case 'experts':
      return { name: 'experts', query: new URLSearchParams(queryPart).get('q') ?? '' };
    case 'sessions': {
      const teamId = decode(second);
      const sessionId = decode(third);
      if (!teamId || !sessionId) return undefined;
      if (fourth === 'edit') return { name: 'plan', teamId, sessionId };
      return fourth === undefined ? { name: 'session', teamId, sessionId } : undefined;
    }
    case 'plan': {
      const teamId = decode(second);
      if (!teamId || parts.length !== 2) return undefined;
      const request = new URLSearchParams(queryPart).get('request')?.trim();
      return request ? { name: 'plan', teamId, request } : { name: 'plan', teamId };
    }
    case 'buddies': {
      if (parts.length === 1) return { name: 'buddies' };
      const teamId = decode(second);
      return teamId && parts.length === 2 ? { name: 'buddies', teamId } : undefined;
    }
    case 'tips':
    case 'profile':
    case 'my-learning':
    case 'insights':
    case 'open':
    case 'settings':
    case 'config':
    case 'privacy':
    case 'terms':
      return parts.length === 1 ? { name: first } : undefined;
    default:
      return undefined;
  }
}

interface LocationLike {
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}

/**
 * Where the page is: the hash wins (in-tab navigation), then `?view=` (the personal tab's
 * contentUrl), then the `/config` path (the channel tab's configurationUrl), then the board.
 */
export function parseLocation(location: LocationLike): Route {
  const fromHash = location.hash.replace(/^#\/?/, '') ? parseHashRoute(location.hash) : undefined;
  if (fromHash) return fromHash;
  const view = new URLSearchParams(location.search).get('view');
  if (view) {
    const fromView = parseHashRoute(view);
    if (fromView) return fromView;
  }
  if (/\/config\/?$/.test(location.pathname)) return { name: 'config' };
  return boardRoute;
}

/** The hash for a route (`#/…`), the inverse of `parseHashRoute`. */
export function hrefFor(route: Route): string {
  return `#/${subPageIdFor(route)}`;
}

/** The route without `#/`: what a Teams deep link carries as `subEntityId` / `page.subPageId`. */
export function subPageIdFor(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'experts':
      return route.query ? `experts?${new URLSearchParams({ q: route.query }).toString()}` : 'experts';
    case 'session':
      return `sessions/${e(route.teamId)}/${e(route.sessionId)}`;
    case 'plan':
      if (route.sessionId) return `sessions/${e(route.teamId)}/${e(route.sessionId)}/edit`;
      return route.request
        ? `plan/${e(route.teamId)}?${new URLSearchParams({ request: route.request }).toString()}`
        : `plan/${e(route.teamId)}`;
    case 'buddies':
      return route.teamId ? `buddies/${e(route.teamId)}` : 'buddies';
    default:
      return route.name;
  }
}

/** The entity id the config page gives a team's board tab (unique per team, stable across saves). */
export function boardEntityId(teamId: string): string {
  return `peerlearn-board-${teamId}`;
}

/** The channel tab's contentUrl: the board; the team comes from the Teams context at run time. */
export function boardContentUrl(origin: string): string {
  return `${origin}/#/board`;
}
