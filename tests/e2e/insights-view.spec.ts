import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { because } from '../support/eventually';
import { memberContext, useTabInChromium } from '../support/tab-suite';

// The demo team's owner (Alex Wilber) and a member (Megan Bowen); its past sessions are folded into insights at start.
const tenant = '00000000-0000-0000-0000-0000000000001';
const owner = `${tenant}/00000000-0000-0000-0000-0000000000020`;
const member = `${tenant}/00000000-0000-0000-0000-0000000000021`;

const suite = useTabInChromium();

/** Script files the page fetched, by name without their hash. */
function scriptsOf(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') names.push(new URL(request.url()).pathname.replace(/^.*\//, ''));
  });
  return names;
}

describe('the Insights view in Chromium', () => {
  it('an owner: the board never loads the charts; Insights loads them lazily and draws the chart, the matrix and the owner-only parts', async () => {
    const context = await memberContext(suite.browser, owner);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const scripts = scriptsOf(page);
    await page.goto(`${suite.service.url}/#/board`);
    await page.locator('[data-testid="session-card"]').first().waitFor();
    expect(scripts.filter((s) => /insights-view|participation-chart/.test(s))).toEqual([]);

    await page.getByRole('tab', { name: 'Insights' }).click();
    const chart = page.getByTestId('participation-chart').locator('svg').first();
    await chart.waitFor();
    expect(scripts.some((s) => s.startsWith('participation-chart'))).toBe(true);
    expect((await chart.boundingBox())?.width).toBeGreaterThan(300);
    // Every axis label is drawn whole inside the chart: none cut off at an edge (the last month's was).
    const cut = await chart.evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')]
        .filter((text) => {
          const r = text.getBoundingClientRect();
          return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
        })
        .map((text) => text.textContent);
    });
    expect(cut).toEqual([]);
    expect(await page.getByTestId('participation-trend').innerText()).toMatch(/Sessions held|Not enough periods/);
    await page.getByRole('heading', { level: 2, name: 'Quiet members' }).waitFor();
    await page.getByRole('button', { name: 'Download CSV: quiet members' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Post a pulse to a channel' }).waitFor();
    expect(await page.getByTestId('skills-matrix').locator('th[scope="col"]').count()).toBeGreaterThan(2);

    // The CSV comes through the API client with the token: a real download with the table's name.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV: participation' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^peerlearn-participation-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);

    await page.screenshot({ path: 'test-results/insights-owner.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a member at 360 px in light (English), dark (Dutch) and high contrast: axe clean, no owner-only part, no sideways page scroll', async () => {
    const problems: string[] = [];
    for (const [theme, language] of [
      ['light', 'en'],
      ['dark', 'nl'],
      ['contrast', 'en'],
    ] as const) {
      const context = await memberContext(suite.browser, member, { width: 360, theme, language });
      const page = await context.newPage();
      await page.goto(`${suite.service.url}/#/insights`);
      await page.getByTestId('participation-chart').locator('svg').first().waitFor();
      await page.getByTestId('skills-matrix').waitFor();
      const heading = await page.getByRole('heading', { level: 1 }).innerText();
      because(theme, () => expect(heading).toBe(language === 'nl' ? 'Inzichten' : 'Insights'));
      // The legends read as the catalogue writes them: the library's capitalising of every word is undone.
      const legends = await page.getByTestId('participation-chart').locator('button').allInnerTexts();
      because(`${theme}: legends`, () => expect(legends).toContain(language === 'nl' ? 'Gehouden sessies' : 'Sessions held'));
      expect(await page.getByTestId('insights-quiet').count()).toBe(0);
      expect(await page.getByTestId('post-pulse').count()).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      because(`${theme}: page overflow`, () => expect(overflow).toBeLessThanOrEqual(0));
      // The matrix and the chart scroll inside their own boxes instead.
      const inner = await page.getByTestId('skills-matrix').evaluate((box) => box.scrollWidth >= box.clientWidth);
      because(`${theme}: matrix box`, () => expect(inner).toBe(true));
      await page.screenshot({ path: `test-results/insights-360-${theme}-${language}.png`, fullPage: true });
      problems.push(...(await seriousViolations(page)).map((v) => `${theme}/${language}: ${v}`));
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
