import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import BuddyRoundView from '../../tabs/src/features/buddies/buddy-round-view';
import type { AppLanguage } from '../../tabs/src/shared/locale';
import { axeViolations } from '../support/tab/axe-jsdom';
import { buddyPath, memberRound, ownerRound } from '../support/tab/buddy-fixtures';
import { apiError, createFakeService, json } from '../support/tab/fake-service';
import type { Handler } from '../support/tab/fake-service';
import { me, members, teamId } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';
import { apiFor, renderView } from '../support/tab/render-view';

const latestPath = `${buddyPath}/rounds/latest`;

async function renderRound(latest: Handler, language: AppLanguage = 'en') {
  const service = createFakeService({ [`GET ${latestPath}`]: latest });
  const view = await renderView(
    <BuddyRoundView api={apiFor(service.fetch)} teamId={teamId} locale={language === 'nl' ? 'nl-NL' : 'en-GB'} />,
    language,
  );
  return { ...view, service };
}

const pairTexts = () =>
  screen.getAllByTestId('round-pair').map((pair) => ({
    names: within(pair).getByRole('heading', { level: 3 }).textContent,
    answers: within(pair)
      .queryAllByRole('listitem')
      .filter((li) => li.closest('[data-testid="pair-answers"]'))
      .map((li) => li.textContent),
  }));

describe('the buddy round view', () => {
  it('shows an owner every pair with why and who met, who was left over or skipped, and the rounds so far', async () => {
    await renderRound(() => json(200, ownerRound()));
    expect(await screen.findByRole('heading', { level: 2, name: 'Pairs' })).toBeTruthy();
    expect(pairTexts()).toEqual([
      { names: 'Noor Hendriks and Sanne Visser', answers: ['Noor Hendriks: Yes', 'Sanne Visser: no answer yet'] },
      { names: 'Anna de Vries and Jip de Boer', answers: ["Anna de Vries: We won't", 'Jip de Boer: Not yet'] },
    ]);
    const [first, second] = screen.getAllByTestId('round-pair') as [HTMLElement, HTMLElement];
    expect(within(first).getByText('Noor Hendriks can teach Sanne Visser Power BI.')).toBeTruthy();
    expect(within(first).getByText('Ways to meet: in person and online.')).toBeTruthy();
    expect(within(second).getByText('No shared skill this time: a good moment to find out what the other does.')).toBeTruthy();

    const leftOver = screen.getByRole('region', { name: 'Left over' });
    expect(within(leftOver).getByText('Bram Jansen')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Skipped this round' })).getByText('Chloé Bakker')).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Participation over rounds' });
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['Round', 'Pairs', 'People', 'Met', 'Skipped']);
    expect(
      rows.slice(1).map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(1)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['2', '5', '1', '1'],
      ['3', '6', '4', '0'],
    ]);
    expect(screen.queryByText('You see your own pair. Only the team’s owners see the whole round.')).toBeNull();
  });

  it('shows a member their own pair only, without anyone’s answers', async () => {
    await renderRound(() => json(200, memberRound()));
    expect(await screen.findByRole('heading', { level: 2, name: 'Your pair' })).toBeTruthy();
    expect(screen.getByText('You see your own pair. Only the team’s owners see the whole round.')).toBeTruthy();
    expect(pairTexts()).toEqual([{ names: 'Noor Hendriks and Sanne Visser', answers: [] }]);
    expect(screen.queryByText('Did they meet?')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Left over' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Skipped this round' })).toBeNull();
  });

  it('tells a member who was not paired so, and an owner when nobody was', async () => {
    const member = await renderRound(() => json(200, { round: { ...memberRound().round, pairs: [] } }));
    expect(await screen.findByText('You were not paired in this round.')).toBeTruthy();
    member.unmount();
    const owner = ownerRound();
    await renderRound(() => json(200, { ...owner, round: { ...owner.round, pairs: [] } }));
    expect(await screen.findByText('Nobody was paired in this round.')).toBeTruthy();
  });

  it('before the first round (the API answers `{ round: null }`): a friendly empty state, not an error', async () => {
    await renderRound(() => json(200, { round: null }));
    expect(await screen.findByRole('heading', { level: 2, name: 'No round yet' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('any other failure says so and offers a retry', async () => {
    const { service } = await renderRound((_call, nth) => (nth === 0 ? apiError(503, 'storage_unavailable') : json(200, memberRound())));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("PeerLearn can't get to its data at the moment.");
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Your pair' })).toBeTruthy();
    expect(service.callsTo('GET', latestPath)).toHaveLength(2);
  });

  it('speaks Dutch, and has no axe violations for an owner or a member', async () => {
    const owner = await renderRound(() => json(200, ownerRound()), 'nl');
    expect(await screen.findByRole('heading', { level: 1, name: 'Leerbuddy’s: laatste ronde' })).toBeTruthy();
    expect(screen.getByText('Noor Hendriks kan Sanne Visser Power BI leren.')).toBeTruthy();
    expect(screen.getByText('Noor Hendriks: Ja')).toBeTruthy();
    expect(screen.getByText('Sanne Visser: nog geen antwoord')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Deelname per ronde' })).toBeTruthy();
    expect(await axeViolations(owner.container)).toEqual([]);
    owner.unmount();
    const member = await renderRound(() => json(200, memberRound()));
    await screen.findByRole('heading', { level: 2, name: 'Your pair' });
    expect(await axeViolations(member.container)).toEqual([]);
  });

  it('opens from ?view=buddies for the team I am in', async () => {
    window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
    window.history.replaceState(null, '', '/?view=buddies');
    const service = createFakeService({
      'GET /dev/members': () => json(200, members),
      'POST /dev/token': () => json(200, { token: 'dev-token' }),
      'GET /api/v1/me': () => json(200, me()),
      [`GET ${latestPath}`]: () => json(200, memberRound()),
    });
    try {
      await renderApp({ fetch: service.fetch });
      expect(await screen.findByRole('heading', { level: 2, name: 'Your pair' })).toBeTruthy();
      expect(service.callsTo('GET', latestPath)).toHaveLength(1);
    } finally {
      window.history.replaceState(null, '', '/');
    }
  });
});
