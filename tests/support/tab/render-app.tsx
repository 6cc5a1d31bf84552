import { act, render } from '@testing-library/react';
import { jest } from '@jest/globals';
import { App } from '../../../tabs/src/app/app';
import type { EarlyStart } from '../../../tabs/src/app/early-start';
import type { FetchLike } from '../../../tabs/src/shared/api-client';
import type { Host, TeamsHost } from '../../../tabs/src/shared/teams';

/** Rendered inside an async act so React 19 lets the suspended host promise resolve. */
export async function renderApp(options: {
  readonly fetch: FetchLike;
  readonly host?: Host;
  readonly browserLocale?: string;
  readonly early?: EarlyStart | undefined;
}) {
  return act(async () =>
    render(
      <App
        host={Promise.resolve(options.host ?? { kind: 'standalone' })}
        fetch={options.fetch}
        browserLocale={options.browserLocale ?? 'en-GB'}
        early={options.early}
      />,
    ),
  );
}

/** A Teams host as `detectHost` would build it, with spies where teams-js would be called. */
export function fakeTeamsHost(overrides: Partial<TeamsHost> = {}) {
  const notifyReady = jest.fn<TeamsHost['notifyReady']>();
  const notifyFailure = jest.fn<TeamsHost['notifyFailure']>();
  const configureTab = jest.fn<TeamsHost['configureTab']>();
  const getToken = jest.fn<TeamsHost['getToken']>(() => Promise.resolve('teams-sso-token'));
  const openLink = jest.fn<TeamsHost['openLink']>(() => Promise.resolve());
  let themeHandler: ((theme: 'light' | 'dark' | 'contrast') => void) | undefined;
  const host: TeamsHost = {
    kind: 'teams',
    tenantId: 'tenant-1',
    userId: 'anna-oid',
    teamId: undefined,
    teamName: undefined,
    channelId: undefined,
    locale: 'en-US',
    theme: 'light',
    subPageId: undefined,
    frameContext: 'content',
    configureTab,
    getToken,
    onThemeChange: (handler) => {
      themeHandler = handler;
    },
    notifyReady,
    notifyFailure,
    openLink,
    ...overrides,
  };
  return {
    host,
    notifyReady,
    notifyFailure,
    getToken,
    configureTab,
    openLink,
    changeTheme: (theme: 'light' | 'dark' | 'contrast') => themeHandler?.(theme),
  };
}
