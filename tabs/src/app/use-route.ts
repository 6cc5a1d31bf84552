import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { Route } from './routes';
import { boardRoute, hrefFor, parseHashRoute, parseLocation, subPageIdFor } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

// The snapshot must be a stable primitive, so the hook compares the URL and parses afterwards.
const readUrl = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;

/** The current route, live with the back button; `navigate` pushes a history entry. */
export function useRoute(): { readonly route: Route; readonly navigate: (route: Route) => void } {
  const url = useSyncExternalStore(subscribe, readUrl, () => '/');
  const route = useMemo(() => parseLocation(new URL(url, 'http://tab.local')), [url]);
  const navigate = useCallback((next: Route) => {
    window.location.hash = hrefFor(next);
    // Move focus to the top of the new view for keyboard and screen-reader users.
    window.scrollTo?.({ top: 0 });
  }, []);
  return { route, navigate };
}

/**
 * A Teams deep link opens the tab with `page.subPageId` (e.g. `sessions/<team>/<session>`):
 * turn it into the hash once, unless the URL already names a view. Teams loads the tab's own
 * contentUrl for a deep link, and the channel tab's is `#/board` (see routes.ts), so the board's
 * hash counts as "no view named" here — otherwise deep links into a channel tab would never open.
 */
export function applySubPageId(subPageId: string | undefined): void {
  const named = window.location.hash.replace(/^#\/?/, '');
  if (!subPageId || (named && named !== subPageIdFor(boardRoute))) return;
  const route = parseHashRoute(subPageId);
  if (route) window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hrefFor(route)}`);
}
