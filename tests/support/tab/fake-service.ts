import type { ApiError, BuddyMeResponse } from '../../../bot/src/api/contract';
import type { FetchLike } from '../../../tabs/src/shared/api-client';
import { planning } from './fixtures';

/** One request as the fake service saw it. */
export interface Call {
  readonly method: string;
  readonly path: string;
  /** The query string without `?` (empty when there is none). */
  readonly query: string;
  readonly authorization: string | null;
  readonly body: unknown;
}

export type Handler = (call: Call, nth: number) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The service's 400 `invalid_session`: each problem's field, code and the service's English message for it. */
export function sessionRefused(
  problems: readonly { field: string; code: string; message: string }[],
  message = 'The session was not saved.',
): Response {
  return json(400, {
    error: {
      code: 'invalid_session',
      message,
      fields: Object.fromEntries(problems.map((p) => [p.field, p.message])),
      problems: problems.map(({ field, code }) => ({ field, code })),
    },
  });
}

export function apiError(status: number, code: string, message = code): Response {
  const body: ApiError = { error: { code, message } };
  return json(status, body);
}

/**
 * The PeerLearn service at the edge of the tab, speaking its wire format: routes are
 * `"METHOD /path"` (or `"METHOD /path?query"` for one exact query), handlers get the call and how many times the route was hit before (0-based).
 */
/**
 * Board sections that load on their own (learning requests, …) answer "nothing yet" unless a test
 * gives them a route, so a test about another part of the board need not know every section; the
 * plan form's choices answer the fixture team's.
 */
const sectionDefaults: readonly (readonly [RegExp, Handler])[] = [
  [
    /^GET \/api\/v1\/teams\/([^/]+)\/requests$/,
    (call) => json(200, { teamId: decodeURIComponent(call.path.split('/')[4] ?? ''), requests: [] }),
  ],
  // The plan form's choices: the fixture team's (a test about them gives its own route).
  [
    /^GET \/api\/v1\/teams\/([^/]+)\/planning$/,
    (call) => json(200, planning({ teamId: decodeURIComponent(call.path.split('/')[4] ?? '') })),
  ],
  [/^GET \/api\/v1\/teams\/([^/]+)\/tips$/, (call) => json(200, { teamId: decodeURIComponent(call.path.split('/')[4] ?? ''), tips: [] })],
  // The board's "open to everyone" section: nothing open in other teams.
  [/^GET \/api\/v1\/sessions\/open$/, () => json(200, { sessions: [] })],
  // The board's learning-buddy card: never opted in.
  [/^GET \/api\/v1\/teams\/([^/]+)\/buddies\/me$/, (call) => json(200, notOptedIn(decodeURIComponent(call.path.split('/')[4] ?? '')))],
];

function notOptedIn(teamId: string): BuddyMeResponse {
  return {
    teamId,
    optIn: false,
    skipNext: false,
    availability: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], modes: ['inPerson', 'online'] },
    acrossOrganisation: false,
    current: [],
  };
}

export function createFakeService(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const hits = new Map<string, number>();
  const fetch: FetchLike = async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    const url = new URL(input, 'http://tab.test');
    const path = url.pathname;
    const query = url.search.slice(1);
    const rawBody = init?.body;
    const call: Call = {
      method,
      path,
      query,
      authorization: new Headers(init?.headers).get('Authorization'),
      body: typeof rawBody === 'string' ? (JSON.parse(rawBody) as unknown) : undefined,
    };
    calls.push(call);
    // A route with its query (`GET /x?when=past`) wins over the bare path.
    const withQuery = `${method} ${path}?${query}`;
    const key = query && routes[withQuery] ? withQuery : `${method} ${path}`;
    const handler = routes[key] ?? sectionDefaults.find(([pattern]) => pattern.test(key))?.[1];
    if (!handler) return apiError(404, 'not_found', `No fake route for ${key}`);
    const nth = hits.get(key) ?? 0;
    hits.set(key, nth + 1);
    return handler(call, nth);
  };
  const callsTo = (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path);
  return { fetch, calls, callsTo };
}
