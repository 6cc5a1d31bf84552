import type { FetchLike } from '../shared/api-client';
import { memberKey, mintDevToken, readRememberedMember } from '../shared/dev-auth';
import { mePath } from '../shared/get-me';
import type { KeyValueStore } from '../shared/local-store';
import type { AppLanguage } from '../shared/locale';
import { parseLocation } from '../shared/routes';
import type { Route } from '../shared/routes';
import { boardFirstPagePath } from '../shared/sessions/get-team-sessions';
import { DEFAULT_RANGE, insightsPath, rangeQuery } from '../features/insights/insights-range';
import { preferenceKeys } from '../shared/preference-keys';

/**
 * A returning visitor's first requests, started by the entry before React and the app's code are even
 * loaded (issue #16: the board's token, `/me` and its sessions used to wait ~650 ms for the code, then
 * for each other). The views ask for the same paths as always; `fetchThrough` answers those GETs from
 * what is already on its way, once each, so nothing is asked twice. Whatever goes wrong here (no
 * remembered member, a failed token, a rejected one, a network error) falls back to the normal path.
 */
export interface EarlyStart {
  /** `memberKey` of the member whose token was asked for; only their client may use it. */
  readonly memberKey: string;
  /** The dev token minted at boot; rejects when that failed. */
  readonly token: Promise<string>;
  /** `fetch` that answers a GET started at boot (same path, same token) once, and passes everything else on. */
  fetchThrough(fetch: FetchLike): FetchLike;
  /** Settles when every request started at boot has answered or failed: what can wait should wait for it. */
  readonly settled: Promise<void>;
  /**
   * Settles once the data requests started at boot have been handed to the browser (right after the
   * token), or the token failed: work that blocks the page (ICU's first load) waits for it, so that the
   * token's answer is read and the data asked for at once (issue #16). Settled from the start on a route
   * with no data asked for at boot: nothing to wait for there.
   */
  readonly requested: Promise<void>;
}

interface EarlyStartOptions {
  readonly fetch: FetchLike;
  readonly store: KeyValueStore;
  readonly location: { readonly pathname: string; readonly search: string; readonly hash: string };
  /** The language the app will start in (the catalogue to fetch, and the API's Accept-Language). */
  readonly language: AppLanguage;
  /** "Today" for the Insights range (the view takes the clock the same way). */
  readonly now?: Date;
}

/** What the route will ask for first, given the remembered team. */
function firstRequests(route: Route, options: EarlyStartOptions): string[] {
  const teamId = options.store.get(preferenceKeys.team);
  if (route.name === 'board') return [mePath, ...(teamId ? [boardFirstPagePath(teamId)] : [])];
  if (route.name === 'insights') {
    const query = rangeQuery(DEFAULT_RANGE.months, DEFAULT_RANGE.granularity, options.now ?? new Date());
    return [mePath, ...(teamId ? [insightsPath(teamId, query)] : [])];
  }
  return [];
}

/**
 * Standalone (dev sign-in) only: inside Teams the token comes from teams-js after its handshake.
 * Undefined when there is no remembered member to sign in as (the picker comes first).
 */
export function startEarly(options: EarlyStartOptions): EarlyStart | undefined {
  const member = readRememberedMember(options.store.get(preferenceKeys.memberIdentity));
  if (!member || memberKey(member) !== options.store.get(preferenceKeys.member)) return undefined;
  const route = parseLocation(options.location);
  if (route.name === 'privacy' || route.name === 'terms') return undefined;

  const token = mintDevToken(options.fetch, member);
  let minted: string | undefined;
  // Nobody may be waiting on it yet: a failure is the normal path's to report, not an unhandled rejection.
  token.then(
    (value) => {
      minted = value;
    },
    () => undefined,
  );
  const pending = new Map<string, Promise<Response>>();
  for (const path of firstRequests(route, options)) {
    const response = token.then((value) =>
      options.fetch(path, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${value}`, 'Accept-Language': options.language },
      }),
    );
    response.catch(() => undefined);
    pending.set(path, response);
  }
  // The requests above are made in the token's own callbacks, which run before this one (in the order registered).
  const requested =
    pending.size === 0
      ? Promise.resolve()
      : token.then(
          () => undefined,
          () => undefined,
        );

  return {
    memberKey: memberKey(member),
    token,
    settled: Promise.allSettled([token, ...pending.values()]).then(() => undefined),
    requested,
    fetchThrough: (fetch) => (input, init) => {
      const early = pending.get(input);
      const method = init?.method ?? 'GET';
      const authorization = new Headers(init?.headers).get('Authorization');
      if (!early || method !== 'GET' || init?.signal?.aborted || minted === undefined || authorization !== `Bearer ${minted}`)
        return fetch(input, init);
      pending.delete(input);
      // A request that failed on the way is simply made again.
      return early.catch(() => fetch(input, init));
    },
  };
}
