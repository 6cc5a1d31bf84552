import { describe, expect, it } from '@jest/globals';
import { eventually } from '../support/eventually';
import { useTabInChromium } from '../support/tab-suite';

const suite = useTabInChromium();

describe('the tab in Chromium, outside Teams', () => {
  it('picks a demo member and shows the demo board; switches to Dutch and to dark', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const started = Date.now();
    await page.goto(suite.service.url);
    await page.getByRole('button', { name: 'Alex Wilber' }).click();
    await page.locator('[data-testid="session-card"]').first().waitFor({ timeout: 15_000 });
    const boardMs = Date.now() - started;

    const cards = page.locator('[data-testid="session-card"]');
    expect(await cards.count()).toBeGreaterThanOrEqual(4);
    await eventually(async () => expect(await page.locator('[data-testid="board"]').innerText()).toContain('Presenteren met impact'));
    // The kudos wall below the upcoming sessions, alive with the demo team's thanks.
    const wall = page.locator('[data-testid="kudos-wall"]');
    await wall.locator('[data-testid="kudos-item"]').first().waitFor();
    expect(await wall.locator('[data-testid="kudos-item"]').count()).toBeGreaterThanOrEqual(3);
    await eventually(async () => expect(await wall.innerText()).toContain('Lynne Robbins thanked Megan Bowen'));
    await page.screenshot({ path: 'test-results/board-en-light.png', fullPage: true });

    await page.getByLabel('Language').selectOption('nl');
    await eventually(async () => expect(await page.locator('html').getAttribute('lang')).toBe('nl'));
    await eventually(async () => expect(await wall.innerText()).toContain('Lynne Robbins bedankte Megan Bowen'));
    await page.getByLabel('Thema').selectOption('dark');
    await page.screenshot({ path: 'test-results/board-nl-dark.png', fullPage: true });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');

    // Answer "maybe" on the first upcoming card that offers it.
    const card = page
      .locator('[data-testid="session-card"]')
      .filter({ has: page.locator('[data-rsvp="maybe"]') })
      .first();
    const title = await card.locator('h3').first().innerText();
    await card.locator('[data-rsvp="maybe"]').click();
    await eventually(async () => expect(await card.locator('[data-rsvp="maybe"]').getAttribute('aria-pressed')).toBe('true'));
    // Pressed at once (optimistic); the reload below reads the service, so wait until it has saved it.
    await eventually(async () => expect(await card.locator('[role="group"][aria-busy]').getAttribute('aria-busy')).toBe('false'));
    // A failed save says why (and rolls the press back): its words first, rather than a bare "false".
    expect(await card.getByRole('alert').allInnerTexts()).toEqual([]);
    expect(await card.locator('[data-rsvp="maybe"]').getAttribute('aria-pressed')).toBe('true');

    // A reload keeps who you are, your language, your theme, and shows your answer pressed.
    await page.reload();
    await page.locator('[data-testid="session-card"]').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    const again = page.locator('[data-testid="session-card"]').filter({ hasText: title }).first();
    await eventually(async () => expect(await again.locator('[data-rsvp="maybe"]').getAttribute('aria-pressed')).toBe('true'));

    expect(pageErrors).toEqual([]);
    expect(boardMs).toBeLessThan(15_000);
    await context.close();
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 } });
    await context.addInitScript(() =>
      localStorage.setItem('peerlearn.member', '00000000-0000-0000-0000-0000000000001/00000000-0000-0000-0000-0000000000021'),
    );
    const page = await context.newPage();
    await page.goto(suite.service.url);
    await page.locator('[data-testid="session-card"]').first().waitFor({ timeout: 15_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/board-360.png', fullPage: true });
    await context.close();
  });
});
