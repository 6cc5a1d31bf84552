import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import { createFakeService, json } from '../support/tab/fake-service';
import { me, members, teamId, teamSessions } from '../support/tab/fixtures';
import { ownerReport } from '../support/tab/insights-fixtures';
import { renderApp } from '../support/tab/render-app';

const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;

afterEach(() => {
  window.location.hash = '';
});

describe('navigation', () => {
  it('opens views from the nav and lazy-loads them', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${sessions}`]: () => json(200, teamSessions()),
      [`GET /api/v1/teams/${encodeURIComponent(teamId)}/insights`]: () => json(200, ownerReport()),
    });
    await renderApp({ fetch: service.fetch });
    await screen.findAllByTestId('session-card');
    const nav = screen.getByRole('navigation', { name: 'PeerLearn' });
    await act(async () => {
      fireEvent.click(within(nav).getByRole('tab', { name: 'Insights' }));
      await Promise.resolve();
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Insights' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Participation over time' })).toBeTruthy();
    expect(window.location.hash).toBe('#/insights');
    await act(async () => {
      fireEvent.click(within(nav).getByRole('tab', { name: 'Settings' }));
      await Promise.resolve();
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
  });
});

describe('a returning visitor outside Teams', () => {
  it('loads the board for the remembered member before the member list answers, and keeps it when the list arrives', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    window.localStorage.setItem('peerlearn.memberIdentity', JSON.stringify(members.members[0]));
    let releaseMembers: (r: Response) => void = () => undefined;
    const service = createFakeService({
      'GET /dev/members': () => new Promise<Response>((resolve) => (releaseMembers = resolve)),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${sessions}`]: () => json(200, teamSessions()),
    });
    await renderApp({ fetch: service.fetch });
    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);
    await act(async () => releaseMembers(json(200, members)));
    expect(screen.getByRole('combobox', { name: 'Acting as' })).toBeTruthy();
    expect(screen.getAllByTestId('session-card')).toHaveLength(2);
    // One token, one board load: the list replacing the remembered copy did not start over.
    expect(service.callsTo('POST', '/dev/token')).toHaveLength(1);
    expect(service.callsTo('GET', sessions)).toHaveLength(1);
  });
});
