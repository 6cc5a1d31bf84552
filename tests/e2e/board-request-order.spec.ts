/* global localStorage, performance, PerformanceResourceTiming -- the functions passed to the page run in the browser */
import { describe, expect, it } from '@jest/globals';
import { useTabInChromium } from '../support/tab-suite';

const suite = useTabInChromium();
// The demo team and the member the app remembers (the seeded demo data).
const tenantId = '00000000-0000-0000-0000-0000000000001';
const userId = '00000000-0000-0000-0000-0000000000021';
const teamId = 'team-id';

interface Asked {
  readonly path: string;
  readonly startTime: number;
}

/**
 * Over HTTP/1.1 the browser has six connections to the service and sends the rest in the order they were
 * asked for. A returning visitor's board sessions (and /me) must be asked for before the app's ~25 scripts,
 * not behind them (issue #16: they waited 0.5 s for a free connection). An order, not a time: it holds on a
 * busy machine too.
 */
describe('a returning visitor’s first requests in Chromium', () => {
  it('asks for the board’s sessions and /me before the app’s code', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    await context.addInitScript(
      ({ tenant, user, team }) => {
        localStorage.setItem('peerlearn.member', `${tenant}/${user}`);
        localStorage.setItem(
          'peerlearn.memberIdentity',
          JSON.stringify({ tenantId: tenant, userId: user, displayName: 'Megan Bowen', locale: 'en-US' }),
        );
        localStorage.setItem('peerlearn.team', team);
      },
      { tenant: tenantId, user: userId, team: teamId },
    );
    const page = await context.newPage();
    await page.goto(suite.service.url);
    await page.locator('[data-testid="session-card"]').first().waitFor({ timeout: 15_000 });
    const asked = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, startTime: (e as PerformanceResourceTiming).startTime })),
    );
    await context.close();

    const at = (pattern: RegExp): Asked => {
      const found = asked.find((e) => pattern.test(e.path));
      if (!found) throw new Error(`no request to ${pattern} in ${asked.map((e) => e.path).join(', ')}`);
      return found;
    };
    const sessions = at(/^\/api\/v1\/teams\/team-id\/sessions\?limit=/);
    const me = at(/^\/api\/v1\/me$/);
    const appCode = at(/^\/assets\/mount-app-[^/]+\.js$/);
    expect(sessions.startTime).toBeLessThanOrEqual(appCode.startTime);
    expect(me.startTime).toBeLessThanOrEqual(appCode.startTime);
    // Before the sessions only the entry, its preloaded module and the reader's strings: nothing of the app.
    const scriptsBefore = asked.filter((e) => e.path.endsWith('.js') && e.startTime < sessions.startTime);
    expect(scriptsBefore.length).toBeLessThanOrEqual(3);
  });
});
