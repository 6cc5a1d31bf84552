import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionDetailResponse } from '../../bot/src/api/contract';
import { createFakeService, json } from './fake-service';
import { teamId, teamSessions, workshop } from './fixtures';
import { fakeTeamsHost, renderApp } from './render-app';

const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('inside Teams', () => {
  it('opens the session a deep link names (page.subPageId), with the SSO token, and then tells Teams it is ready', async () => {
    const teams = fakeTeamsHost({ teamId, subPageId: `sessions/${encodeURIComponent(teamId)}/s-1` });
    const service = createFakeService({ [`GET ${sessions}/s-1`]: () => json(200, {
          ...workshop,
          waitlisted: 0,
          openToOrganisation: false,
          attendees: [],
          waitlist: [],
          isHost: false,
          myWaitlisted: false,
          calendarUrl: '/api/v1/calendar/s-1.ics?sig=x',
        } satisfies SessionDetailResponse) });
    await renderApp({ fetch: service.fetch, host: teams.host });
    expect(await screen.findByRole('heading', { level: 1, name: workshop.title })).toBeTruthy();
    expect(window.location.hash).toBe(`#/sessions/${encodeURIComponent(teamId)}/s-1`);
    expect(service.calls[0]?.authorization).toBe('Bearer teams-sso-token');
    await waitFor(() => expect(teams.notifyReady).toHaveBeenCalled());
    expect(teams.notifyFailure).not.toHaveBeenCalled();
  });

  it('keeps an explicit hash over the subPageId', async () => {
    window.history.replaceState(null, '', '/#/insights');
    const teams = fakeTeamsHost({ teamId, subPageId: 'sessions/t/s-1' });
    await renderApp({ fetch: createFakeService({}).fetch, host: teams.host });
    expect(await screen.findByText('Insights are coming soon')).toBeTruthy();
  });

  it('the config page registers the save handler with the board as content and marks itself valid', async () => {
    window.history.replaceState(null, '', '/config');
    const teams = fakeTeamsHost({ teamId, teamName: 'Platform', frameContext: 'settings', locale: 'nl-NL' });
    await renderApp({ fetch: createFakeService({}).fetch, host: teams.host });
    expect(await screen.findByRole('heading', { level: 1, name: 'Het PeerLearn-bord toevoegen' })).toBeTruthy();
    expect(screen.getByText('Team: Platform')).toBeTruthy();
    expect(teams.configureTab).toHaveBeenCalledExactlyOnceWith({
      contentUrl: `${window.location.origin}/#/board`,
      websiteUrl: `${window.location.origin}/#/board`,
      entityId: `peerlearn-board-${teamId}`,
      suggestedDisplayName: 'PeerLearn',
    });
    expect(teams.notifyReady).toHaveBeenCalled();
  });

  it('shows the personal tab (?view=my-learning): my sessions across my teams and my skills', async () => {
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
    });
    await renderApp({ fetch: service.fetch, host: teams.host });
    expect(await screen.findByRole('heading', { level: 1, name: 'My learning' })).toBeTruthy();
    // Anna hosts the workshop; she has no part in the pairing session, and the past lunch is over.
    const cards = await screen.findAllByTestId('session-card');
    expect(cards.map((c) => c.getAttribute('aria-labelledby') && c.textContent?.includes(workshop.title))).toEqual([true]);
    expect(screen.getByText('TypeScript · 3')).toBeTruthy();
    expect(screen.getByText('I want to learn: Bicep')).toBeTruthy();
  });
});
