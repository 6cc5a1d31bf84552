import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { ApiError, TeamSettingsResponse } from '../../bot/src/api/contract';
import BuddySettingsSection from '../../tabs/src/features/buddies/buddy-settings-section';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { buddyPath, cadence } from '../support/tab/buddy-fixtures';
import { createFakeService, json } from '../support/tab/fake-service';
import type { Handler } from '../support/tab/fake-service';
import { me, members, teamId } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';
import { apiFor, renderView } from '../support/tab/render-view';

const cadencePath = `${buddyPath}/cadence`;
const roundsPath = `${buddyPath}/rounds`;

function cadenceService(initial = cadence(), put?: Handler) {
  return createFakeService({
    [`GET ${cadencePath}`]: () => json(200, initial),
    [`PUT ${cadencePath}`]: put ?? ((call) => json(200, { ...initial, ...(call.body as object) })),
    [`POST ${roundsPath}`]: () => json(202, { roundId: 'now-2026-12-03T09:00:00.000Z-ab12' }),
  });
}

async function renderSection(service: ReturnType<typeof createFakeService>, language: AppLanguage = 'en') {
  const view = await renderView(
    <BuddySettingsSection api={apiFor(service.fetch)} teamId={teamId} locale={language === 'nl' ? 'nl-NL' : 'en-GB'} />,
    language,
  );
  await screen.findByRole('link', { name: language === 'nl' ? 'Bekijk de laatste ronde' : 'See the latest round' });
  return view;
}

const select = (name: string, value: string) => fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });

describe('settings → learning buddies', () => {
  it('an owner sets the rounds in the team’s time zone, and starts a round now', async () => {
    const service = cadenceService();
    await renderSection(service);
    expect((screen.getByRole('combobox', { name: 'Rounds' }) as HTMLSelectElement).value).toBe('2');
    expect((screen.getByRole('combobox', { name: 'Day' }) as HTMLSelectElement).value).toBe('mon');
    expect((screen.getByLabelText('Time') as HTMLInputElement).value).toBe('10:00');
    expect(screen.getByText('In the team’s time zone: Europe/Amsterdam.')).toBeTruthy();
    expect(screen.getByText(/^Next round: /)).toBeTruthy();

    select('Rounds', '4');
    select('Day', 'thu');
    fireEvent.change(screen.getByLabelText('Time'), { target: { value: '09:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rounds' }));
    expect((await screen.findByRole('status')).textContent).toBe('The rounds are saved.');
    expect(service.callsTo('PUT', cadencePath).map((c) => c.body)).toEqual([{ cadence: { everyWeeks: 4, weekday: 'thu', time: '09:30' } }]);

    fireEvent.click(screen.getByRole('button', { name: 'Start a round now' }));
    expect(await screen.findByText('A round has started. Introductions go out in the next few minutes.')).toBeTruthy();
    expect(service.callsTo('POST', roundsPath)).toHaveLength(1);
    // One start per visit: a second click cannot queue another round.
    expect((screen.getByRole('button', { name: 'Start a round now' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('link', { name: 'See the latest round' }).getAttribute('href')).toBe(`#/buddies/${encodeURIComponent(teamId)}`);
  });

  it('an owner turns the rounds off', async () => {
    const service = cadenceService();
    await renderSection(service);
    select('Rounds', 'off');
    expect(screen.queryByRole('combobox', { name: 'Day' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save rounds' }));
    await screen.findByRole('status');
    expect(service.callsTo('PUT', cadencePath).map((c) => c.body)).toEqual([{ cadence: null }]);
  });

  it('a time the service refuses is said on the time field', async () => {
    const refused: ApiError = {
      error: {
        code: 'invalid_buddy',
        message: 'x',
        fields: { 'cadence.time': 'y' },
        problems: [{ field: 'cadence.time', code: 'badTime' }],
      },
    };
    const service = cadenceService(cadence(), () => json(400, refused));
    await renderSection(service);
    fireEvent.click(screen.getByRole('button', { name: 'Save rounds' }));
    expect(await screen.findByText('Enter a time such as 10:00.')).toBeTruthy();
    expect(screen.getByLabelText('Time').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      expect.stringMatching(/^The rounds were not saved\./),
      'Enter a time such as 10:00.',
    ]);
  });

  it('a member reads the rounds and cannot change them or start one', async () => {
    const service = cadenceService(cadence({ canEdit: false }));
    await renderSection(service);
    expect(screen.getByText('Every 2 weeks on Monday at 10:00')).toBeTruthy();
    expect(screen.getByText('Only the team’s owners can change the rounds or start one.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start a round now' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save rounds' })).toBeNull();
    expect(screen.getByRole('link', { name: 'See the latest round' })).toBeTruthy();
  });

  it('speaks Dutch, and has no axe violations', async () => {
    const { container } = await renderSection(cadenceService(cadence({ cadence: { everyWeeks: 1, weekday: 'wed', time: '13:00' } })), 'nl');
    expect(screen.getByRole('heading', { level: 3, name: 'Leerbuddy’s' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Rondes' }) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('Elke week');
    expect(screen.getByRole('option', { name: 'Elke 4 weken' })).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Dag' }) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('woensdag');
    expect(screen.getByRole('button', { name: 'Nu een ronde starten' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('sits under the team settings of the app’s Settings, for the same team', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    window.location.hash = '#/settings';
    const settings: TeamSettingsResponse = {
      teamId,
      teamName: 'Platform Team',
      reminderMinutes: [1440],
      timeZone: 'Europe/Amsterdam',
      locale: 'en',
      quietWeeks: 6,
      canEdit: false,
    };
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET /api/v1/teams/${encodeURIComponent(teamId)}/settings`]: () => json(200, settings),
      [`GET ${cadencePath}`]: () => json(200, cadence({ canEdit: false })),
    });
    try {
      await renderApp({ fetch: service.fetch });
      const team = within(await screen.findByTestId('team-settings'));
      const buddies = within(await team.findByTestId('buddy-settings'));
      expect(await buddies.findByText('Every 2 weeks on Monday at 10:00')).toBeTruthy();
      await waitFor(() => expect(service.callsTo('GET', cadencePath)).toHaveLength(1));
    } finally {
      window.location.hash = '';
    }
  });
});
