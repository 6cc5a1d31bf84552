import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import ProfileView from '../../tabs/src/features/profile/profile-view';
import type { ProfileResponse } from '../../bot/src/api/contract';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { createFakeService, json } from '../support/tab/fake-service';
import { apiFor, renderView } from '../support/tab/render-view';

/** Issue #12: the person can turn the team channel's milestone cards about them off (and on) in My profile, in nl and en. */
afterEach(() => window.localStorage.clear());

const profile: ProfileResponse = {
  tenantId: 'tenant-1',
  userId: 'sanne-oid',
  displayName: 'Sanne Bakker',
  bio: '',
  teaches: [],
  wants: [],
  languages: [],
  availability: '',
  celebrateMilestones: true,
  requestAlerts: true,
  endorsements: [],
  sessionsTaught: 0,
};

const LABELS: Record<AppLanguage, string> = {
  en: 'Celebrate my milestones in the team channel',
  nl: 'Mijn mijlpalen vieren in het teamkanaal',
};
const SAVE: Record<AppLanguage, string> = { en: 'Save profile', nl: 'Profiel opslaan' };

describe('milestones in my profile', () => {
  it.each<AppLanguage>(['en', 'nl'])('turns milestone cards off and on again (%s), axe clean', async (language) => {
    const service = createFakeService({
      'GET /api/v1/me/profile': () => json(200, profile),
      'PUT /api/v1/me/profile': (call) => json(200, { ...profile, ...(call.body as object) }),
    });
    const { container } = await renderView(<ProfileView api={apiFor(service.fetch)} />, language);
    const toggle = await screen.findByRole('switch', { name: LABELS[language] });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    expect(await axeViolations(container)).toEqual([]);

    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: SAVE[language] }));
    await screen.findByRole('status');
    expect(service.callsTo('PUT', '/api/v1/me/profile')[0]?.body).toMatchObject({ celebrateMilestones: false });
    expect((screen.getByRole('switch', { name: LABELS[language] }) as HTMLInputElement).checked).toBe(false);

    fireEvent.click(screen.getByRole('switch', { name: LABELS[language] }));
    fireEvent.click(screen.getByRole('button', { name: SAVE[language] }));
    await screen.findByRole('status');
    expect(service.callsTo('PUT', '/api/v1/me/profile')[1]?.body).toMatchObject({ celebrateMilestones: true });
  });

  it('shows the stored choice when it is off, and keeps an unsaved change over a reload', async () => {
    const off = { ...profile, celebrateMilestones: false };
    const service = createFakeService({ 'GET /api/v1/me/profile': () => json(200, off) });
    const first = await renderView(<ProfileView api={apiFor(service.fetch)} />);
    const toggle = await screen.findByRole('switch', { name: LABELS.en });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    first.unmount();
    await renderView(<ProfileView api={apiFor(service.fetch)} />);
    expect(((await screen.findByRole('switch', { name: LABELS.en })) as HTMLInputElement).checked).toBe(true);
  });
});
