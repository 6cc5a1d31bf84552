import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import ProfileView from '../../tabs/src/features/profile/profile-view';
import { PROFILE_LIMITS } from '../../bot/src/api/contract';
import type { ProfileResponse } from '../../bot/src/api/contract';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { apiFor, renderView } from '../support/tab/render-view';

// Unsaved edits of the profile live in localStorage.
afterEach(() => window.localStorage.clear());

describe('my profile', () => {
  const profile: ProfileResponse = {
    tenantId: 'tenant-1',
    userId: 'anna-oid',
    displayName: 'Anna de Vries',
    bio: 'Hi',
    teaches: [{ name: 'Bicep', level: 2 }],
    wants: ['Go'],
    languages: ['nl'],
    availability: '',
    endorsements: [{ skill: 'Bicep', count: 3, byMe: false }],
    sessionsTaught: 2,
    requestAlerts: true,
  };

  it('adds a suggested skill, sets its level and saves; a failed save keeps the form', async () => {
    const service = createFakeService({
      'GET /api/v1/me/profile': () => json(200, profile),
      'GET /api/v1/skills/suggest': () => json(200, { query: 'js', suggestions: [{ name: 'JavaScript', quality: 'prefix' }] }),
      'PUT /api/v1/me/profile': (call, nth) =>
        nth === 0
          ? apiError(503, 'storage_unavailable')
          : json(200, {
              ...profile,
              ...(call.body as object),
              teaches: [
                { name: 'Bicep', level: 2 },
                { name: 'JavaScript', level: 3 },
              ],
              normalised: [{ from: 'js', to: 'JavaScript' }],
            }),
    });
    await renderView(<ProfileView api={apiFor(service.fetch)} debounceMs={10} />);
    expect(await screen.findByText('3 endorsements')).toBeTruthy();
    expect(screen.getByText(/You taught 2 sessions so far/)).toBeTruthy();
    const add = screen.getByRole('combobox', { name: 'Add a skill' });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('Type a skill first.')).toBeTruthy();
    fireEvent.change(add, { target: { value: 'bicep' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(screen.getByText('You already have this skill.')).toBeTruthy();
    fireEvent.change(add, { target: { value: 'js' } });
    await waitFor(() => expect(service.callsTo('GET', '/api/v1/skills/suggest').length).toBeGreaterThan(0));
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Level for js' }), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/wasn't saved/);
    expect(screen.getByText('js')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('status')).textContent).toMatch(
      /Your profile is saved\. Saved with the team spelling: js → JavaScript\./,
    );
    expect(screen.getByText('JavaScript')).toBeTruthy();
    expect(service.callsTo('PUT', '/api/v1/me/profile')[1]?.body).toEqual({
      bio: 'Hi',
      teaches: [
        { name: 'Bicep', level: 2 },
        { name: 'js', level: 3 },
      ],
      wants: ['Go'],
      languages: ['nl'],
      availability: '',
    });
  });

  it('explains a bio that is too long in Dutch and does not send it', async () => {
    const service = createFakeService({ 'GET /api/v1/me/profile': () => json(200, profile) });
    await renderView(<ProfileView api={apiFor(service.fetch)} />, 'nl');
    const bio = await screen.findByRole('textbox', { name: 'Over mij' });
    const tooLong = `Houd je beschrijving korter dan ${PROFILE_LIMITS.bioChars} tekens.`;
    fireEvent.change(bio, { target: { value: 'x'.repeat(PROFILE_LIMITS.bioChars) } });
    expect(screen.queryByText(tooLong)).toBeNull();
    fireEvent.change(bio, { target: { value: 'x'.repeat(PROFILE_LIMITS.bioChars + 1) } });
    expect(screen.getByText(tooLong)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Profiel opslaan' }));
    expect(service.callsTo('PUT', '/api/v1/me/profile')).toHaveLength(0);
  });

  it('shows a labelled spinner while it waits', async () => {
    const service = createFakeService({ 'GET /api/v1/me/profile': () => new Promise<Response>(() => undefined) });
    await renderView(<ProfileView api={apiFor(service.fetch)} />);
    expect(await screen.findByText('Loading your profile…')).toBeTruthy();
  });

  it('a load error offers a retry', async () => {
    const service = createFakeService({ 'GET /api/v1/me/profile': () => apiError(500, 'internal') });
    await renderView(<ProfileView api={apiFor(service.fetch)} />, 'nl');
    expect((await screen.findByRole('alert')).textContent).toMatch(/aan de kant van PeerLearn/);
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
  });
});
