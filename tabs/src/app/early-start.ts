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
  /**
   * The parsed JSON of a GET started at boot that has already answered 200, handed out once (as
   * `fetchThrough` would), or undefined: not started, still on its way, another status, or not JSON.
   * The app's first render draws with it, so the board's first commit can hold its cards (issue #16).
   * Only for the client of `memberKey`, whose first token is `token`.
   */
  answered(path: string): unknown;
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
  // Each answer is read as it arrives, while the page waits for the app's code, so the app's first
  // render can take it as it is (`answered`); `fetchThrough` hands out a copy.
  const pending = new Map<string, Promise<BufferedAnswer>>();
  const arrived = new Map<string, BufferedAnswer>();
  for (const path of firstRequests(route, options)) {
    const answer = token
      .then((value) =>
        options.fetch(path, {
          headers: { Accept: 'application/json', Authorization: `Bearer ${value}`, 'Accept-Language': options.language },
        }),
      )
      .then(buffered);
    answer.then(
      (value) => {
        if (pending.get(path) === answer) arrived.set(path, value);
      },
      () => undefined,
    );
    pending.set(path, answer);
  }
  const handOut = (path: string) => {
    pending.delete(path);
    arrived.delete(path);
  };
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
      handOut(input);
      // A request that failed on the way is simply made again.
      return early.then(asResponse, () => fetch(input, init));
    },
    answered: (path) => {
      const answer = arrived.get(path);
      if (answer?.status !== 200) return undefined;
      let body: unknown;
      try {
        body = JSON.parse(answer.body);
      } catch {
        // Left for the normal path, which reports it as the client always does.
        return undefined;
      }
      handOut(path);
      return body;
    },
  };
}

/** An answer read in full, to be handed out once as a `Response` or as parsed JSON. */
interface BufferedAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: string;
}

async function buffered(response: Response): Promise<BufferedAnswer> {
  return { status: response.status, statusText: response.statusText, headers: response.headers, body: await response.text() };
}

/** Statuses whose response may not carry a body (the `Response` constructor refuses one). */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

function asResponse(answer: BufferedAnswer): Response {
  return new Response(NO_BODY.has(answer.status) ? null : answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
  });
}
