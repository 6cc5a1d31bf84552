import { StrictMode } from 'react';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { DevMember } from '../../bot/src/api/contract';
import { App } from '../../tabs/src/app/app';
import { EARLY_ANSWER_MAX_AGE_MS, startEarly } from '../../tabs/src/app/early-start';
import { en } from '../../tabs/src/app/i18n/en';
import { boardFirstPagePath } from '../../tabs/src/shared/sessions/get-team-sessions';
import { mePath } from '../../tabs/src/shared/get-me';
import { insightsPath, rangeQuery } from '../../tabs/src/features/insights/insights-range';
import type { FetchLike } from '../../tabs/src/shared/api-client';
import { createBrowserStore } from '../../tabs/src/shared/local-store';
import { eventually } from '../support/eventually';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import type { Handler } from '../support/tab/fake-service';
import { me, members, teamId, teamSessions, tenantId } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';

// Issue #16: a returning visitor's token, /me and the board's sessions start in the entry, before the
// app's code is loaded, and the views take those answers instead of asking again. Whatever goes wrong
// early (a failed or rejected token) ends on the normal path, never on an error screen.
const sessionsPath = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
// The fixtures' first demo member, as the picker remembers her.
const anna: DevMember = { tenantId, userId: 'anna-oid', displayName: 'Anna de Vries', locale: 'nl-NL' };
const board = { pathname: '/', search: '', hash: '' };

function rememberAnna(options: { readonly identityOf?: DevMember } = {}) {
  window.localStorage.setItem('peerlearn.member', `${anna.tenantId}/${anna.userId}`);
  window.localStorage.setItem('peerlearn.memberIdentity', JSON.stringify(options.identityOf ?? anna));
  window.localStorage.setItem('peerlearn.team', teamId);
}

/** Token `token-<n>` for the nth mint; `rejected` tokens get a 401 from the API, `failing` mints a 503. */
function service(options: { readonly failing?: readonly number[]; readonly rejected?: readonly string[] } = {}) {
  const authorized =
    (answer: () => Response): Handler =>
    (call) =>
      options.rejected?.some((token) => call.authorization === `Bearer ${token}`) ? apiError(401, 'unauthorized') : answer();
  return createFakeService({
    'GET /dev/members': () => json(200, members),
    'POST /dev/token': (_call, nth) =>
      options.failing?.includes(nth) ? apiError(503, 'overloaded') : json(200, { token: `token-${nth}` }),
    'GET /api/v1/me': authorized(() => json(200, me())),
    [`GET ${sessionsPath}`]: authorized(() => json(200, teamSessions())),
  });
}

/** A promise the test settles when it chooses (an answer held back). */
function held(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

function start(fetch: FetchLike, location = board) {
  return startEarly({ fetch, store: createBrowserStore(), location, language: 'en' });
}

describe('the early start of a returning visitor', () => {
  it('asks once for the token, /me and the first page of sessions, before the app renders', async () => {
    rememberAnna();
    const fake = service();
    const early = start(fake.fetch);
    expect(fake.callsTo('POST', '/dev/token')).toHaveLength(1);

    await renderApp({ fetch: fake.fetch, early });
    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);

    expect(fake.callsTo('POST', '/dev/token')).toHaveLength(1);
    expect(fake.callsTo('GET', '/api/v1/me').map((c) => c.authorization)).toEqual(['Bearer token-0']);
    expect(fake.callsTo('GET', sessionsPath).map((c) => [c.query, c.authorization])).toEqual([['limit=24', 'Bearer token-0']]);
  });

  it('mints a token as usual when the early one failed, and asks for the data with it', async () => {
    rememberAnna();
    const fake = service({ failing: [0] });
    const early = start(fake.fetch);

    await renderApp({ fetch: fake.fetch, early });
    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);

    expect(fake.callsTo('POST', '/dev/token')).toHaveLength(2);
    expect(fake.callsTo('GET', sessionsPath).map((c) => c.authorization)).toEqual(['Bearer token-1']);
  });

  it('replaces an early token the API rejects, and asks again with the fresh one', async () => {
    rememberAnna();
    const fake = service({ rejected: ['token-0'] });
    const early = start(fake.fetch);

    await renderApp({ fetch: fake.fetch, early });
    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);

    expect(fake.callsTo('GET', sessionsPath).map((c) => c.authorization)).toEqual(['Bearer token-0', 'Bearer token-1']);
  });

  it('asks for the member list only once the early requests have answered', async () => {
    rememberAnna();
    const { promise: sessionsHeld, resolve: answerSessions } = held();
    const fake = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'token-0' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${sessionsPath}`]: async () => {
        await sessionsHeld;
        return json(200, teamSessions());
      },
    });
    const early = start(fake.fetch);

    await renderApp({ fetch: fake.fetch, early });
    await eventually(() => expect(fake.callsTo('GET', sessionsPath)).toHaveLength(1));
    expect(fake.callsTo('GET', '/dev/members')).toHaveLength(0);

    answerSessions();
    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);
    await eventually(() => expect(fake.callsTo('GET', '/dev/members')).toHaveLength(1));
  });

  // ICU's warm-up waits for `requested` (main.tsx; the app's code is asked for at once): the data calls must be out first.
  it('says the data requests are out only once /me and the sessions have been asked for', async () => {
    rememberAnna();
    const { promise: tokenHeld, resolve: answerToken } = held();
    const fake = createFakeService({
      'POST /dev/token': async () => {
        await tokenHeld;
        return json(200, { token: 'token-0' });
      },
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${sessionsPath}`]: () => json(200, teamSessions()),
    });
    const early = start(fake.fetch);
    let requested = false;
    void early?.requested.then(() => {
      requested = true;
    });
    await eventually(() => expect(fake.callsTo('POST', '/dev/token')).toHaveLength(1));
    expect(requested).toBe(false);

    answerToken();
    await early?.requested;
    expect(fake.callsTo('GET', '/api/v1/me')).toHaveLength(1);
    expect(fake.callsTo('GET', sessionsPath)).toHaveLength(1);
  });

  it('settles `requested` at once on a route that asks for no data at boot, so ICU need not wait', async () => {
    rememberAnna();
    const { promise: tokenHeld } = held();
    const fake = createFakeService({
      'POST /dev/token': async () => {
        await tokenHeld;
        return json(200, { token: 'token-0' });
      },
    });
    const early = start(fake.fetch, { pathname: '/', search: '', hash: '#/tips' });
    // The token is still on its way, and never answers in this test.
    await expect(early?.requested).resolves.toBeUndefined();
    expect(fake.callsTo('POST', '/dev/token')).toHaveLength(1);
  });

  it('settles `requested` when the early token failed, with no data asked for, so ICU need not wait', async () => {
    rememberAnna();
    const fake = service({ failing: [0] });
    const early = start(fake.fetch);
    await expect(early?.requested).resolves.toBeUndefined();
    expect(fake.callsTo('GET', sessionsPath)).toHaveLength(0);
  });

  it('starts nothing without a remembered identity, or when it is not the remembered member', () => {
    const fake = service();
    expect(start(fake.fetch)).toBeUndefined();
    rememberAnna({ identityOf: { ...anna, userId: 'someone-else' } });
    expect(start(fake.fetch)).toBeUndefined();
    expect(fake.calls).toHaveLength(0);
  });

  it("starts Insights' report for the remembered team, and hands each early answer out once", async () => {
    rememberAnna();
    const report = insightsPath(teamId, rangeQuery(12, 'month', new Date()));
    const fake = createFakeService({
      'POST /dev/token': () => json(200, { token: 'token-0' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET /api/v1/teams/${encodeURIComponent(teamId)}/insights`]: () => json(200, { early: true }),
    });
    const early = start(fake.fetch, { pathname: '/', search: '', hash: '#/insights' });
    await early?.token;
    const through = early?.fetchThrough(fake.fetch);
    const asked = () => fake.calls.filter((c) => c.path.endsWith('/insights')).length;
    await eventually(() => expect(asked()).toBe(1), { interval: 5 });

    const headers = { Authorization: 'Bearer token-0' };
    await expect(through?.(report, { headers }).then((r) => r.json())).resolves.toEqual({ early: true });
    expect(asked()).toBe(1);
    await through?.(report, { headers });
    expect(asked()).toBe(2);
  });
  it('offers an answered 200 as the same parsed object until it is taken, and nothing before it arrives or of another status', async () => {
    rememberAnna();
    const { promise: sessionsHeld, resolve: answerSessions } = held();
    const fake = createFakeService({
      'POST /dev/token': () => json(200, { token: 'token-0' }),
      'GET /api/v1/me': () =>
        new Response(JSON.stringify({ error: { code: 'overloaded', message: 'Busy' } }), {
          status: 503,
          statusText: 'Service Unavailable',
          headers: { 'Content-Type': 'application/json', 'Retry-After': '7' },
        }),
      [`GET ${sessionsPath}`]: async () => {
        await sessionsHeld;
        return json(200, teamSessions());
      },
    });
    const early = start(fake.fetch);
    const firstPage = boardFirstPagePath(teamId);
    await eventually(() => expect(fake.callsTo('GET', sessionsPath)).toHaveLength(1));
    expect(early?.answered(firstPage)).toBeUndefined();

    answerSessions();
    await early?.settled;
    const offered = early?.answered(firstPage);
    expect(offered?.data).toEqual(teamSessions());
    // A render React throws away asks again and gets the same answer; the view takes it once on screen.
    expect(early?.answered(firstPage)).toBe(offered);
    offered?.take();
    offered?.take();
    expect(early?.answered(firstPage)).toBeUndefined();
    // Taken: the view's own request goes to the service.
    await early?.fetchThrough(fake.fetch)(firstPage, { headers: { Authorization: 'Bearer token-0' } });
    expect(fake.callsTo('GET', sessionsPath)).toHaveLength(2);

    // A 503 is not offered as data; the client still gets it (once), status and headers intact, to report as always.
    expect(early?.answered(mePath)).toBeUndefined();
    const me = await early?.fetchThrough(fake.fetch)(mePath, { headers: { Authorization: 'Bearer token-0' } });
    expect([me?.status, me?.statusText, me?.headers.get('Retry-After')]).toEqual([503, 'Service Unavailable', '7']);
    await expect(me?.json()).resolves.toEqual({ error: { code: 'overloaded', message: 'Busy' } });
    expect(fake.callsTo('GET', '/api/v1/me')).toHaveLength(1);
  });

  it('offers nothing that is not a JSON object, and nothing older than 30 s, which is asked for again', async () => {
    rememberAnna();
    let now = 0;
    const fake = createFakeService({
      'POST /dev/token': () => json(200, { token: 'token-0' }),
      'GET /api/v1/me': () => json(200, null),
      [`GET ${sessionsPath}`]: () => json(200, teamSessions()),
    });
    const early = startEarly({ fetch: fake.fetch, store: createBrowserStore(), location: board, language: 'en', clock: () => now });
    await early?.settled;
    expect(early?.answered(mePath)).toBeUndefined();

    const firstPage = boardFirstPagePath(teamId);
    now = EARLY_ANSWER_MAX_AGE_MS;
    expect(early?.answered(firstPage)?.data).toEqual(teamSessions());
    now = EARLY_ANSWER_MAX_AGE_MS + 1;
    expect(early?.answered(firstPage)).toBeUndefined();
    const again = await early?.fetchThrough(fake.fetch)(firstPage, { headers: { Authorization: 'Bearer token-0' } });
    expect(again?.status).toBe(200);
    expect(fake.callsTo('GET', sessionsPath)).toHaveLength(2);
  });

  it('draws the board with its sessions in the app’s first render when the early answers are in', async () => {
    rememberAnna();
    const fake = service();
    const early = start(fake.fetch);
    await early?.settled;

    // A synchronous render: no promise has had a turn, so only what was handed over can show.
    // In Strict Mode, as main.tsx mounts it: its second render must find the same answers.
    render(
      <StrictMode>
        <App
          host={new Promise(() => undefined)}
          fetch={fake.fetch}
          browserLocale="en-GB"
          early={early}
          ready={{ strings: { language: 'en', catalogue: en }, host: { kind: 'standalone' } }}
        />
      </StrictMode>,
    );
    expect(screen.getAllByTestId('session-card')).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 1, name: 'Platform Team' })).toBeTruthy();
    expect(screen.queryByText('Loading sessions…')).toBeNull();

    // On screen, so taken: a later board (another visit to the route) asks anew.
    expect(early?.answered(boardFirstPagePath(teamId))).toBeUndefined();
    expect(early?.answered(mePath)).toBeUndefined();
    // Nothing asked twice: the answers drawn were the early ones. (The member list, which waits for them,
    // is asked for by an effect, which Strict Mode runs twice in development.)
    await eventually(() => expect(fake.callsTo('GET', '/dev/members').length).toBeGreaterThan(0));
    expect(fake.callsTo('GET', sessionsPath)).toHaveLength(1);
    expect(fake.callsTo('GET', '/api/v1/me')).toHaveLength(1);
  });
  it('remembers the team a first visit’s board shows, so the next visit asks for its sessions at once', async () => {
    rememberAnna();
    window.localStorage.removeItem('peerlearn.team');
    const fake = service();
    const first = start(fake.fetch);
    expect(first).toBeDefined();
    await first?.settled;
    expect(fake.callsTo('GET', sessionsPath)).toHaveLength(0);

    const { unmount } = await renderApp({ fetch: fake.fetch, early: first });
    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);
    expect(window.localStorage.getItem('peerlearn.team')).toBe(teamId);
    unmount();

    const asked = fake.callsTo('GET', sessionsPath).length;
    await start(fake.fetch)?.settled;
    expect(fake.callsTo('GET', sessionsPath)).toHaveLength(asked + 1);
  });
});
