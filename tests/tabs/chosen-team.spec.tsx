import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { TeamSettingsResponse } from '../../bot/src/api/contract';
import SettingsView from '../../tabs/src/features/settings/settings-view';
import TipsView from '../../tabs/src/features/tips/tips-view';
import { createBrowserStore } from '../../tabs/src/shared/local-store';
import { createFakeService, json } from '../support/tab/fake-service';
import { me, teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

const other = '19:data@thread.tacv2';
const teamsPath = (id: string, what: string) => `/api/v1/teams/${encodeURIComponent(id)}/${what}`;
const settings = (id: string, teamName: string, timeZone: string): TeamSettingsResponse => ({
  teamId: id,
  teamName,
  reminderMinutes: [1440],
  timeZone,
  locale: 'en',
  quietWeeks: 6,
  canEdit: true,
});

function serviceWith(teams: Parameters<typeof me>[0]) {
  return createFakeService({
    'GET /api/v1/me': () => json(200, me(teams)),
    [`GET ${teamsPath(teamId, 'tips')}`]: () => json(200, { teamId, tips: [] }),
    [`GET ${teamsPath(other, 'tips')}`]: () => json(200, { teamId: other, tips: [] }),
    [`GET ${teamsPath(teamId, 'settings')}`]: () => json(200, settings(teamId, 'Platform Team', 'Europe/Amsterdam')),
    [`GET ${teamsPath(other, 'settings')}`]: () => json(200, settings(other, 'Data Team', 'Asia/Tokyo')),
  });
}

describe('the team a view outside a channel shows', () => {
  beforeEach(() => window.localStorage.clear());

  it('opens on the team last chosen in another view, and a choice is remembered for the next', async () => {
    window.localStorage.setItem('peerlearn.team', other);
    const service = serviceWith([
      { teamId, name: 'Platform Team', role: 'member' },
      { teamId: other, name: 'Data Team', role: 'owner' },
    ]);
    const store = createBrowserStore();
    const tips = await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" store={store} />);
    const picker = (await screen.findByRole('combobox', { name: 'Team' })) as HTMLSelectElement;
    expect(picker.value).toBe(other);
    await waitFor(() => expect(service.callsTo('GET', teamsPath(other, 'tips')).length).toBeGreaterThan(0));
    expect(service.callsTo('GET', teamsPath(teamId, 'tips'))).toHaveLength(0);

    fireEvent.change(picker, { target: { value: teamId } });
    await waitFor(() => expect(service.callsTo('GET', teamsPath(teamId, 'tips')).length).toBeGreaterThan(0));
    expect(window.localStorage.getItem('peerlearn.team')).toBe(teamId);
    tips.unmount();

    await renderView(<SettingsView api={apiFor(service.fetch)} store={store} />);
    const section = within(await screen.findByTestId('team-settings'));
    expect(((await section.findByRole('combobox', { name: 'Team' })) as HTMLSelectElement).value).toBe(teamId);
    expect((section.getByRole('combobox', { name: /Time zone/ }) as HTMLSelectElement).value).toBe('Europe/Amsterdam');
  });

  it('a remembered team the person has left falls back to their first, and one team needs no picker', async () => {
    window.localStorage.setItem('peerlearn.team', other);
    const service = serviceWith([{ teamId, name: 'Platform Team', role: 'member' }]);
    await renderView(<TipsView api={apiFor(service.fetch)} locale="en-GB" store={createBrowserStore()} />);
    await waitFor(() => expect(service.callsTo('GET', teamsPath(teamId, 'tips')).length).toBeGreaterThan(0));
    expect(screen.queryByRole('combobox', { name: 'Team' })).toBeNull();
    expect(service.callsTo('GET', teamsPath(other, 'tips'))).toHaveLength(0);
  });
});
