/* global window, document, MutationObserver, localStorage -- the init scripts run in the browser */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually';
import { useTabInChromium } from '../support/tab-suite';

const suite = useTabInChromium();
// The demo team and the member the app remembers (the seeded demo data).
const tenantId = '00000000-0000-0000-0000-0000000000001';
const userId = '00000000-0000-0000-0000-0000000000021';
const teamId = 'team-id';

interface FirstCommit {
  readonly cards: number;
  /** The lowest card's bottom edge, in CSS pixels from the top of the viewport. */
  readonly bottom: number;
  readonly viewportHeight: number;
}

/**
 * The board draws the session cards that can be on screen in its first commit and the rest a frame
 * later (tabs/src/features/board/cards-above-the-fold.ts, issue #16). In real Chromium, with real
 * styles: the first commit must already fill the window (no empty space where a card belongs), and
 * the others must follow.
 */
describe('the board’s first commit in Chromium', () => {
  beforeAll(async () => {
    const now = Date.now();
    const at = new Date(now).toISOString();
    await suite.service.repositories.sessions.putMany(
      Array.from({ length: 30 }, (_, i) => ({
        tenantId,
        teamId,
        sessionId: `first-paint-${i}`,
        title: `First paint session ${i}`,
        description: 'A session with a description long enough to wrap onto a few lines in the card.',
        skills: ['TypeScript'],
        format: 'talk' as const,
        startsAt: new Date(now + (i + 1) * 3 * 3_600_000).toISOString(),
        durationMinutes: 45,
        onlineUrl: 'https://teams.microsoft.com/l/meetup-join/first-paint',
        capacity: null,
        hostId: userId,
        teacherIds: [userId],
        status: 'scheduled' as const,
        openToOrganisation: false,
        counts: { yes: 0, maybe: 0, no: 0 },
        createdAt: at,
        updatedAt: at,
      })),
    );
  });

  it.each([
    { width: 1280, height: 900 },
    { width: 1920, height: 1080 },
    { width: 360, height: 740 },
  ])('fills a $width × $height window, and the other cards follow', async (viewport) => {
    const context = await suite.browser.newContext({ viewport, locale: 'en-US' });
    await context.addInitScript(
      ([member]) => {
        localStorage.setItem('peerlearn.member', member ?? '');
        // Read in the observer, right after the commit that shows the first card (before any later one).
        new MutationObserver((_, observer) => {
          const cards = [...document.querySelectorAll('[data-testid="session-card"]')];
          if (cards.length === 0) return;
          observer.disconnect();
          (window as unknown as { firstCommit: FirstCommit }).firstCommit = {
            cards: cards.length,
            bottom: Math.max(...cards.map((card) => card.getBoundingClientRect().bottom)),
            viewportHeight: window.innerHeight,
          };
        }).observe(document, { childList: true, subtree: true });
      },
      [`${tenantId}/${userId}`],
    );
    const page = await context.newPage();
    await page.goto(suite.service.url);
    const cards = page.locator('[data-testid="session-card"]');
    await cards.first().waitFor({ timeout: 15_000 });
    const first = await page.evaluate(() => (window as unknown as { firstCommit: FirstCommit }).firstCommit);

    expect(first.cards).toBeLessThan(24);
    expect(first.bottom).toBeGreaterThanOrEqual(first.viewportHeight);
    await eventually(async () => expect(await cards.count()).toBe(24));
    await context.close();
  });
});

/** A response as Chromium's network domain saw it: which connection carried it. */
interface Carried {
  readonly path: string;
  readonly connectionId: number;
}

/**
 * Over HTTP/1.1 Chromium keeps six connections per host and group, and the app's ~25 scripts took all six
 * of the default group while the board's sessions waited 0.5 s for one (issue #16). The early calls go
 * without credentials (api-fetch.ts), a group of their own: no script may ever share their connections. Which
 * connection carried what, not a time: it holds on a busy machine too.
 */
describe('a returning visitor’s first requests in Chromium', () => {
  it('sends the board’s sessions and /me on connections no script uses', async () => {
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
    const cdp = await context.newCDPSession(page);
    const carried: Carried[] = [];
    cdp.on('Network.responseReceived', ({ response }) => {
      const url = new URL(response.url);
      carried.push({ path: url.pathname + url.search, connectionId: response.connectionId });
    });
    await cdp.send('Network.enable');
    await page.goto(suite.service.url);
    await page.locator('[data-testid="session-card"]').first().waitFor({ timeout: 15_000 });
    await context.close();

    const connectionOf = (pattern: RegExp): number => {
      const found = carried.find((e) => pattern.test(e.path));
      if (!found) throw new Error(`no response from ${pattern} in ${carried.map((e) => e.path).join(', ')}`);
      return found.connectionId;
    };
    const scripts = carried.filter((e) => e.path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(6);
    const scriptConnections = new Set(scripts.map((e) => e.connectionId));
    expect(scriptConnections.has(connectionOf(/^\/api\/v1\/teams\/team-id\/sessions\?limit=/))).toBe(false);
    expect(scriptConnections.has(connectionOf(/^\/api\/v1\/me$/))).toBe(false);
  });
});
