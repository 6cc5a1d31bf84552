import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { me, members, teamId, teamSessions } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';

const sessionsPath = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;

function devService() {
  return createFakeService({
    'GET /dev/members': () => json(200, members),
    'POST /dev/token': (call) => json(200, { token: `token-for-${(call.body as { userId: string }).userId}` }),
    'GET /api/v1/me': () => json(200, me()),
    [`GET ${sessionsPath}`]: () => json(200, teamSessions()),
  });
}

describe('standalone mode', () => {
  it('lets a newcomer pick a demo member, signs in as them and remembers the choice', async () => {
    const service = devService();
    await renderApp({ fetch: service.fetch });

    expect(await screen.findByRole('heading', { level: 1, name: 'Who are you today?' })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Demo members' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Anna de Vries', 'Bram Jansen']);
    expect(service.callsTo('POST', '/dev/token')).toHaveLength(0);

    fireEvent.click(within(list).getByRole('button', { name: 'Bram Jansen' }));

    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);
    expect(service.callsTo('POST', '/dev/token')[0]?.body).toEqual({
      tenantId: 'tenant-1',
      userId: 'bram-oid',
      name: 'Bram Jansen',
      locale: 'en-GB',
    });
    expect(service.callsTo('GET', '/api/v1/me')[0]?.authorization).toBe('Bearer token-for-bram-oid');
    expect(window.localStorage.getItem('peerlearn.member')).toBe('tenant-1/bram-oid');
    const memberSelect = screen.getByRole('combobox', { name: 'Acting as' }) as HTMLSelectElement;
    expect(memberSelect.value).toBe('tenant-1/bram-oid');
  });

  it('skips the picker for a remembered member and switches member from the toolbar', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    const service = devService();
    await renderApp({ fetch: service.fetch });

    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);
    expect(screen.queryByRole('heading', { name: 'Who are you today?' })).toBeNull();

    fireEvent.change(screen.getByRole('combobox', { name: 'Acting as' }), { target: { value: 'tenant-1/bram-oid' } });
    expect(await screen.findAllByTestId('session-card')).toHaveLength(2);
    expect(service.callsTo('GET', '/api/v1/me').map((c) => c.authorization)).toEqual([
      'Bearer token-for-anna-oid',
      'Bearer token-for-bram-oid',
    ]);
    expect(window.localStorage.getItem('peerlearn.member')).toBe('tenant-1/bram-oid');
  });

  it('takes the language from the browser until the user picks one, and remembers it', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    await renderApp({ fetch: devService().fetch, browserLocale: 'nl-NL' });

    expect(await screen.findByRole('heading', { level: 2, name: 'Komende sessies' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Taal' }), { target: { value: 'en' } });

    expect(await screen.findByRole('heading', { level: 2, name: 'Upcoming sessions' })).toBeTruthy();
    expect(window.localStorage.getItem('peerlearn.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('follows the system theme until the user picks one, and remembers it', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    await renderApp({ fetch: devService().fetch });
    await screen.findAllByTestId('session-card');
    expect(document.documentElement.dataset['theme']).toBe('light');

    const theme = screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement;
    expect(theme.value).toBe('system');
    fireEvent.change(theme, { target: { value: 'contrast' } });
    expect(document.documentElement.dataset['theme']).toBe('contrast');
    expect(window.localStorage.getItem('peerlearn.theme')).toBe('contrast');

    fireEvent.change(theme, { target: { value: 'system' } });
    expect(document.documentElement.dataset['theme']).toBe('light');
    expect(window.localStorage.getItem('peerlearn.theme')).toBeNull();
  });

  it('says to open the app in Teams when the service runs with real Entra sign-in', async () => {
    const service = createFakeService({ 'GET /dev/members': () => apiError(404, 'not_found', 'Not found') });
    await renderApp({ fetch: service.fetch });

    expect(await screen.findByRole('heading', { name: 'Open PeerLearn in Microsoft Teams' })).toBeTruthy();
  });
});
