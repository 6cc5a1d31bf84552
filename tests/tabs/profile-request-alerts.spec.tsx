import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import ProfileView from '../../tabs/src/features/profile/profile-view';
import type { ProfileResponse } from '../../bot/src/api/contract';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { createFakeService, json } from '../support/tab/fake-service';
import { apiFor, renderView } from '../support/tab/render-view';

/** Issue #12: the profile's request-alerts switch (on unless turned off), saved with the profile, in both languages. */
afterEach(() => window.localStorage.clear());

const profile: ProfileResponse = {
  tenantId: 'tenant-1',
  userId: 'anna-oid',
  displayName: 'Anna de Vries',
  bio: '',
  teaches: [{ name: 'Docker', level: 3 }],
  wants: [],
  languages: [],
  availability: '',
  endorsements: [],
  sessionsTaught: 0,
  requestAlerts: true,
};

const cases: readonly { language: AppLanguage; label: string; hint: string; save: string }[] = [
  {
    language: 'en',
    label: 'Tell me when someone asks to learn a skill I teach',
    hint: 'A personal message from PeerLearn, at most one a day.',
    save: 'Save profile',
  },
  {
    language: 'nl',
    label: 'Laat het me weten als iemand iets wil leren wat ik anderen kan leren',
    hint: 'Een persoonlijk bericht van PeerLearn, hoogstens één per dag.',
    save: 'Profiel opslaan',
  },
];

describe('request alerts on the profile', () => {
  it.each(cases)('($language) the switch shows the stored setting, turns it off and saves it; axe finds nothing', async (c) => {
    const service = createFakeService({
      'GET /api/v1/me/profile': () => json(200, profile),
      'PUT /api/v1/me/profile': (call) => json(200, { ...profile, ...(call.body as object) }),
    });
    const { container } = await renderView(<ProfileView api={apiFor(service.fetch)} />, c.language);
    const toggle = await screen.findByRole('switch', { name: c.label });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(c.hint)).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(toggle);
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: c.save }));
    await screen.findByRole('status');
    expect(service.callsTo('PUT', '/api/v1/me/profile')[0]?.body).toMatchObject({ requestAlerts: false });
    expect((screen.getByRole('switch', { name: c.label }) as HTMLInputElement).checked).toBe(false);
  });

  it('a profile that turned them off shows the switch off, and the choice survives a reload as a draft', async () => {
    const off = { ...profile, requestAlerts: false };
    const service = createFakeService({ 'GET /api/v1/me/profile': () => json(200, off) });
    const first = await renderView(<ProfileView api={apiFor(service.fetch)} />);
    const toggle = await screen.findByRole('switch', { name: cases[0]?.label ?? '' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    first.unmount();
    await renderView(<ProfileView api={apiFor(service.fetch)} />);
    expect(((await screen.findByRole('switch', { name: cases[0]?.label ?? '' })) as HTMLInputElement).checked).toBe(true);
  });

  it('a save that leaves the switch alone sends no setting, so "meldingen uit" said in chat meanwhile stands', async () => {
    const service = createFakeService({
      'GET /api/v1/me/profile': () => json(200, profile),
      'PUT /api/v1/me/profile': (call) => json(200, { ...profile, ...(call.body as object) }),
    });
    await renderView(<ProfileView api={apiFor(service.fetch)} />);
    fireEvent.click(await screen.findByRole('button', { name: cases[0]?.save ?? '' }));
    await screen.findByRole('status');
    const body = service.callsTo('PUT', '/api/v1/me/profile')[0]?.body as Record<string, unknown>;
    expect(body).toBeDefined();
    expect('requestAlerts' in body).toBe(false);
    expect('celebrateMilestones' in body).toBe(false);
  });

  it('a draft of other edits does not bring a switch back that was turned off elsewhere (by "meldingen uit" in chat)', async () => {
    let stored = profile;
    const service = createFakeService({
      'GET /api/v1/me/profile': () => json(200, stored),
      'PUT /api/v1/me/profile': (call) => json(200, { ...stored, ...(call.body as object) }),
    });
    const first = await renderView(<ProfileView api={apiFor(service.fetch)} debounceMs={10} />);
    expect(((await screen.findByRole('switch', { name: cases[0]?.label ?? '' })) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'About me' }), { target: { value: 'Containers, mostly.' } });
    first.unmount();

    stored = { ...profile, requestAlerts: false };
    await renderView(<ProfileView api={apiFor(service.fetch)} debounceMs={10} />);
    expect(await screen.findByText('Unsaved changes restored from your last visit.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'About me' }) as HTMLTextAreaElement).value).toBe('Containers, mostly.');
    expect((screen.getByRole('switch', { name: cases[0]?.label ?? '' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: cases[0]?.save ?? '' }));
    await screen.findByRole('status');
    const body = service.callsTo('PUT', '/api/v1/me/profile')[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ bio: 'Containers, mostly.' });
    expect('requestAlerts' in body).toBe(false);
  });
});
