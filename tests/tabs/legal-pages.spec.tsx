import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from '@jest/globals';
import { App } from '../../tabs/src/app/app';
import type { Host } from '../../tabs/src/shared/teams';
import { createFakeService } from '../support/tab/fake-service';
import { fakeTeamsHost, renderApp } from '../support/tab/render-app';

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

/** A host that never answers: what a page sees while Teams' handshake is still running (or hangs). */
const undecidedHost = new Promise<Host>(() => undefined);

async function openPage(url: string, browserLocale: string) {
  window.history.replaceState(null, '', url);
  const service = createFakeService({});
  await act(async () => render(<App host={undecidedHost} fetch={service.fetch} browserLocale={browserLocale} />));
  return service;
}

describe('the privacy statement and the terms of use', () => {
  it('shows the privacy statement in English without a token, an API call or an answer from the host', async () => {
    const service = await openPage('/?view=privacy', 'en-GB');
    expect(await screen.findByRole('heading', { level: 1, name: 'PeerLearn privacy statement' })).toBeTruthy();
    for (const heading of ['What PeerLearn stores', 'Why', 'How long', 'Who sees what', 'Take a copy or erase your data']) {
      expect(screen.getByRole('heading', { level: 2, name: heading })).toBeTruthy();
    }
    expect(screen.getByText(/deleted after 30 days/)).toBeTruthy();
    expect(screen.getByText(/My profile → Privacy → Download my data, or send the PeerLearn bot “export my data”/)).toBeTruthy();
    expect(screen.getByText(/“delete my data” \(in Dutch “verwijder mijn gegevens”\)/)).toBeTruthy();
    expect(service.calls).toEqual([]);
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows the terms of use in Dutch for a Dutch browser, with a link to the privacy statement', async () => {
    const service = await openPage('/?view=terms', 'nl-NL');
    expect(await screen.findByRole('heading', { level: 1, name: 'Gebruiksvoorwaarden van PeerLearn' })).toBeTruthy();
    expect(screen.getByText(/intern hulpmiddel van je organisatie/)).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Hoe PeerLearn met je gegevens omgaat, staat in de privacyverklaring.' }).getAttribute('href'),
    ).toBe('?view=privacy');
    expect(screen.getByRole('link', { name: 'Gebruiksvoorwaarden' }).getAttribute('aria-current')).toBe('page');
    expect(service.calls).toEqual([]);
    expect(document.documentElement.lang).toBe('nl');
  });

  it('switches language on the page and remembers the choice', async () => {
    const service = await openPage('/#/privacy', 'en-US');
    fireEvent.click(await screen.findByRole('button', { name: 'Lees deze pagina in het Nederlands' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Privacyverklaring van PeerLearn' })).toBeTruthy();
    expect(screen.getByText(/“een voormalige collega”/)).toBeTruthy();
    expect(window.localStorage.getItem('peerlearn.language')).toBe('nl');
    fireEvent.click(screen.getByRole('button', { name: 'Read this page in English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'PeerLearn privacy statement' })).toBeTruthy();
    expect(service.calls).toEqual([]);
  });

  it('inside Teams follows its language and theme and tells Teams it is ready, still without a token', async () => {
    window.history.replaceState(null, '', '/?view=privacy');
    const teams = fakeTeamsHost({ locale: 'nl-BE', theme: 'dark' });
    const service = createFakeService({});
    await renderApp({ fetch: service.fetch, host: teams.host, browserLocale: 'en-US' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Privacyverklaring van PeerLearn' })).toBeTruthy();
    expect(teams.notifyReady).toHaveBeenCalledTimes(1);
    expect(document.documentElement.dataset['theme']).toBe('dark');
    await act(async () => teams.changeTheme('contrast'));
    expect(document.documentElement.dataset['theme']).toBe('contrast');
    expect(teams.getToken).not.toHaveBeenCalled();
    expect(service.calls).toEqual([]);
  });
});
