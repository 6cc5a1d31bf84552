import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { useSavedFiles } from '../support/tab/saved-files';
import ProfileView from '../../tabs/src/features/profile/profile-view';
import type { PersonalDataExportResponse, ProfileResponse } from '../../bot/src/api/contract';
import { openDialog } from '../support/tab/dialog';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import type { Handler } from '../support/tab/fake-service';
import { me, members, teamId, teamSessions } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';
import { apiFor, renderView } from '../support/tab/render-view';

const profile: ProfileResponse = {
  tenantId: 'tenant-1',
  userId: 'anna-oid',
  displayName: 'Anna de Vries',
  bio: '',
  teaches: [],
  wants: [],
  languages: [],
  availability: '',
  endorsements: [],
  sessionsTaught: 0,
  requestAlerts: true,
};

const exported: PersonalDataExportResponse = {
  format: 'peerlearn-export/1',
  exportedAt: new Date().toISOString(),
  person: { tenantId: 'tenant-1', userId: 'anna-oid' },
  tables: [
    { table: 'plProfiles', purpose: 'profiles', retention: 'while the team uses PeerLearn', rows: [{ displayName: 'Anna de Vries' }] },
  ],
};

const noContent = () => new Response(null, { status: 204 });

const saved = useSavedFiles();
afterEach(() => {
  window.location.hash = '';
});

async function renderProfile(routes: Record<string, Handler>, language: 'en' | 'nl' = 'en') {
  const service = createFakeService({ 'GET /api/v1/me/profile': () => json(200, profile), ...routes });
  const onErased = jest.fn<() => void>();
  await renderView(<ProfileView api={apiFor(service.fetch)} onErased={onErased} />, language);
  await screen.findByRole('heading', { level: 2, name: 'Privacy' });
  return { service, onErased };
}

describe('My profile → Privacy: download my data', () => {
  it('fetches the export with the bearer token and saves it as a JSON file', async () => {
    const { service } = await renderProfile({ 'GET /api/v1/me/export': () => json(200, exported) });
    fireEvent.click(screen.getByRole('button', { name: 'Download my data' }));
    const done = await screen.findByText(/Your data is downloaded as peerlearn-my-data-\d{4}-\d{2}-\d{2}\.json\./);
    expect(done).toBeTruthy();
    expect(service.callsTo('GET', '/api/v1/me/export').map((c) => c.authorization)).toEqual(['Bearer test-token']);
    expect(saved.files).toHaveLength(1);
    expect(saved.files[0]?.name).toMatch(/^peerlearn-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse((await saved.files[0]?.blob.text()) ?? '')).toEqual(exported);
  });

  it('shows its progress, and a friendly error when storage is away (English) or the network is (Dutch)', async () => {
    let release: (response: Response) => void = () => undefined;
    await renderProfile({
      'GET /api/v1/me/export': (_call, nth) => (nth === 0 ? new Promise<Response>((resolve) => (release = resolve)) : json(200, exported)),
    });
    const button = screen.getByRole('button', { name: 'Download my data' });
    fireEvent.click(button);
    expect(await screen.findByText('Preparing your download…')).toBeTruthy();
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await act(async () => release(apiError(503, 'storage_unavailable')));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "Your data wasn't downloaded. PeerLearn can't get to its data at the moment. Please try again in a minute.",
    );
    expect(saved.files).toHaveLength(0);
  });

  it('says in Dutch when the service cannot be reached', async () => {
    await renderProfile({ 'GET /api/v1/me/export': () => Promise.reject(new TypeError('fetch failed')) }, 'nl');
    fireEvent.click(screen.getByRole('button', { name: 'Mijn gegevens downloaden' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^Je gegevens zijn niet gedownload\. We kunnen PeerLearn nu niet bereiken/,
    );
  });
});

describe('My profile → Privacy: erase my data', () => {
  it('needs the confirmation, sends the chosen choice, and then shows only the erased state', async () => {
    const { service, onErased } = await renderProfile({ 'DELETE /api/v1/me': noContent });
    fireEvent.click(screen.getByRole('button', { name: 'Erase my data' }));
    const dialog = await openDialog();
    expect(await dialog.findByRole('heading', { name: 'Erase your data from PeerLearn?' })).toBeTruthy();
    expect(screen.getByText('Sessions you host stay for the team, without you.')).toBeTruthy();
    expect((dialog.getByRole('radio', { name: 'Keep them without my name' }) as HTMLInputElement).checked).toBe(true);
    const erase = dialog.getByRole('button', { name: 'Erase my data' }) as HTMLButtonElement;
    expect(erase.disabled).toBe(true);
    fireEvent.click(dialog.getByRole('radio', { name: 'Remove them' }));
    fireEvent.click(dialog.getByRole('checkbox', { name: 'I understand this cannot be undone' }));
    expect(erase.disabled).toBe(false);
    fireEvent.click(erase);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your data was erased' })).toBeTruthy();
    expect(service.callsTo('DELETE', '/api/v1/me').map((c) => c.body)).toEqual([{ confirm: true, contributions: 'remove' }]);
    expect(onErased).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('profile')).toBeNull();
    expect(document.activeElement?.id).toBe('erased-title');
  });

  it('cancel sends nothing, and a second opening asks for the confirmation again', async () => {
    const { service, onErased } = await renderProfile({ 'DELETE /api/v1/me': noContent });
    fireEvent.click(screen.getByRole('button', { name: 'Erase my data' }));
    let dialog = await openDialog();
    fireEvent.click(dialog.getByRole('checkbox', { name: 'I understand this cannot be undone' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(service.callsTo('DELETE', '/api/v1/me')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Erase my data' }));
    dialog = await openDialog();
    expect((dialog.getByRole('checkbox', { name: 'I understand this cannot be undone' }) as HTMLInputElement).checked).toBe(false);
    expect((dialog.getByRole('button', { name: 'Erase my data' }) as HTMLButtonElement).disabled).toBe(true);
    expect(onErased).not.toHaveBeenCalled();
    expect(screen.getByTestId('profile')).toBeTruthy();
  });

  it('a refused erase keeps the dialog open with a friendly Dutch reason; the retry keeps the name-free default', async () => {
    const { service } = await renderProfile(
      { 'DELETE /api/v1/me': (_call, nth) => (nth === 0 ? apiError(429, 'rate_limited') : noContent()) },
      'nl',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Mijn gegevens wissen' }));
    const dialog = await openDialog();
    fireEvent.click(dialog.getByRole('checkbox', { name: 'Ik begrijp dat dit niet ongedaan kan worden' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Mijn gegevens wissen' }));
    expect((await dialog.findByRole('alert')).textContent).toBe(
      'Je gegevens zijn niet gewist. Er is niets veranderd. Je gaat een beetje snel — probeer het over 5 seconden opnieuw.',
    );
    fireEvent.click(dialog.getByRole('button', { name: 'Mijn gegevens wissen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Je gegevens zijn gewist' })).toBeTruthy();
    expect(service.callsTo('DELETE', '/api/v1/me').map((c) => c.body)).toEqual([
      { confirm: true, contributions: 'anonymise' },
      { confirm: true, contributions: 'anonymise' },
    ]);
  });

  it('in the app: after the erase no view loads again, so nothing calls GET /me and recreates the profile', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    window.location.hash = '#/profile';
    const sessions = `/api/v1/teams/${encodeURIComponent(teamId)}/sessions`;
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      'GET /api/v1/me/profile': () => json(200, profile),
      [`GET ${sessions}`]: () => json(200, teamSessions()),
      'DELETE /api/v1/me': noContent,
    });
    await renderApp({ fetch: service.fetch });
    fireEvent.click(await screen.findByRole('button', { name: 'Erase my data' }));
    const dialog = await openDialog();
    fireEvent.click(dialog.getByRole('checkbox', { name: 'I understand this cannot be undone' }));
    fireEvent.click(dialog.getByRole('button', { name: 'Erase my data' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your data was erased' })).toBeTruthy();
    const callsAtErase = service.calls.length;
    await act(async () => {
      window.location.hash = '#/board';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      await Promise.resolve();
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Your data was erased' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'PeerLearn' })).toBeNull();
    expect(service.calls.slice(callsAtErase)).toEqual([]);
    // My profile's learning-buddy section reads GET /me for my teams while the page loads; none comes after the erase.
    const erase = service.calls.findIndex((c) => c.method === 'DELETE' && c.path === '/api/v1/me');
    expect(erase).toBeGreaterThan(-1);
    expect(service.calls.slice(erase).filter((c) => c.method === 'GET' && c.path === '/api/v1/me')).toEqual([]);
  });
});
