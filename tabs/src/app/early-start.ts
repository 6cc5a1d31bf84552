import type { FetchLike, InHand } from '../shared/api-client';
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
   * A GET started at boot that has answered 200 with a JSON object in the last 30 s: its parsed body (the
   * same object each time it is asked for) and `take`, which uses it up as `fetchThrough` would. Undefined
   * when it was not started, is still on its way, answered another status or no object, is older, or was
   * handed out. The app's first render draws with it, so the board's first commit can hold its cards
   * (issue #16); the view takes it once that render is on screen (a render React throws away leaves it
   * for the next). Only for the client of `memberKey`, whose first token is `token`.
   */
  answered(path: string): InHand<unknown> | undefined;
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
  /** Milliseconds on a monotonic clock (default `performance.now`): how old an answer is. */
  readonly clock?: () => number;
}

/**
 * An early answer is for the first screen: one older than this (the visitor sat on the member picker, or
 * the app's code took that long) is asked for again rather than drawn as if it were fresh.
 */
export const EARLY_ANSWER_MAX_AGE_MS = 30_000;

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
  // Each answer is read, and a 200 parsed, as it arrives, while the page waits for the app's code: the
  // app's first render takes it as it is (`answered`); `fetchThrough` hands out a copy.
  const clock = options.clock ?? (() => performance.now());
  const pending = new Map<string, Promise<BufferedAnswer>>();
  const arrived = new Map<string, { readonly answer: BufferedAnswer; readonly offer: InHand<unknown> | undefined }>();
  const fresh = (answer: BufferedAnswer) => clock() - answer.arrivedAt <= EARLY_ANSWER_MAX_AGE_MS;
  const handOut = (path: string) => {
    pending.delete(path);
    arrived.delete(path);
  };
  for (const path of firstRequests(route, options)) {
    const answer = token
      .then((value) =>
        options.fetch(path, {
          headers: { Accept: 'application/json', Authorization: `Bearer ${value}`, 'Accept-Language': options.language },
        }),
      )
      .then((response) => buffered(response, clock));
    answer.then(
      (value) => {
        if (pending.get(path) === answer)
          arrived.set(path, { answer: value, offer: value.status === 200 ? inHand(value.body, () => handOut(path)) : undefined });
      },
      () => undefined,
    );
    pending.set(path, answer);
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
      handOut(input);
      // A request that failed on the way, or answered too long ago, is simply made again.
      return early.then((answer) => (fresh(answer) ? asResponse(answer) : fetch(input, init))).catch(() => fetch(input, init));
    },
    answered: (path) => {
      const early = arrived.get(path);
      return early && fresh(early.answer) ? early.offer : undefined;
    },
  };
}

/** A JSON object to draw, or undefined: anything else is left for the normal path, which reports it as the client always does. */
function inHand(body: string, take: () => void): InHand<unknown> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return undefined;
  }
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? { data, take } : undefined;
}

/** An answer read in full, to be handed out once as a `Response` or as parsed JSON. */
interface BufferedAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: string;
  /** On the `clock`, when its body was in. */
  readonly arrivedAt: number;
}

async function buffered(response: Response, clock: () => number): Promise<BufferedAnswer> {
  const body = await response.text();
  return { status: response.status, statusText: response.statusText, headers: response.headers, body, arrivedAt: clock() };
}

/** Statuses whose response may not carry a body (the `Response` constructor refuses one). */
const NO_BODY = new Set([204, 205, 304]);

function asResponse(answer: BufferedAnswer): Response {
  return new Response(NO_BODY.has(answer.status) ? null : answer.body, {
    status: answer.status,
    statusText: answer.statusText,
    headers: answer.headers,
  });
}
