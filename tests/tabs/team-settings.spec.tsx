import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { TeamSettingsResponse } from '../../bot/src/api/contract';
import SettingsView from '../../tabs/src/features/settings/settings-view';
import { rowProblems, toMinutes, toRow } from '../../tabs/src/features/settings/reminder-rows';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import { me, teamId } from '../support/tab/fixtures';
import { apiFor, renderView } from '../support/tab/render-view';

const path = `/api/v1/teams/${encodeURIComponent(teamId)}/settings`;
const defaults: TeamSettingsResponse = {
  teamId,
  teamName: 'Platform Team',
  reminderMinutes: [1440, 15],
  timeZone: 'Europe/Amsterdam',
  locale: 'en',
  quietWeeks: 6,
  canEdit: true,
};

function field(name: string | RegExp): HTMLElement {
  return screen.getByRole('spinbutton', { name });
}

describe('reminder rows', () => {
  it('shows minutes in the largest whole unit and checks them like the service does', () => {
    expect([1440, 120, 90, 15].map(toRow)).toEqual([
      { amount: '1', unit: 'days' },
      { amount: '2', unit: 'hours' },
      { amount: '90', unit: 'minutes' },
      { amount: '15', unit: 'minutes' },
    ]);
    expect(toMinutes({ amount: '3', unit: 'hours' })).toBe(180);
    expect(toMinutes({ amount: '1.5', unit: 'hours' })).toBeUndefined();
    expect(
      rowProblems([
        { amount: '1', unit: 'days' },
        { amount: '24', unit: 'hours' },
        { amount: '4', unit: 'minutes' },
        { amount: '8', unit: 'days' },
        { amount: '', unit: 'hours' },
      ]),
    ).toEqual([undefined, 'reminders_duplicate', 'reminder_out_of_range', 'reminder_out_of_range', 'reminder_not_whole']);
  });
});

describe('team settings', () => {
  it('an owner edits reminders with inline validation, and saves', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, defaults),
      [`PUT ${path}`]: (call) => json(200, { ...defaults, ...(call.body as object), reminderMinutes: [1440, 120, 30] }),
    });
    await renderView(<SettingsView api={apiFor(service.fetch)} contextTeamId={teamId} />);
    const section = within(await screen.findByTestId('team-settings'));
    await section.findByRole('button', { name: 'Save settings' });
    expect(section.getByText(/Changes apply to sessions planned or moved after you save/)).toBeTruthy();
    expect((field('Reminder 1: how long before') as HTMLInputElement).value).toBe('1');
    expect((section.getByRole('combobox', { name: 'Reminder 1: unit' }) as HTMLSelectElement).value).toBe('days');
    expect((field('Reminder 2: how long before') as HTMLInputElement).value).toBe('15');

    // 2 minutes is too close to the start: said at once, beside the field, and nothing is sent.
    fireEvent.change(field('Reminder 2: how long before'), { target: { value: '2' } });
    fireEvent.blur(field('Reminder 2: how long before'));
    expect(section.getByText('Choose between 5 minutes and 7 days before the start.')).toBeTruthy();
    fireEvent.click(section.getByRole('button', { name: 'Save settings' }));
    expect(service.callsTo('PUT', path)).toHaveLength(0);

    fireEvent.change(field('Reminder 2: how long before'), { target: { value: '30' } });
    fireEvent.click(section.getByRole('button', { name: 'Add a reminder' }));
    fireEvent.change(field('Reminder 3: how long before'), { target: { value: '2' } });
    expect((section.getByRole('button', { name: 'Add a reminder' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(section.getByRole('combobox', { name: 'Team cards in' }), { target: { value: 'nl' } });
    fireEvent.change(section.getByRole('combobox', { name: /Time zone/ }), { target: { value: 'Europe/London' } });
    fireEvent.click(section.getByRole('button', { name: 'Save settings' }));

    expect((await screen.findByRole('status')).textContent).toContain('Settings saved.');
    expect(service.callsTo('PUT', path)[0]?.body).toEqual({
      reminderMinutes: [1440, 30, 120],
      timeZone: 'Europe/London',
      locale: 'nl',
      quietWeeks: 6,
    });
    // The form shows what the service stored (sorted, latest first).
    expect((field('Reminder 2: how long before') as HTMLInputElement).value).toBe('2');
    expect((section.getByRole('combobox', { name: 'Reminder 2: unit' }) as HTMLSelectElement).value).toBe('hours');
  });

  it('maps the service’s field codes onto the fields in Dutch and keeps what was typed', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, defaults),
      [`PUT ${path}`]: () =>
        json(400, {
          error: {
            code: 'invalid_settings',
            message: 'Some settings need another look.',
            problems: [{ field: 'timeZone', code: 'time_zone_unknown' }],
          },
        }),
    });
    await renderView(<SettingsView api={apiFor(service.fetch)} contextTeamId={teamId} />, 'nl');
    const section = within(await screen.findByTestId('team-settings'));
    fireEvent.click(await section.findByRole('button', { name: 'Herinnering 2 verwijderen' }));
    fireEvent.click(section.getByRole('button', { name: 'Instellingen opslaan' }));
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent).join(' | ')).toContain('De instellingen zijn niet opgeslagen');
    expect(section.getByText('Kies een tijdzone uit de lijst.')).toBeTruthy();
    expect(section.getAllByTestId('reminder-row')).toHaveLength(1);
    expect(service.callsTo('PUT', path)[0]?.body).toMatchObject({ reminderMinutes: [1440] });
  });

  it('an owner sets after how many weeks a member counts as quiet (insights), checked before sending and by the service', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, defaults),
      [`PUT ${path}`]: (call, nth) =>
        nth === 0
          ? json(400, {
              error: {
                code: 'invalid_settings',
                message: 'Some settings need another look.',
                problems: [{ field: 'quietWeeks', code: 'quiet_weeks_out_of_range' }],
              },
            })
          : json(200, { ...defaults, ...(call.body as object) }),
    });
    await renderView(<SettingsView api={apiFor(service.fetch)} contextTeamId={teamId} />);
    const section = within(await screen.findByTestId('team-settings'));
    const weeks = (await section.findByRole('spinbutton', { name: /Quiet after \(weeks\)/ })) as HTMLInputElement;
    expect(weeks.value).toBe('6');
    fireEvent.change(weeks, { target: { value: '27' } });
    fireEvent.click(section.getByRole('button', { name: 'Save settings' }));
    expect(section.getByText('Choose from 2 to 26 weeks.')).toBeTruthy();
    expect(service.callsTo('PUT', path)).toHaveLength(0);
    // The service's own check reaches the same field (a stale form, another client).
    fireEvent.change(weeks, { target: { value: '8' } });
    fireEvent.click(section.getByRole('button', { name: 'Save settings' }));
    await section.findByText('Choose from 2 to 26 weeks.');
    fireEvent.click(section.getByRole('button', { name: 'Save settings' }));
    expect((await screen.findByRole('status')).textContent).toContain('Settings saved.');
    expect(service.callsTo('PUT', path).map((c) => (c.body as { quietWeeks: number }).quietWeeks)).toEqual([8, 8]);
    expect(weeks.value).toBe('8');
  });

  it('says so when someone who is no longer an owner tries to save', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, defaults),
      [`PUT ${path}`]: () => apiError(403, 'owners_only', 'Only an owner of this team can change its settings.'),
    });
    await renderView(<SettingsView api={apiFor(service.fetch)} contextTeamId={teamId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The settings were not saved.');
    expect(alert.textContent?.length).toBeGreaterThan('The settings were not saved.'.length + 20);
  });

  it('a save refused for going too fast says when to try again, with the seconds from Retry-After', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, defaults),
      [`PUT ${path}`]: () =>
        new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'rate_limited' } }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '7' },
        }),
    });
    await renderView(<SettingsView api={apiFor(service.fetch)} contextTeamId={teamId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The settings were not saved.');
    expect(alert.textContent).toContain('try again in 7 seconds');
  });

  it('members see the settings read-only, in Dutch', async () => {
    const service = createFakeService({
      [`GET ${path}`]: () => json(200, { ...defaults, canEdit: false, reminderMinutes: [2880, 60], locale: 'nl' }),
    });
    await renderView(<SettingsView api={apiFor(service.fetch)} contextTeamId={teamId} />, 'nl');
    const section = within(await screen.findByTestId('team-settings'));
    expect(await section.findByText('2 dagen vooraf, 1 uur vooraf')).toBeTruthy();
    expect(section.getByText('Europe/Amsterdam')).toBeTruthy();
    expect(section.getByText('Nederlands')).toBeTruthy();
    expect(section.getByText('6 weken')).toBeTruthy();
    expect(section.getByText('Alleen eigenaren van het team kunnen deze instellingen wijzigen.')).toBeTruthy();
    expect(section.queryByRole('button')).toBeNull();
  });

  it('outside a team context: the caller’s teams, with a picker when there are several', async () => {
    const other = '19:other@thread.tacv2';
    const otherPath = `/api/v1/teams/${encodeURIComponent(other)}/settings`;
    const service = createFakeService({
      'GET /api/v1/me': () =>
        json(
          200,
          me([
            { teamId, name: 'Platform Team', role: 'member' },
            { teamId: other, name: 'Data Team', role: 'owner' },
          ]),
        ),
      [`GET ${path}`]: () => json(200, { ...defaults, canEdit: false }),
      [`GET ${otherPath}`]: () => json(200, { ...defaults, teamId: other, teamName: 'Data Team', timeZone: 'Asia/Tokyo' }),
    });
    await renderView(<SettingsView api={apiFor(service.fetch)} />);
    const section = within(await screen.findByTestId('team-settings'));
    await section.findByText('Only the team’s owners can change these settings.');
    fireEvent.change(section.getByRole('combobox', { name: 'Team' }), { target: { value: other } });
    await section.findByRole('button', { name: 'Save settings' });
    expect((section.getByRole('combobox', { name: /Time zone/ }) as HTMLSelectElement).value).toBe('Asia/Tokyo');
  });

  it('a load failure offers a retry', async () => {
    const service = createFakeService({
      [`GET ${path}`]: (_call, nth) => (nth === 0 ? apiError(503, 'storage_unavailable') : json(200, defaults)),
    });
    await renderView(<SettingsView api={apiFor(service.fetch)} contextTeamId={teamId} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save settings' })).toBeTruthy());
  });
});
