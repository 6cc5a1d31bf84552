import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { me, members, pairing, pastLunch, pastSessions, teamId, teamSessions, workshop } from '../support/tab/fixtures';
import { fakeTeamsHost, renderApp } from '../support/tab/render-app';
import { cardsAboveTheFold } from '../../tabs/src/features/board/cards-above-the-fold';

const sessionsPath = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
const kudosPath = `/api/v1/teams/${encodeURIComponent(teamId)}/kudos`;

/** A dev-mode service where Anna is already the remembered demo member. */
function devService(sessions: Parameters<typeof createFakeService>[0][string]) {
  window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
  return createFakeService({
    'GET /dev/members': () => json(200, members),
    'POST /dev/token': (_call, nth) => json(200, { token: `dev-token-${nth + 1}` }),
    'GET /api/v1/me': () => json(200, me()),
    [`GET ${sessionsPath}`]: sessions,
    [`GET ${kudosPath}`]: () => json(200, { teamId, kudos: [] }),
    [`GET ${sessionsPath}?when=past`]: () => json(200, pastSessions()),
  });
}

async function cards() {
  const board = await screen.findByTestId('board');
  await within(board).findAllByTestId('session-card');
  return within(board).getAllByTestId('session-card');
}

describe('board', () => {
  it('shows the upcoming sessions in English, with past ones folded away', async () => {
    const service = devService(() => json(200, teamSessions()));
    await renderApp({ fetch: service.fetch, browserLocale: 'en-GB' });

    const upcoming = await cards();
    expect(upcoming).toHaveLength(2);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Platform Team');
    expect(screen.getByRole('heading', { level: 2, name: 'Upcoming sessions' })).toBeTruthy();

    const workshop = within(screen.getByRole('article', { name: 'TypeScript generics in practice' }));
    expect(workshop.getByText('Workshop')).toBeTruthy();
    // en-GB: weekday first, 24-hour clock, in the Amsterdam time zone of the test run.
    expect(workshop.getByText(/^Thursday,? 3 December 2026.*14:00\s*–\s*14:45$/)).toBeTruthy();
    expect(workshop.getByText('45 min')).toBeTruthy();
    expect(workshop.getByText('Anna de Vries and Bram Jansen')).toBeTruthy();
    expect(workshop.getByText('Chloé Bakker')).toBeTruthy();
    expect(workshop.getByText('12 of 20 places taken · 3 maybe')).toBeTruthy();
    expect(workshop.getByText('Room 3.14')).toBeTruthy();
    expect(workshop.getByRole('link', { name: /Join online/ }).getAttribute('href')).toBe('https://teams.microsoft.com/l/meetup-join/abc');
    const skills = workshop.getByRole('list', { name: 'Skills' });
    expect(
      within(skills)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['TypeScript', 'React']);

    const pair = within(screen.getByRole('article', { name: pairing.title }));
    expect(pair.getByText('Pair (1:1)')).toBeTruthy();
    expect(pair.getByText('1 h 30 min')).toBeTruthy();
    expect(pair.getByText('1 going')).toBeTruthy();
    // A javascript: link from user data never becomes clickable.
    expect(pair.queryByRole('link', { name: /Join online/ })).toBeNull();
    expect(pair.getByRole('link', { name: pairing.title }).getAttribute('href')).toBe(`#/sessions/${encodeURIComponent(teamId)}/s-2`);
    expect(pair.getByText('Place to be announced')).toBeTruthy();

    // Past sessions are fetched only when someone opens them; their toggle comes after the first paint.
    const toggle = await screen.findByRole('button', { name: 'Past sessions' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(service.callsTo('GET', sessionsPath).map((c) => c.query)).toEqual(['limit=24']);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await waitFor(() => expect(screen.getAllByTestId('session-card')).toHaveLength(3));
    expect(screen.getByText('Lunch & learn')).toBeTruthy();
    expect(service.callsTo('GET', sessionsPath).map((c) => c.query)).toEqual(['limit=24', 'when=past']);
    expect(document.documentElement.lang).toBe('en');
  });

  it('speaks Dutch inside Teams with a Dutch locale, and tells Teams when the first data is shown', async () => {
    const teams = fakeTeamsHost({ locale: 'nl-NL', teamId, teamName: 'Platform' });
    const service = createFakeService({ [`GET ${sessionsPath}`]: () => json(200, teamSessions()) });
    await renderApp({ fetch: service.fetch, host: teams.host, browserLocale: 'en-US' });

    await cards();
    expect(screen.getByRole('heading', { level: 2, name: 'Komende sessies' })).toBeTruthy();
    const workshop = within(screen.getByRole('article', { name: 'TypeScript generics in practice' }));
    expect(workshop.getByText(/^donderdag 3 december 2026.*14:00\s*[–-]\s*14:45$/)).toBeTruthy();
    expect(workshop.getByText('12 van 20 plaatsen bezet · 3 misschien')).toBeTruthy();
    expect(workshop.getByText('Anna de Vries en Bram Jansen')).toBeTruthy();
    expect(workshop.getByText('Online deelnemen', { exact: false })).toBeTruthy();
    const pair = within(screen.getByRole('article', { name: pairing.title }));
    expect(pair.getByText('Samen (1:1)')).toBeTruthy();
    expect(pair.getByText('1 u 30 min')).toBeTruthy();
    expect(pair.getByText('1 komt')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Eerdere sessies' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');

    // The team came from the Teams context: no detour through /me, and the SSO token was used.
    expect(service.callsTo('GET', '/api/v1/me')).toHaveLength(0);
    expect(service.callsTo('GET', sessionsPath)[0]?.authorization).toBe('Bearer teams-sso-token');
    await waitFor(() => expect(teams.notifyReady).toHaveBeenCalledTimes(1));
    expect(teams.notifyFailure).not.toHaveBeenCalled();
  });

  it('follows a Teams theme change live', async () => {
    const teams = fakeTeamsHost({ teamId, theme: 'light' });
    const service = createFakeService({ [`GET ${sessionsPath}`]: () => json(200, teamSessions()) });
    await renderApp({ fetch: service.fetch, host: teams.host });
    await cards();
    expect(document.documentElement.dataset['theme']).toBe('light');
    act(() => teams.changeTheme('dark'));
    expect(document.documentElement.dataset['theme']).toBe('dark');
    expect(document.documentElement.style.colorScheme).toBe('dark');
    act(() => teams.changeTheme('contrast'));
    expect(document.documentElement.dataset['theme']).toBe('contrast');
  });

  it('shows a friendly empty state when nothing is planned', async () => {
    const service = devService(() => json(200, teamSessions([])));
    await renderApp({ fetch: service.fetch });

    expect(await screen.findByRole('heading', { name: 'No sessions planned yet' })).toBeTruthy();
    expect(screen.queryAllByTestId('session-card')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Past sessions/ })).toBeNull();
  });

  it('explains a storage outage and recovers with "Try again"', async () => {
    const service = devService((_call, nth) =>
      nth === 0 ? apiError(503, 'storage_unavailable', 'Storage is unavailable') : json(200, teamSessions()),
    );
    await renderApp({ fetch: service.fetch });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("PeerLearn can't get to its data at the moment.");
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Platform Team');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));

    expect(await cards()).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(service.callsTo('GET', sessionsPath)).toHaveLength(2);
  });

  it('never leaves a blank page when the service cannot be reached', async () => {
    const service = devService(() => Promise.reject(new TypeError('Failed to fetch')));
    await renderApp({ fetch: service.fetch, browserLocale: 'nl-BE' });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We kunnen PeerLearn nu niet bereiken.');
    expect(within(alert).getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
  });

  it('shows the kudos wall right below the upcoming sessions, above the folded past ones', async () => {
    const service = devService(() => json(200, teamSessions()));
    await renderApp({ fetch: service.fetch, browserLocale: 'en-GB' });
    await cards();
    const wall = await screen.findByTestId('kudos-wall');
    await within(wall).findByRole('heading', { level: 3, name: 'No kudos yet' });
    const upcoming = screen.getByRole('heading', { level: 2, name: 'Upcoming sessions' });
    const past = screen.getByRole('button', { name: /Past sessions/ });
    expect(upcoming.compareDocumentPosition(wall) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(wall.compareDocumentPosition(past) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('gets a fresh token once after a 401 and retries the call', async () => {
    const service = devService((call) =>
      call.authorization === 'Bearer dev-token-1' ? apiError(401, 'unauthorized', 'Token expired') : json(200, teamSessions()),
    );
    await renderApp({ fetch: service.fetch });

    expect(await cards()).toHaveLength(2);
    expect(service.callsTo('GET', sessionsPath).map((c) => c.authorization)).toEqual(['Bearer dev-token-1', 'Bearer dev-token-2']);
    expect(service.callsTo('POST', '/dev/token')).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stops after one refresh when the API keeps answering 401', async () => {
    const service = devService(() => apiError(401, 'unauthorized', 'Token rejected'));
    await renderApp({ fetch: service.fetch });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your sign-in has expired');
    expect(service.callsTo('GET', sessionsPath)).toHaveLength(2);
    expect(service.callsTo('POST', '/dev/token')).toHaveLength(2);
  });

  it('tells Teams the app failed when no SSO token can be had', async () => {
    const teams = fakeTeamsHost({ teamId, getToken: () => Promise.reject(new Error('resourceRequiresConsent')) });
    const service = createFakeService({ [`GET ${sessionsPath}`]: () => json(200, teamSessions()) });
    await renderApp({ fetch: service.fetch, host: teams.host });

    expect(await screen.findByRole('alert')).toBeTruthy();
    await waitFor(() => expect(teams.notifyFailure).toHaveBeenCalledWith('auth', expect.any(String)));
    expect(teams.notifyReady).not.toHaveBeenCalled();
    expect(service.calls).toHaveLength(0);
  });

  it('offers a team picker when a personal tab user is in several teams', async () => {
    const otherTeam = 'team-2';
    const teams = fakeTeamsHost();
    const service = createFakeService({
      'GET /api/v1/me': () =>
        json(
          200,
          me([
            { teamId, name: 'Platform Team', role: 'member' },
            { teamId: otherTeam, name: 'Data Team', role: 'owner' },
          ]),
        ),
      [`GET ${sessionsPath}`]: () => json(200, teamSessions()),
      [`GET /api/v1/teams/${otherTeam}/sessions`]: () => json(200, { teamId: otherTeam, teamName: 'Data Team', sessions: [] }),
    });
    await renderApp({ fetch: service.fetch, host: teams.host });

    expect(await cards()).toHaveLength(2);
    const picker = screen.getByRole('combobox', { name: 'Team' });
    fireEvent.change(picker, { target: { value: otherTeam } });

    expect(await screen.findByRole('heading', { name: 'No sessions planned yet' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Data Team');
    expect(window.localStorage.getItem('peerlearn.team')).toBe(otherTeam);
  });

  it('pages through past sessions on demand, and keeps what it has when a page fails', async () => {
    const older = { ...pastLunch, sessionId: 's-old', title: 'Git rebase without fear' };
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': (_call, nth) => json(200, { token: `dev-token-${nth + 1}` }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${sessionsPath}`]: () => json(200, teamSessions()),
      [`GET ${kudosPath}`]: () => json(200, { teamId, kudos: [] }),
      [`GET ${sessionsPath}?when=past`]: () => json(200, pastSessions([pastLunch], 'cursor-1')),
      [`GET ${sessionsPath}?when=past&cursor=cursor-1`]: (_call, nth) =>
        nth === 0 ? apiError(503, 'storage_unavailable', 'Storage is unavailable') : json(200, pastSessions([older])),
    });
    await renderApp({ fetch: service.fetch, browserLocale: 'en-GB' });
    await cards();

    fireEvent.click(await screen.findByRole('button', { name: 'Past sessions' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show older sessions' }));
    const alert = await screen.findByRole('alert');
    // The first page stays on screen while the second one failed.
    expect(screen.getByText('Lunch & learn')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Git rebase without fear' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Show older sessions' })).toBeNull();
    expect(screen.getAllByTestId('session-card')).toHaveLength(4);
  });

  it('fetches 24 upcoming sessions first and the next ones on "Show more", keeping the first page when that fails', async () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ ...workshop, sessionId: `u-${i}`, title: `Session ${i + 1}` }));
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': (_call, nth) => json(200, { token: `dev-token-${nth + 1}` }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${sessionsPath}?limit=24`]: () => json(200, { ...teamSessions(many.slice(0, 24)), upcomingCount: 30, nextCursor: 'next-1' }),
      [`GET ${sessionsPath}?limit=96&cursor=next-1`]: (_call, nth) =>
        nth === 0
          ? apiError(503, 'storage_unavailable', 'Storage is unavailable')
          : json(200, { ...teamSessions(many.slice(24)), upcomingCount: 30 }),
      [`GET ${kudosPath}`]: () => json(200, { teamId, kudos: [] }),
    });
    await renderApp({ fetch: service.fetch, browserLocale: 'en-GB' });
    await cards();
    // The cards below the fold follow the first ones a frame later.
    await waitFor(() => expect(screen.getAllByTestId('session-card')).toHaveLength(24));

    fireEvent.click(screen.getByRole('button', { name: 'Show more upcoming sessions (6 more)' }));
    const alert = await screen.findByRole('alert');
    expect(screen.getAllByTestId('session-card')).toHaveLength(24);
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('article', { name: 'Session 30' })).toBeTruthy();
    expect(screen.getAllByTestId('session-card')).toHaveLength(30);
    expect(screen.queryByRole('button', { name: /Show more upcoming/ })).toBeNull();
  });

  it('draws the cards that fit on screen first, and the others a frame later', async () => {
    const many = Array.from({ length: 24 }, (_, i) => ({ ...workshop, sessionId: `u-${i}`, title: `Session ${i + 1}` }));
    const service = devService(() => json(200, teamSessions(many)));
    // How many cards there are in the commit that shows the first one (the observer runs right after it).
    let firstCommit: number | undefined;
    const observer = new MutationObserver(() => {
      const count = document.querySelectorAll('[data-testid="session-card"]').length;
      if (firstCommit === undefined && count > 0) firstCommit = count;
    });
    observer.observe(document.body, { childList: true, subtree: true });
    try {
      await renderApp({ fetch: service.fetch, browserLocale: 'en-GB' });
      await cards();
      // jsdom's window is 1024 × 768: three columns of two rows (cards-above-the-fold.ts).
      expect(firstCommit).toBe(cardsAboveTheFold({ width: window.innerWidth, height: window.innerHeight }));
      expect(firstCommit).toBeLessThan(24);
      await waitFor(() => expect(screen.getAllByTestId('session-card')).toHaveLength(24));
      // In their order, each once.
      expect(screen.getAllByTestId('session-card').map((card) => within(card).getByRole('heading', { level: 3 }).textContent)).toEqual(
        many.map((s) => s.title),
      );
    } finally {
      observer.disconnect();
    }
  });
});
