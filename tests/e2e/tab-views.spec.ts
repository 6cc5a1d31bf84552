import { describe, expect, it } from '@jest/globals';
import { eventually, because } from '../support/eventually';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { memberContext, useTabInChromium } from '../support/tab-suite';

// A remembered demo member (Megan Bowen), so the views open without the picker.
const demoMember = '00000000-0000-0000-0000-0000000000001/00000000-0000-0000-0000-0000000000021';
const themes = ['light', 'dark', 'contrast'] as const;

const suite = useTabInChromium();

async function signedInContext(options: { width?: number; theme?: string; language?: string } = {}): Promise<BrowserContext> {
  return memberContext(suite.browser, demoMember, options);
}

interface View {
  readonly name: string;
  readonly hash: string;
  readonly ready: (page: Page) => Promise<unknown>;
  /** For views without a fixed URL: how a person gets there from `hash`. */
  readonly then?: (page: Page) => Promise<unknown>;
}

const views: readonly View[] = [
  { name: 'board', hash: '#/board', ready: (p) => p.locator('[data-testid="session-card"]').first().waitFor() },
  { name: 'experts', hash: '#/experts', ready: (p) => p.locator('[data-testid="expert-card"]').first().waitFor() },
  { name: 'tips', hash: '#/tips', ready: (p) => p.locator('[data-testid="tip-item"]').first().waitFor() },
  { name: 'my-learning', hash: '#/my-learning', ready: (p) => p.getByRole('heading', { level: 2, name: 'My skills' }).waitFor() },
  { name: 'profile', hash: '#/profile', ready: (p) => p.getByRole('button', { name: 'Save profile' }).waitFor() },
  { name: 'insights', hash: '#/insights', ready: (p) => p.getByRole('heading', { level: 2, name: 'Skills matrix' }).waitFor() },
  { name: 'settings', hash: '#/settings', ready: (p) => p.getByRole('heading', { level: 1, name: 'Settings' }).waitFor() },
  { name: 'plan', hash: '#/plan/team-id', ready: (p) => p.getByRole('button', { name: 'Save session' }).waitFor() },
  {
    name: 'session-detail',
    hash: '#/board',
    then: async (p) => {
      const first = p.locator('[data-testid="session-card"]').first();
      await first.waitFor();
      await first.locator('h3 a').click();
    },
    ready: (p) => p.getByRole('heading', { level: 2, name: 'Who is coming' }).waitFor(),
  },
];

describe('every tab view in Chromium, outside Teams', () => {
  it('has no serious or critical axe violations in light, dark and high contrast, with a screenshot of each', async () => {
    const problems: string[] = [];
    for (const theme of themes) {
      const context = await signedInContext({ theme });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      for (const view of views) {
        await page.goto(`${suite.service.url}/${view.hash}`);
        await view.then?.(page);
        await view.ready(page);
        await page.screenshot({ path: `test-results/tab-${view.name}-${theme}.png`, fullPage: true });
        problems.push(...(await seriousViolations(page)).map((v) => `${view.name}/${theme}: ${v}`));
      }
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('clicks through as a user: pick a member, RSVP, plan a session, search an expert, edit my profile, switch to Dutch, dark and high contrast', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(suite.service.url);
    await page.getByRole('button', { name: 'Alex Wilber' }).click();
    await page.locator('[data-testid="session-card"]').first().waitFor();

    // RSVP in place on the board, then the session's own page knows the answer.
    const card = page.locator('[data-testid="session-card"]').first();
    const title = await card.locator('h3').innerText();
    await card.getByRole('button', { name: 'Maybe' }).click();
    await eventually(async () => expect(await card.getByRole('button', { name: 'Maybe' }).getAttribute('aria-pressed')).toBe('true'));
    await eventually(async () => expect(await card.getByRole('group').getAttribute('aria-busy')).toBe('false'));
    expect(await card.getByRole('alert').count()).toBe(0);
    await card.getByRole('link', { name: title }).click();
    await page.getByTestId('session-detail').waitFor();
    await eventually(async () => expect(await page.getByRole('button', { name: 'Maybe' }).getAttribute('aria-pressed')).toBe('true'));
    await page.screenshot({ path: 'test-results/tab-session-detail.png', fullPage: true });
    await page.getByRole('link', { name: /Back to the board/ }).click();

    // Plan a session with the date and time pickers; it opens on its own page, then shows on the board.
    await page.getByRole('link', { name: 'Plan a session' }).click();
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByText('Give the session a title.').waitFor();
    await page.getByRole('textbox', { name: 'Title' }).fill('Playwright for beginners');
    await page.getByRole('combobox', { name: 'Date' }).click();
    await page.getByRole('button', { name: /next month/i }).click();
    await page.getByRole('gridcell').getByRole('button', { name: /^15,/ }).first().click();
    await page.getByRole('combobox', { name: 'Start time' }).fill('14:30');
    await page.getByRole('combobox', { name: 'Start time' }).press('Tab');
    await page.screenshot({ path: 'test-results/tab-plan-filled.png', fullPage: true });
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('heading', { level: 1, name: 'Playwright for beginners' }).waitFor();
    expect(await page.getByTestId('session-detail').innerText()).toMatch(/15, \d{4}, 2:30\s*–\s*3:15\s*PM/); // en-US: a 12-hour clock, 45 minutes by default
    await page.getByRole('tab', { name: 'Board' }).click();
    await eventually(async () => expect(await page.locator('[data-testid="board"]').innerText()).toContain('Playwright for beginners'));

    // Experts: the same ranking as the messaging extension, with the reason.
    await page.getByRole('tab', { name: 'Experts' }).click();
    await page.getByRole('searchbox', { name: /Search by skill/ }).fill('typescript');
    await eventually(async () => expect(await page.locator('[data-testid="expert-card"]').first().innerText()).toContain('Megan Bowen'), {
      timeout: 30_000,
    });
    expect(await page.locator('[data-testid="expert-card"]').first().innerText()).toMatch(/Why: .*TypeScript/);
    await page.getByTestId('experts').getByRole('combobox', { name: 'Language' }).selectOption('nl');
    await eventually(
      async () =>
        expect(await page.locator('[data-testid="expert-card"]').allInnerTexts()).not.toContainEqual(
          expect.stringContaining('Megan Bowen'),
        ),
      { timeout: 30_000 },
    );
    await page.screenshot({ path: 'test-results/tab-experts-search.png', fullPage: true });

    // My profile: "types" autocompletes to TypeScript from the team's taxonomy; pick it, save, and see it stored.
    await page.getByRole('tab', { name: 'My profile' }).click();
    await page.getByRole('combobox', { name: 'Add a skill' }).fill('types');
    await page.getByRole('option', { name: 'TypeScript' }).click();
    await page.getByRole('combobox', { name: 'Level for TypeScript' }).selectOption('2');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await eventually(async () =>
      expect(await page.getByRole('status').allInnerTexts()).toContainEqual(expect.stringContaining('Your profile is saved.')),
    );
    expect(await page.locator('[data-testid="profile"]').innerText()).toContain('TypeScript');

    // Settings: Dutch, then dark, then high contrast, all live.
    await page.getByRole('tab', { name: 'Settings' }).click();
    // Team settings (Alex owns the demo team): a reminder an hour before instead of 15 minutes.
    const teamSettings = page.getByTestId('team-settings');
    await teamSettings.getByRole('spinbutton', { name: 'Reminder 2: how long before' }).fill('1');
    await teamSettings.getByRole('combobox', { name: 'Reminder 2: unit' }).selectOption('hours');
    await teamSettings.getByRole('button', { name: 'Save settings' }).click();
    await eventually(async () =>
      expect(await teamSettings.getByRole('status').allInnerTexts()).toContainEqual(expect.stringContaining('Settings saved.')),
    );
    await page.screenshot({ path: 'test-results/tab-team-settings-saved.png', fullPage: true });
    await page.getByTestId('settings').getByRole('combobox', { name: 'Language' }).selectOption('nl');
    await eventually(async () => expect(await page.locator('html').getAttribute('lang')).toBe('nl'));
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    await page.getByTestId('settings').getByRole('combobox', { name: 'Thema' }).selectOption('dark');
    await eventually(async () => expect(await page.locator('html').getAttribute('data-theme')).toBe('dark'));
    await page.getByTestId('settings').getByRole('combobox', { name: 'Thema' }).selectOption('contrast');
    await eventually(async () => expect(await page.locator('html').getAttribute('data-theme')).toBe('contrast'));
    await page.getByRole('tab', { name: 'Bord' }).click();
    await page.locator('[data-testid="session-card"]').first().waitFor();
    await page.screenshot({ path: 'test-results/tab-board-nl-contrast.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('navigates with the menu on a 360 px phone, without sideways scrolling', async () => {
    const context = await signedInContext({ width: 360 });
    const page = await context.newPage();
    await page.goto(suite.service.url);
    await page
      .locator('[data-testid="session-card"]')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (error: unknown) => {
        await page.screenshot({ path: 'test-results/tab-360-failure.png', fullPage: true });
        throw error;
      });
    expect(await page.getByRole('tab', { name: 'Experts' }).isVisible()).toBe(false);
    await page.getByRole('button', { name: /^Menu/ }).click();
    await page.getByRole('menuitemradio', { name: 'Insights' }).click();
    await page.getByRole('heading', { level: 2, name: 'Skills matrix' }).waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/insights');
    for (const view of views) {
      await page.goto(`${suite.service.url}/${view.hash}`);
      await view.then?.(page);
      await view.ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      because(view.name, () => expect(overflow).toBeLessThanOrEqual(0));
      await page.screenshot({ path: `test-results/tab-${view.name}-360.png`, fullPage: true });
    }
    await context.close();
  });
});
