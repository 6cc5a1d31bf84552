import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { ApiError } from '../../bot/src/api/contract';
import BuddyProfileSection from '../../tabs/src/features/buddies/buddy-profile-section';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { buddyPath, buddyStatus, organisationBuddy, teamBuddy } from '../support/tab/buddy-fixtures';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import type { Handler } from '../support/tab/fake-service';
import { me, members, teamId } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';
import { apiFor, renderView } from '../support/tab/render-view';

const mePath = `${buddyPath}/me`;

/** The service keeps what was PUT, as the real one answers: the stored status. */
function buddyService(initial = buddyStatus(), put?: Handler) {
  let stored = initial;
  return createFakeService({
    [`GET ${mePath}`]: () => json(200, stored),
    [`PUT ${mePath}`]:
      put ??
      ((call) => {
        stored = { ...stored, ...(call.body as object) };
        return json(200, stored);
      }),
    [`PUT ${buddyPath}/rounds/${encodeURIComponent(teamBuddy.roundId)}/met`]: (call) => json(200, call.body),
  });
}

async function renderSection(service: ReturnType<typeof createFakeService>, language: AppLanguage = 'en') {
  const view = await renderView(
    <BuddyProfileSection api={apiFor(service.fetch)} contextTeamId={teamId} locale={language === 'nl' ? 'nl-NL' : 'en-GB'} />,
    language,
  );
  await screen.findByRole('button', { name: language === 'nl' ? 'Mijn keuzes opslaan' : 'Save my choices' });
  return view;
}

const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const save = () => press('Save my choices');

describe('my profile → learning buddy', () => {
  it('opts in with days and a way to meet, also outside the team, and PUTs exactly that', async () => {
    const service = buddyService();
    await renderSection(service);
    expect((screen.getByRole('switch', { name: 'Pair me with a learning buddy in this team' }) as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText('Your team has no regular rounds yet; a team owner can start one.')).toBeTruthy();

    fireEvent.click(screen.getByRole('switch', { name: 'Pair me with a learning buddy in this team' }));
    press('Saturday');
    press('Sunday');
    expect(screen.getByRole('button', { name: 'Saturday' }).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: 'Monday' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('checkbox', { name: 'In person' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Also outside my team' }));
    save();

    expect((await screen.findByRole('status')).textContent).toBe('Your choices are saved.');
    expect(service.callsTo('PUT', mePath).map((c) => c.body)).toEqual([
      {
        optIn: true,
        skipNext: false,
        acrossOrganisation: true,
        availability: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], modes: ['online'] },
      },
    ]);
  });

  it('says when the team’s next round starts', async () => {
    const nextRoundAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
    await renderSection(buddyService(buddyStatus({ cadence: { everyWeeks: 2, weekday: 'mon', time: '10:00' }, nextRoundAt })));
    const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short' }).format(new Date(nextRoundAt));
    expect(screen.getByText(`The next round starts ${date}.`)).toBeTruthy();
    expect(screen.queryByText('Your team has no regular rounds yet; a team owner can start one.')).toBeNull();
  });

  it('skips the next round, then opts out', async () => {
    const service = buddyService(buddyStatus({ optIn: true, availability: { days: ['tue', 'thu'], modes: ['online'] } }));
    await renderSection(service);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Skip the next round' }));
    save();
    await screen.findByRole('status');
    fireEvent.click(screen.getByRole('switch', { name: 'Pair me with a learning buddy in this team' }));
    // Not in the team's rounds nor across the organisation: there is no next round to skip.
    expect((screen.getByRole('checkbox', { name: 'Skip the next round' }) as HTMLInputElement).disabled).toBe(true);
    save();
    await waitFor(() => expect(service.callsTo('PUT', mePath)).toHaveLength(2));
    const availability = { days: ['tue', 'thu'], modes: ['online'] };
    expect(service.callsTo('PUT', mePath).map((c) => c.body)).toEqual([
      { optIn: true, skipNext: true, acrossOrganisation: false, availability },
      { optIn: false, skipNext: true, acrossOrganisation: false, availability },
    ]);
  });

  it('says on the field when no day is chosen, and sends nothing', async () => {
    const service = buddyService(buddyStatus({ optIn: true, availability: { days: ['mon'], modes: ['online'] } }));
    await renderSection(service);
    press('Monday');
    save();
    const days = screen.getByRole('group', { name: 'Days I can meet' });
    expect(within(days).getByRole('alert').textContent).toBe('Choose at least one.');
    expect(service.callsTo('PUT', mePath)).toHaveLength(0);
  });

  it('shows a 400 invalid_buddy on the field it names, and keeps every choice', async () => {
    const refused: ApiError = {
      error: {
        code: 'invalid_buddy',
        message: 'Some of the choices are not right.',
        fields: { 'availability.modes': 'Choose from the list.' },
        problems: [{ field: 'availability.modes', code: 'unknownValue' }],
      },
    };
    const service = buddyService(buddyStatus({ optIn: true }), () => json(400, refused));
    await renderSection(service);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Also outside my team' }));
    save();
    const modes = screen.getByRole('group', { name: 'How I can meet' });
    expect((await within(modes).findByRole('alert')).textContent).toBe('Choose from the list.');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      "Your choices weren't saved. Everything you chose is still here. ",
    );
    expect((screen.getByRole('checkbox', { name: 'Also outside my team' }) as HTMLInputElement).checked).toBe(true);
    // Changing anything clears the service's verdict until the next save.
    fireEvent.click(screen.getByRole('checkbox', { name: 'In person' }));
    expect(within(modes).queryByRole('alert')).toBeNull();
  });

  it('shows my buddy and why in my words, and answers "did you meet?" per pool', async () => {
    const service = buddyService(buddyStatus({ optIn: true, acrossOrganisation: true, current: [teamBuddy, organisationBuddy] }));
    await renderSection(service);
    const cards = screen.getAllByTestId('current-buddy');
    expect(cards).toHaveLength(2);
    const mine = within(cards[0] as HTMLElement);
    expect(mine.getByRole('heading', { level: 3, name: 'Your buddy' })).toBeTruthy();
    expect(mine.getByText('You and Noor Hendriks')).toBeTruthy();
    expect(mine.getByText('Noor Hendriks can teach you Power BI.')).toBeTruthy();
    expect(mine.getByText('You can teach Noor Hendriks facilitation.')).toBeTruthy();
    expect(mine.getByText('Shared languages: Dutch and English.')).toBeTruthy();
    expect(mine.getByText('Days that suit everyone: Tuesday and Thursday.')).toBeTruthy();
    expect(mine.getByText('Ways to meet: online.')).toBeTruthy();
    expect(mine.getByText('A first topic: Power BI')).toBeTruthy();

    fireEvent.click(mine.getByRole('button', { name: 'Yes' }));
    expect(await mine.findByText('Thanks, your answer is saved.')).toBeTruthy();
    expect(mine.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed')).toBe('true');

    const across = within(cards[1] as HTMLElement);
    expect(across.getByRole('heading', { level: 3, name: 'Your buddy from across the organisation' })).toBeTruthy();
    expect(across.getByRole('button', { name: 'Not yet' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(across.getByRole('button', { name: "We won't" }));
    expect(await across.findByText('Thanks, your answer is saved.')).toBeTruthy();

    const met = service.calls.filter((c) => c.method === 'PUT' && c.path.endsWith('/met'));
    expect(met.map((c) => [c.path, c.query, c.body])).toEqual([
      [`${buddyPath}/rounds/${encodeURIComponent(teamBuddy.roundId)}/met`, '', { answer: 'yes' }],
      [`${buddyPath}/rounds/${encodeURIComponent(organisationBuddy.roundId)}/met`, 'pool=organisation', { answer: 'wont' }],
    ]);
  });

  it('a refused answer goes back to the stored one and says why', async () => {
    const service = createFakeService({
      [`GET ${mePath}`]: () => json(200, buddyStatus({ optIn: true, current: [organisationBuddy] })),
      [`PUT ${buddyPath}/rounds/${encodeURIComponent(organisationBuddy.roundId)}/met`]: () => apiError(403, 'not_in_round'),
    });
    await renderSection(service);
    const card = within(screen.getByTestId('current-buddy'));
    fireEvent.click(card.getByRole('button', { name: 'Yes' }));
    expect((await card.findByRole('alert')).textContent).toContain("Your answer wasn't saved.");
    expect(card.getByRole('button', { name: 'Not yet' }).getAttribute('aria-pressed')).toBe('true');
    expect(card.getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('speaks Dutch', async () => {
    await renderSection(buddyService(buddyStatus({ optIn: true, current: [teamBuddy] })), 'nl');
    expect(screen.getByRole('heading', { level: 2, name: 'Leerbuddy' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Koppel mij aan een leerbuddy in dit team' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Sla de volgende ronde over' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Ook buiten mijn team' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'maandag' }).querySelector('[aria-hidden="true"]')?.textContent).toBe('ma');
    expect(screen.getByRole('checkbox', { name: 'Op locatie' })).toBeTruthy();
    expect(screen.getByText('Noor Hendriks kan jou Power BI leren.')).toBeTruthy();
    expect(screen.getByText('Jij kunt Noor Hendriks facilitation leren.')).toBeTruthy();
    expect(screen.getByText('Gedeelde talen: Nederlands en Engels.')).toBeTruthy();
    expect(screen.getByText('Dagen die iedereen passen: dinsdag en donderdag.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Hebben jullie afgesproken?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dat gaat niet lukken' })).toBeTruthy();
  });

  it('has no axe violations, with a buddy and with a refused save', async () => {
    const service = buddyService(buddyStatus({ optIn: true, current: [teamBuddy] }), () =>
      json(400, { error: { code: 'invalid_buddy', message: 'x', problems: [{ field: 'optIn', code: 'notBoolean' }] } }),
    );
    const { container } = await renderSection(service);
    expect(await axeViolations(container)).toEqual([]);
    save();
    await screen.findByText('Choose yes or no.');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('is part of My profile in the app, for the team I choose', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    window.location.hash = '#/profile';
    const other = 'team-2';
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () =>
        json(
          200,
          me([
            { teamId, name: 'Platform Team', role: 'member' },
            { teamId: other, name: 'Data Team', role: 'owner' },
          ]),
        ),
      'GET /api/v1/me/profile': () =>
        json(200, {
          tenantId: 'tenant-1',
          userId: 'anna-oid',
          displayName: 'Anna de Vries',
          bio: '',
          teaches: [],
          wants: [],
          sessionsTaught: 0,
        }),
      [`GET ${mePath}`]: () => json(200, buddyStatus({ optIn: true })),
      [`GET /api/v1/teams/${other}/buddies/me`]: () => json(200, buddyStatus({ teamId: other })),
    });
    try {
      await renderApp({ fetch: service.fetch });
      const section = within(await screen.findByTestId('buddy-profile'));
      const optIn = await section.findByRole('switch', { name: 'Pair me with a learning buddy in this team' });
      expect((optIn as HTMLInputElement).checked).toBe(true);
      fireEvent.change(section.getByRole('combobox', { name: 'Team' }), { target: { value: other } });
      await waitFor(() =>
        expect((section.getByRole('switch', { name: 'Pair me with a learning buddy in this team' }) as HTMLInputElement).checked).toBe(
          false,
        ),
      );
      expect(service.callsTo('GET', `/api/v1/teams/${other}/buddies/me`)).toHaveLength(1);
    } finally {
      window.location.hash = '';
    }
  });
});
