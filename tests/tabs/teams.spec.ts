import { describe, expect, it, jest } from '@jest/globals';
import { eventually } from '../support/eventually';
import type { HostContext, TeamsSdk } from '../../tabs/src/shared/teams';
import { detectHost, mayBeHosted } from '../../tabs/src/shared/teams';

const context: HostContext = {
  app: { locale: 'nl-NL', theme: 'dark' },
  user: { id: 'anna-oid', tenant: { id: 'tenant-1' } },
  team: { internalId: '19:platform@thread.tacv2', displayName: 'Platform' },
};

/** teams-js as a host would answer it; every call is a spy. */
function fakeSdk(overrides: Partial<TeamsSdk> = {}) {
  let themeHandler: ((theme: string) => void) | undefined;
  const sdk = {
    initialize: jest.fn(() => Promise.resolve()),
    getContext: jest.fn(() => Promise.resolve(context)),
    registerOnThemeChangeHandler: jest.fn((handler: (theme: string) => void) => {
      themeHandler = handler;
    }),
    notifySuccess: jest.fn(() => Promise.resolve()),
    notifyFailure: jest.fn(),
    getAuthToken: jest.fn(() => Promise.resolve('sso-token')),
    registerOnSaveHandler: jest.fn(),
    setValidityState: jest.fn(),
    setConfig: jest.fn(() => Promise.resolve()),
    openLink: jest.fn(() => Promise.resolve()),
    ...overrides,
  } satisfies TeamsSdk;
  return { sdk, emitTheme: (theme: string) => themeHandler?.(theme) };
}

describe('detectHost', () => {
  it('falls back to standalone when initialize rejects (a plain browser tab)', async () => {
    const { sdk } = fakeSdk({ initialize: jest.fn(() => Promise.reject(new Error('No parent window found'))) });
    await expect(detectHost({ sdk })).resolves.toEqual({ kind: 'standalone' });
    expect(sdk.getContext).not.toHaveBeenCalled();
  });

  it('falls back to standalone when initialize never answers (an iframe that is not Teams)', async () => {
    jest.useFakeTimers();
    try {
      const { sdk } = fakeSdk({ initialize: jest.fn(() => new Promise<void>(() => undefined)) });
      const detected = detectHost({ sdk, timeoutMs: 3000 });
      await jest.advanceTimersByTimeAsync(2999);
      let settled = false;
      void detected.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      await expect(detected).resolves.toEqual({ kind: 'standalone' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('reads user, team, locale and theme from the Teams context', async () => {
    const { sdk } = fakeSdk();
    const host = await detectHost({ sdk });
    expect(host).toMatchObject({
      kind: 'teams',
      tenantId: 'tenant-1',
      userId: 'anna-oid',
      teamId: '19:platform@thread.tacv2',
      teamName: 'Platform',
      locale: 'nl-NL',
      theme: 'dark',
    });
  });

  it('maps Teams theme names and passes live theme changes on', async () => {
    const { sdk, emitTheme } = fakeSdk({
      getContext: jest.fn(() => Promise.resolve({ ...context, app: { locale: 'en-US', theme: 'default' } })),
    });
    const host = await detectHost({ sdk });
    if (host.kind !== 'teams') throw new Error('expected Teams');
    expect(host.theme).toBe('light');

    const seen: string[] = [];
    host.onThemeChange((theme) => seen.push(theme));
    emitTheme('contrast');
    emitTheme('dark');
    emitTheme('default');
    emitTheme('glass');
    expect(seen).toEqual(['contrast', 'dark', 'light', 'light']);
  });

  it('tells Teams only once that loading finished, and gets tokens from Teams SSO', async () => {
    const { sdk } = fakeSdk();
    const host = await detectHost({ sdk });
    if (host.kind !== 'teams') throw new Error('expected Teams');

    host.notifyReady();
    host.notifyReady();
    host.notifyFailure('other', 'too late');
    expect(sdk.notifySuccess).toHaveBeenCalledTimes(1);
    expect(sdk.notifyFailure).not.toHaveBeenCalled();
    await expect(host.getToken()).resolves.toBe('sso-token');
  });

  it('reports a fatal failure to Teams once', async () => {
    const { sdk } = fakeSdk();
    const host = await detectHost({ sdk });
    if (host.kind !== 'teams') throw new Error('expected Teams');
    host.notifyFailure('auth', 'no token');
    host.notifyReady();
    expect(sdk.notifyFailure).toHaveBeenCalledTimes(1);
    expect(sdk.notifyFailure).toHaveBeenCalledWith('auth', 'no token');
    expect(sdk.notifySuccess).not.toHaveBeenCalled();
  });

  it('stays in Teams mode without context when getContext fails', async () => {
    const { sdk } = fakeSdk({ getContext: jest.fn(() => Promise.reject(new Error('context unavailable'))) });
    const host = await detectHost({ sdk, fallbackLocale: 'nl-BE' });
    expect(host).toMatchObject({ kind: 'teams', teamId: undefined, locale: 'nl-BE', theme: 'light' });
  });
});

describe('the channel tab config page seam', () => {
  it('saves the settings through pages.config and reports the outcome to Teams', async () => {
    let onSave: ((done: { succeed(): void; fail(reason: string): void }) => void) | undefined;
    const { sdk } = fakeSdk({ registerOnSaveHandler: jest.fn<TeamsSdk['registerOnSaveHandler']>((handler) => (onSave = handler)) });
    const host = await detectHost({ sdk });
    if (host.kind !== 'teams') throw new Error('expected Teams');
    const settings = {
      contentUrl: 'https://x/#/board',
      websiteUrl: 'https://x/#/board',
      entityId: 'peerlearn-board-t',
      suggestedDisplayName: 'PeerLearn',
    };
    host.configureTab(settings);
    expect(sdk.setValidityState).toHaveBeenCalledWith(true);
    const done = { succeed: jest.fn(), fail: jest.fn() };
    onSave?.(done);
    await eventually(() => expect(done.succeed).toHaveBeenCalled());
    expect(sdk.setConfig).toHaveBeenCalledWith(settings);
    expect(done.fail).not.toHaveBeenCalled();
  });

  it('reads the deep link and frame context from page', async () => {
    const { sdk } = fakeSdk({
      getContext: jest.fn(() => Promise.resolve({ ...context, page: { id: 'board', subPageId: 'sessions/t/s', frameContext: 'content' } })),
    });
    await expect(detectHost({ sdk })).resolves.toMatchObject({ subPageId: 'sessions/t/s', frameContext: 'content' });
  });
});

describe('mayBeHosted (whether teams-js is worth loading at all)', () => {
  const frameOf = (html: string) => {
    const frame = document.createElement('iframe');
    frame.srcdoc = html;
    document.body.append(frame);
    const win = frame.contentWindow;
    if (!win) throw new Error('no frame window');
    return { win, remove: () => frame.remove() };
  };

  it('says no for a plain browser tab: no parent frame, no opener, no native bridge', () => {
    expect(mayBeHosted(window)).toBe(false);
  });

  it('says yes inside a frame (Teams on the web and desktop)', () => {
    const { win, remove } = frameOf('<p>tab</p>');
    try {
      expect(mayBeHosted(win)).toBe(true);
    } finally {
      remove();
    }
  });

  it('says yes where a mobile client injected its native bridge, or a host opened the page', () => {
    const native = Object.assign(Object.create(window) as Window, { parent: window, self: window, opener: null, nativeInterface: {} });
    expect(mayBeHosted(native)).toBe(true);
    const opened = Object.assign(Object.create(window) as Window, { parent: window, self: window, opener: window });
    expect(mayBeHosted(opened)).toBe(true);
  });
});
