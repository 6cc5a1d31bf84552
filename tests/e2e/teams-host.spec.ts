import { describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually';
import type { BrowserContext } from 'playwright-core';
import { DEMO_PEOPLE, DEMO_TEAM_ID, DEMO_TENANT_ID } from '../../bot/src/domain/demo/demo-team';
import { openInFakeTeams } from '../support/fake-teams-host';
import type { FakeTeamsHost, FakeTeamsHostOptions, TeamsTabLaunch, TeamsUser } from '../support/fake-teams-host';
import { devToken } from '../support/service';
import { seriousViolations, settleAnimations } from '../support/axe';
import { useTabInChromium } from '../support/tab-suite';
import { omit } from '../support/omit';

const suite = useTabInChromium();

function person(name: string): TeamsUser {
  const found = DEMO_PEOPLE.find((p) => p.name === name);
  if (!found) throw new Error(`No demo person ${name}`);
  return { tenantId: DEMO_TENANT_ID, userId: found.userId, name: found.name };
}

const sanne = person('Sanne de Vries');
// As Teams names the demo team (the Playground's team, see bot/src/domain/demo/demo-team.ts).
const demoTeam = { internalId: DEMO_TEAM_ID, displayName: 'Productteam Utrecht' };
const general = { id: DEMO_TEAM_ID, displayName: 'General' };

const hostOptions = (): FakeTeamsHostOptions => ({
  tabOrigin: suite.service.url,
  // The service's dev issuer stands in for Entra, as in standalone mode.
  mintToken: (user, locale) => devToken(suite.service, { tenantId: user.tenantId, userId: user.userId, name: user.name, locale }),
});

interface Opened {
  readonly context: BrowserContext;
  readonly host: FakeTeamsHost;
  /** Authorization headers of every tab API request, in order. */
  readonly apiAuth: (string | undefined)[];
  readonly pageErrors: string[];
}

async function open(launch: TeamsTabLaunch, options: Partial<FakeTeamsHostOptions> = {}): Promise<Opened> {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const apiAuth: (string | undefined)[] = [];
  context.on('request', (request) => {
    if (request.url().startsWith(`${suite.service.url}/api/`)) apiAuth.push(request.headers()['authorization']);
  });
  // Uncaught errors in the host page or the tab's frame, from the first script on.
  const pageErrors: string[] = [];
  context.on('weberror', (error) => pageErrors.push(error.error().message));
  const host = await openInFakeTeams(context, { ...hostOptions(), ...options }, launch);
  return { context, host, apiAuth, pageErrors };
}

const boardLaunch = (overrides: Partial<TeamsTabLaunch> = {}): TeamsTabLaunch => ({
  path: '/#/board',
  frameContext: 'content',
  locale: 'en-US',
  theme: 'default',
  user: person('Megan Bowen'),
  team: demoTeam,
  channel: general,
  entityId: `peerlearn-board-${DEMO_TEAM_ID}`,
  ...overrides,
});

describe('the tab inside a fake Teams web client (real teams-js, real postMessage protocol)', () => {
  it('channel tab: Dutch board of the context team, loading indicator dismissed once, SSO token on every call', async () => {
    let cardsAtSuccess = -1;
    const { context, host, apiAuth, pageErrors } = await open(boardLaunch({ locale: 'nl-NL', user: sanne }), {
      onCall: async (call, tab) => {
        if (call.func === 'appInitialization.success') cardsAtSuccess = await tab.locator('[data-testid="session-card"]').count();
      },
    });
    const tab = host.tab;
    await tab.locator('[data-testid="session-card"]').first().waitFor({ timeout: 15_000 });
    await host.waitForCall('appInitialization.success');
    expect(await tab.locator('html').getAttribute('lang')).toBe('nl');
    await eventually(async () => expect(await tab.locator('[data-testid="board"]').innerText()).toContain('Presenteren met impact'));
    await host.page.screenshot({ path: 'test-results/teams-host-board-nl.png', fullPage: true });

    expect(host.callsTo('appInitialization.success')).toHaveLength(1);
    expect(cardsAtSuccess).toBeGreaterThan(0);
    expect(host.callsTo('appInitialization.failure')).toEqual([]);
    expect(host.calls.filter((c) => c.handling === 'unknown').map((c) => c.func)).toEqual([]);
    expect(apiAuth.length).toBeGreaterThan(0);
    expect(host.tokens.size).toBe(1);
    const [token] = [...host.tokens];
    expect(apiAuth.every((auth) => auth === `Bearer ${token}`)).toBe(true);
    expect(host.callsTo('authentication.getAuthToken').length).toBeGreaterThanOrEqual(apiAuth.length);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a slow Teams client (initialize answered after 4 s) still gets the Teams tab, never the standalone dev mode', async () => {
    const { context, host, pageErrors } = await open(boardLaunch({ initializeDelayMs: 4_000 }));
    await host.tab.locator('[data-testid="session-card"]').first().waitFor({ timeout: 15_000 });
    await host.waitForCall('appInitialization.success');
    expect(await host.tab.getByText('Dev mode').count()).toBe(0);
    expect(host.callsTo('authentication.getAuthToken').length).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('switches theme live when Teams does (dark, then high contrast) without a reload; no serious axe violations in any', async () => {
    const { context, host, pageErrors } = await open(boardLaunch());
    const tab = host.tab;
    await tab.locator('[data-testid="session-card"]').first().waitFor({ timeout: 15_000 });
    await host.waitForCall('registerHandler');
    expect(host.callsTo('registerHandler').map((c) => c.args[0])).toContain('themeChange');
    // A marker on the tab's window: a reload would lose it.
    await tab.evaluate(() => Object.assign(window, { __sameDocument: true }));
    const look = () =>
      tab.evaluate(() => ({
        theme: document.documentElement.dataset['theme'],
        background: getComputedStyle(document.body).backgroundColor,
      }));

    const light = await look();
    expect(light.theme).toBe('light');
    const problems = (await seriousViolations(tab)).map((v) => `light: ${v}`);
    await host.page.screenshot({ path: 'test-results/teams-host-theme-light.png' });

    const seen = new Set([light.background]);
    for (const [teamsTheme, tabTheme] of [
      ['dark', 'dark'],
      ['contrast', 'contrast'],
    ] as const) {
      await host.pushTheme(teamsTheme);
      await eventually(async () => expect(await look().then((l) => l.theme)).toBe(tabTheme));
      // Fluent animates colour changes; let them finish so axe measures the settled colours.
      await settleAnimations(tab);
      const now = await look();
      expect(seen.has(now.background)).toBe(false);
      seen.add(now.background);
      problems.push(...(await seriousViolations(tab)).map((v) => `${teamsTheme}: ${v}`));
      await host.page.screenshot({ path: `test-results/teams-host-theme-${teamsTheme}.png` });
    }
    expect(await tab.evaluate(() => '__sameDocument' in window)).toBe(true);
    expect(problems).toEqual([]);
    expect(host.callsTo('appInitialization.success')).toHaveLength(1);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a Teams meeting link opens in the Teams client (app.openLink → executeDeepLink), not in a new browser window', async () => {
    const { context, host, pageErrors } = await open(boardLaunch());
    const tab = host.tab;
    const join = tab
      .locator('[data-testid="session-card"]')
      .getByRole('link', { name: /Join online/ })
      .first();
    await join.waitFor({ timeout: 15_000 });
    const popups: string[] = [];
    context.on('page', (p) => popups.push(p.url()));
    await join.click();
    const call = await host.waitForCall('executeDeepLink');
    expect(call.args).toEqual(['https://teams.microsoft.com/l/meetup-join/demo']);
    expect(popups).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('opens the session a deep link names (page.subPageId) from the channel tab', async () => {
    const { context, host, apiAuth, pageErrors } = await open(boardLaunch({ subPageId: `sessions/${DEMO_TEAM_ID}/demo-presenting` }));
    const tab = host.tab;
    await tab.getByRole('heading', { level: 2, name: 'Who is coming' }).waitFor({ timeout: 15_000 });
    expect(await tab.getByRole('heading', { level: 1 }).first().innerText()).toContain('Presenteren met impact');
    expect(await tab.evaluate(() => window.location.hash)).toBe(`#/sessions/${DEMO_TEAM_ID}/demo-presenting`);
    await host.waitForCall('appInitialization.success');
    await host.page.screenshot({ path: 'test-results/teams-host-deep-link.png', fullPage: true });
    const [token] = [...host.tokens];
    expect(apiAuth.length).toBeGreaterThan(0);
    expect(apiAuth.every((auth) => auth === `Bearer ${token}`)).toBe(true);
    expect(host.calls.filter((c) => c.handling === 'unknown').map((c) => c.func)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('config page: valid at once, and on Save stores the board as content with pages.config, then reports success', async () => {
    const { context, host, apiAuth, pageErrors } = await open(
      omit(boardLaunch({ path: '/config', frameContext: 'settings', locale: 'nl-NL' }), 'entityId'),
    );
    const tab = host.tab;
    await tab.getByRole('heading', { level: 1, name: 'Het PeerLearn-bord toevoegen' }).waitFor({ timeout: 15_000 });
    const validity = await host.waitForCall('settings.setValidityState');
    expect(validity.args).toEqual([true]);
    expect(host.callsTo('registerHandler').map((c) => c.args[0])).toContain('save');
    await host.page.screenshot({ path: 'test-results/teams-host-config.png', fullPage: true });

    expect(await tab.getByText('Team: Productteam Utrecht').isVisible()).toBe(true);
    // The config page is not among tab-views.spec.ts's views: check it here, in each Teams theme.
    const problems = (await seriousViolations(tab)).map((v) => `default: ${v}`);
    for (const theme of ['dark', 'contrast'] as const) {
      await host.pushTheme(theme);
      await eventually(async () => expect(await tab.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme));
      await settleAnimations(tab);
      problems.push(...(await seriousViolations(tab)).map((v) => `${theme}: ${v}`));
    }
    expect(problems).toEqual([]);

    // Teams could not store the settings: the tab reports the failure (Teams shows it), and Save works the next time.
    host.failNextSetSettings('Could not reach Teams');
    await host.pushSave();
    const refused = await host.waitForCall('settings.save.failure');
    expect(refused.args).toEqual(['Could not reach Teams']);
    expect(host.callsTo('settings.save.success')).toEqual([]);

    await host.pushSave();
    const saved = await host.waitForCall('settings.save.success');
    const settings = {
      contentUrl: `${suite.service.url}/#/board`,
      websiteUrl: `${suite.service.url}/#/board`,
      entityId: `peerlearn-board-${DEMO_TEAM_ID}`,
      suggestedDisplayName: 'PeerLearn',
    };
    const setSettings = host.callsTo('settings.setSettings');
    expect(setSettings.map((c) => c.args)).toEqual([[settings], [settings]]);
    expect(saved.at).toBeGreaterThanOrEqual(setSettings[1]?.at ?? Infinity);
    expect(host.callsTo('settings.save.failure')).toHaveLength(1);
    expect(host.callsTo('appInitialization.success')).toHaveLength(1);
    // Nothing to load on the config page: no token asked for, no API call made.
    expect(apiAuth).toEqual([]);
    expect(host.calls.filter((c) => c.handling === 'unknown').map((c) => c.func)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('personal tab (?view=my-learning, no team in the context): my learning across my teams', async () => {
    const { context, host, apiAuth, pageErrors } = await open(
      omit(boardLaunch({ path: '/?view=my-learning', user: person('Megan Bowen'), entityId: 'my-learning' }), 'team', 'channel'),
    );
    const tab = host.tab;
    await tab.getByRole('heading', { level: 1, name: 'My learning' }).waitFor({ timeout: 15_000 });
    await tab.getByRole('heading', { level: 2, name: 'My skills' }).waitFor();
    await host.waitForCall('appInitialization.success');
    await host.page.screenshot({ path: 'test-results/teams-host-personal.png', fullPage: true });
    const [token] = [...host.tokens];
    expect(apiAuth.length).toBeGreaterThan(0);
    expect(apiAuth.every((auth) => auth === `Bearer ${token}`)).toBe(true);
    expect(host.callsTo('appInitialization.success')).toHaveLength(1);
    expect(host.calls.filter((c) => c.handling === 'unknown').map((c) => c.func)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('no SSO token: tells Teams AuthFailed (never success) and shows a friendly message, not a blank page', async () => {
    const { context, host, apiAuth, pageErrors } = await open(
      boardLaunch({ locale: 'nl-NL', user: sanne, authError: 'resourceRequiresConsent' }),
    );
    const tab = host.tab;
    const failure = await host.waitForCall('appInitialization.failure');
    expect(failure.args[0]).toBe('AuthFailed');
    const alert = tab.getByRole('alert');
    await eventually(async () => expect(await alert.innerText()).toContain('We konden je niet aanmelden'));
    expect(await tab.getByRole('button', { name: 'Opnieuw proberen' }).isVisible()).toBe(true);
    await host.page.screenshot({ path: 'test-results/teams-host-auth-failed.png', fullPage: true });
    expect(host.callsTo('appInitialization.success')).toEqual([]);
    expect(host.callsTo('appInitialization.failure')).toHaveLength(1);
    expect(apiAuth).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('service down: a friendly retry (Teams is told the tab is up), and Try again loads the board once it is back', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    // The tab's files came through; its API does not answer (connection refused).
    const down = `${suite.service.url}/api/**`;
    await context.route(down, (route) => route.abort('connectionrefused'));
    const host = await openInFakeTeams(context, hostOptions(), boardLaunch());
    const tab = host.tab;
    const alert = tab.getByRole('alert');
    await eventually(async () => expect(await alert.innerText()).toContain("We can't reach PeerLearn right now"), { timeout: 15_000 });
    await host.page.screenshot({ path: 'test-results/teams-host-service-down.png', fullPage: true });
    // The tab is up and offers its own retry: Teams must not replace it with its error page.
    await host.waitForCall('appInitialization.success');
    expect(host.callsTo('appInitialization.failure')).toEqual([]);

    await context.unroute(down);
    await tab.getByRole('button', { name: 'Try again' }).click();
    await tab.locator('[data-testid="session-card"]').first().waitFor({ timeout: 15_000 });
    expect(host.callsTo('appInitialization.success')).toHaveLength(1);
    await context.close();
  });
});
