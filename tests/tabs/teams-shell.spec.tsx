import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { SessionDetailResponse } from '../../bot/src/api/contract';
import { createFakeService, json } from '../support/tab/fake-service';
import { pairing, teamId, teamSessions, workshop } from '../support/tab/fixtures';
import { ownerReport } from '../support/tab/insights-fixtures';
import { fakeTeamsHost, renderApp } from '../support/tab/render-app';

const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
const insights = `/api/v1/teams/${encodeURIComponent(teamId)}/insights`;

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('inside Teams', () => {
  it('opens a Teams meeting link in the Teams client (app.openLink), other links in a new window', async () => {
    const teams = fakeTeamsHost({ teamId });
    const web = { ...pairing, sessionId: 's-web', title: 'Zoom-free zone', onlineUrl: 'https://example.org/room' };
    const service = createFakeService({ [`GET ${sessions}`]: () => json(200, teamSessions([workshop, web])) });
    await renderApp({ fetch: service.fetch, host: teams.host });

    const meeting = within(await screen.findByRole('article', { name: workshop.title })).getByRole('link', { name: /Join online/ });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    meeting.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(teams.openLink).toHaveBeenCalledWith('https://teams.microsoft.com/l/meetup-join/abc');

    const other = within(screen.getByRole('article', { name: 'Zoom-free zone' })).getByRole('link', { name: /Join online/ });
    expect(other.getAttribute('target')).toBe('_blank');
    fireEvent.click(other);
    expect(teams.openLink).toHaveBeenCalledTimes(1);
  });

  it('opens the session a deep link names (page.subPageId), with the SSO token, and then tells Teams it is ready', async () => {
    const teams = fakeTeamsHost({ teamId, subPageId: `sessions/${encodeURIComponent(teamId)}/s-1` });
    const service = createFakeService({
      [`GET ${sessions}/s-1`]: () =>
        json(200, {
          ...workshop,
          waitlisted: 0,
          openToOrganisation: false,
          attendees: [],
          waitlist: [],
          isHost: false,
          myWaitlisted: false,
          calendarUrl: '/api/v1/calendar/s-1.ics?sig=x',
        } satisfies SessionDetailResponse),
    });
    await renderApp({ fetch: service.fetch, host: teams.host });
    expect(await screen.findByRole('heading', { level: 1, name: workshop.title })).toBeTruthy();
    expect(window.location.hash).toBe(`#/sessions/${encodeURIComponent(teamId)}/s-1`);
    expect(service.calls[0]?.authorization).toBe('Bearer teams-sso-token');
    await waitFor(() => expect(teams.notifyReady).toHaveBeenCalled());
    expect(teams.notifyFailure).not.toHaveBeenCalled();
  });

  it("opens a deep link from the channel tab, whose contentUrl already carries the board's hash (#/board)", async () => {
    window.history.replaceState(null, '', '/#/board');
    const teams = fakeTeamsHost({ teamId, subPageId: 'insights' });
    await renderApp({ fetch: createFakeService({ [`GET ${insights}`]: () => json(200, ownerReport()) }).fetch, host: teams.host });
    expect(await screen.findByRole('heading', { level: 2, name: 'Participation over time' })).toBeTruthy();
    expect(window.location.hash).toBe('#/insights');
  });

  it('keeps an explicit hash over the subPageId', async () => {
    window.history.replaceState(null, '', '/#/insights');
    const teams = fakeTeamsHost({ teamId, subPageId: 'sessions/t/s-1' });
    await renderApp({ fetch: createFakeService({ [`GET ${insights}`]: () => json(200, ownerReport()) }).fetch, host: teams.host });
    expect(await screen.findByRole('heading', { level: 2, name: 'Participation over time' })).toBeTruthy();
  });

  it('the config page registers the save handler with the board as content and marks itself valid', async () => {
    window.history.replaceState(null, '', '/config');
    const teams = fakeTeamsHost({ teamId, teamName: 'Platform', frameContext: 'settings', locale: 'nl-NL' });
    await renderApp({ fetch: createFakeService({}).fetch, host: teams.host });
    expect(await screen.findByRole('heading', { level: 1, name: 'Het PeerLearn-bord toevoegen' })).toBeTruthy();
    expect(screen.getByText('Team: Platform')).toBeTruthy();
    expect(teams.configureTab).toHaveBeenCalledTimes(1);
    expect(teams.configureTab).toHaveBeenCalledWith({
      contentUrl: `${window.location.origin}/#/board`,
      websiteUrl: `${window.location.origin}/#/board`,
      entityId: `peerlearn-board-${teamId}`,
      suggestedDisplayName: 'PeerLearn',
    });
    expect(teams.notifyReady).toHaveBeenCalled();
  });

  it('shows the personal tab (?view=my-learning): my sessions across my teams and my skills', async () => {
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
    window.history.replaceState(null, '', '/?view=my-learning');
    const teams = fakeTeamsHost();
    const service = createFakeService({
      'GET /api/v1/me': () =>
        json(200, {
          tenantId: 'tenant-1',
          userId: 'anna-oid',
          displayName: 'Anna de Vries',
          bio: '',
          teaches: [{ name: 'TypeScript', level: 3 }],
          wants: ['Bicep'],
          teams: [{ teamId, name: 'Platform Team', role: 'member' }],
        }),
      [`GET ${sessions}`]: () => json(200, teamSessions()),
      'GET /api/v1/me/learning': () =>
        json(200, {
          attended: [],
          taught: [],
          skills: [{ name: 'TypeScript', level: 3, history: [{ level: 3, at: monthAgo }], since: monthAgo }],
          kudosReceived: [],
          goals: [],
          streak: { weeks: 0, current: false, longest: 0 },
          buddies: [],
          apply: [],
        }),
    });
    await renderApp({ fetch: service.fetch, host: teams.host });
    expect(await screen.findByRole('heading', { level: 1, name: 'My learning' })).toBeTruthy();
    // Anna hosts the workshop; she has no part in the pairing session, and the past lunch is over.
    const cards = await screen.findAllByTestId('session-card');
    expect(cards.map((c) => c.getAttribute('aria-labelledby') && c.textContent?.includes(workshop.title))).toEqual([true]);
    expect(screen.getByRole('img', { name: /^TypeScript over time: level 3 on / })).toBeTruthy();
    expect(screen.getByText('I want to learn: Bicep')).toBeTruthy();
  });
});
