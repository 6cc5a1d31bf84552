import { render, screen } from '@testing-library/react';
import { describe, expect, it } from '@jest/globals';
import { App } from '../../tabs/src/app/app';
import { en } from '../../tabs/src/app/i18n/en';
import { preferenceKeys } from '../../tabs/src/shared/preference-keys';
import type { Host } from '../../tabs/src/shared/teams';
import { createFakeService, json } from '../support/tab/fake-service';
import { members } from '../support/tab/fixtures';

/**
 * The entry hands the app what it already has when the app's code is in (main.tsx, issue #16): the
 * strings and, outside Teams, the host. React's first commit then draws the app; found by the promises
 * alone it drew nothing, then "Starting PeerLearn…", and only then the app (two commits and layouts
 * before the board's).
 */
const undecidedHost = new Promise<Host>(() => undefined);

function service() {
  return createFakeService({ 'GET /dev/members': () => json(200, members) });
}

/** The app as main.tsx mounts it outside Teams: English strings and the host handed over, its own host promise still open. */
const appHandedEnglish = () => (
  <App
    host={undecidedHost}
    fetch={service().fetch}
    browserLocale="en-GB"
    ready={{ strings: { language: 'en', catalogue: en }, host: { kind: 'standalone' } }}
  />
);

describe('the app’s first render', () => {
  it('draws the app at once with the strings and host handed over, never “Starting”', () => {
    // A synchronous render: no promise has had a turn, so only what was handed over can show.
    render(appHandedEnglish());
    expect(screen.getByText('Dev mode')).toBeTruthy();
    expect(screen.queryByText('Starting PeerLearn…')).toBeNull();
  });

  it('without them draws nothing until its promises answer, as before', () => {
    const { container } = render(<App host={undecidedHost} fetch={service().fetch} browserLocale="en-GB" />);
    expect(container.textContent).toBe('');
  });

  it('leaves strings of another language than it starts in, and loads its own', async () => {
    window.localStorage.setItem(`peerlearn.${preferenceKeys.language}`, 'nl');
    // Synchronously: the English strings are not drawn while the Dutch ones are on their way.
    const { container } = render(appHandedEnglish());
    expect(container.textContent).toBe('');
    expect(await screen.findByText('Ontwikkelmodus')).toBeTruthy();
    expect(screen.queryByText('Dev mode')).toBeNull();
  });
});
