import { screen, within } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import type { BuddyMeResponse } from '../../bot/src/api/contract';
import { buddyPath, buddyStatus, teamBuddy } from '../support/tab/buddy-fixtures';
import { createFakeService, json } from '../support/tab/fake-service';
import { me, members, teamSessions } from '../support/tab/fixtures';
import { renderApp } from '../support/tab/render-app';
import type { AppLanguage } from '../../tabs/src/shared/locale';

const sessionsPath = buddyPath.replace(/\/buddies$/, '/sessions');

/** A dev-mode board of Anna's team, with her buddy status as given. */
async function boardWith(status: BuddyMeResponse, language: AppLanguage = 'en') {
  window.localStorage.setItem('peerlearn.member', 'tenant-1/anna-oid');
  const service = createFakeService({
    'GET /dev/members': () => json(200, members),
    'POST /dev/token': () => json(200, { token: 'dev-token' }),
    'GET /api/v1/me': () => json(200, me()),
    [`GET ${sessionsPath}`]: () => json(200, teamSessions()),
    [`GET ${buddyPath}/me`]: () => json(200, status),
  });
  await renderApp({ fetch: service.fetch, browserLocale: language === 'nl' ? 'nl-NL' : 'en-GB' });
  const card = within(await screen.findByTestId('buddy-board-card'));
  return { card, service };
}

describe('the board’s learning-buddy card', () => {
  it('invites someone who never opted in, to My profile', async () => {
    const { card } = await boardWith(buddyStatus());
    expect(card.getByRole('heading', { level: 2, name: 'Your learning buddy' })).toBeTruthy();
    expect(await card.findByText('Learn from a colleague')).toBeTruthy();
    expect(card.getByRole('link', { name: 'Find me a buddy' }).getAttribute('href')).toBe('#/profile');
  });

  it('shows my current buddy, why, and the way to the round', async () => {
    const { card } = await boardWith(buddyStatus({ optIn: true, current: [teamBuddy] }));
    expect(await card.findByText('You and Noor Hendriks')).toBeTruthy();
    expect(card.getByText('Noor Hendriks can teach you Power BI.')).toBeTruthy();
    expect(card.getByText('A first topic: Power BI')).toBeTruthy();
    expect(card.getByRole('link', { name: 'See the round' }).getAttribute('href')).toMatch(/^#\/buddies\//);
    expect(card.getByRole('link', { name: 'My buddy choices' }).getAttribute('href')).toBe('#/profile');
  });

  it('tells someone who is in when the next buddy comes, in Dutch', async () => {
    const { card } = await boardWith(buddyStatus({ optIn: true, nextRoundAt: new Date(Date.now() + 86_400_000).toISOString() }), 'nl');
    expect(await card.findByText(/^Je doet mee\. Je volgende buddy komt .+\.$/)).toBeTruthy();
    expect(card.getByRole('heading', { level: 2, name: 'Je leerbuddy' })).toBeTruthy();
  });

  it('says so when I skip the next round', async () => {
    const { card } = await boardWith(buddyStatus({ optIn: true, skipNext: true }));
    expect(await card.findByText('You skip the next round.')).toBeTruthy();
  });
});
