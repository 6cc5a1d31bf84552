import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DEMO_TEAM_ID } from '../../bot/src/domain/demo/demo-team';
import { memberContext, useTabInChromium } from '../support/tab-suite';

// Of the demo team, which never had a pulse survey: Alex Wilber owns it, Megan Bowen is a member.
const tenant = '00000000-0000-0000-0000-0000000000001';
const alex = `${tenant}/00000000-0000-0000-0000-0000000000020`;
const megan = `${tenant}/00000000-0000-0000-0000-0000000000021`;

const suite = useTabInChromium();

interface View {
  readonly hash: string;
  /** The view has asked for and drawn everything a first visit reads. */
  readonly ready: (page: Page) => Promise<unknown>;
}

const views: readonly View[] = [
  { hash: '#/board', ready: (p) => p.locator('[data-testid="session-card"]').first().waitFor() },
  { hash: '#/my-learning', ready: (p) => p.getByRole('heading', { level: 2, name: 'My skills' }).waitFor() },
  { hash: '#/experts', ready: (p) => p.locator('[data-testid="expert-card"]').first().waitFor() },
  { hash: '#/tips', ready: (p) => p.locator('[data-testid="tip-item"]').first().waitFor() },
  { hash: '#/insights', ready: (p) => p.getByTestId('insights-pulse').getByText('No pulse survey yet.').waitFor() },
  {
    hash: `#/buddies/${encodeURIComponent(DEMO_TEAM_ID)}`,
    ready: (p) => p.getByTestId('buddy-round').getByRole('heading', { level: 2, name: 'No round yet' }).waitFor(),
  },
  { hash: `#/plan/${encodeURIComponent(DEMO_TEAM_ID)}`, ready: (p) => p.getByRole('button', { name: 'Save session' }).waitFor() },
  { hash: '#/settings', ready: (p) => p.getByRole('heading', { level: 1, name: 'Settings' }).waitFor() },
  { hash: '#/profile', ready: (p) => p.getByRole('button', { name: 'Save profile' }).waitFor() },
  { hash: '#/open', ready: (p) => p.getByRole('heading', { level: 1 }).first().waitFor() },
];

/**
 * A normal state ("no pulse yet", "no buddy round yet") is a normal answer, not a 4xx: Chromium logs every
 * failed request in the console, where it looks broken and hides the errors that are real.
 */
describe('a first visit to every main view logs nothing in the console', () => {
  it('an owner and a member of a team without a pulse: no console error, no API answer of 400 or more', async () => {
    const problems: string[] = [];
    // The owner and the member side by side (contexts of their own): half the wall time of one after the other.
    const visitAll = async (member: string) => {
      const context = await memberContext(suite.browser, member);
      for (const view of views) {
        // A page of its own for each view: a first visit, with nothing read before by another view.
        const page = await context.newPage();
        const at = `${member === alex ? 'owner' : 'member'} ${view.hash}`;
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`${at}: console: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`${at}: page error: ${error.message}`));
        page.on('response', (response) => {
          const url = new URL(response.url());
          if (url.pathname.startsWith('/api/') && response.status() >= 400) {
            problems.push(`${at}: ${response.request().method()} ${url.pathname} → ${response.status()}`);
          }
        });
        await page.goto(`${suite.service.url}/${view.hash}`);
        await view.ready(page);
        // Sections below the fold load after the first paint; let every request the view makes settle.
        await page.waitForLoadState('networkidle');
        await page.close();
      }
      await context.close();
    };
    await Promise.all([alex, megan].map(visitAll));
    expect(problems.sort()).toEqual([]);
  });
});
