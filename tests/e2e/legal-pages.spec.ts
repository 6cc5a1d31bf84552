import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { useTabInChromium } from '../support/tab-suite';

const suite = useTabInChromium();
const themes = ['light', 'dark', 'contrast'] as const;

const pages = [
  { view: 'privacy', en: 'PeerLearn privacy statement', nl: 'Privacyverklaring van PeerLearn' },
  { view: 'terms', en: 'PeerLearn terms of use', nl: 'Gebruiksvoorwaarden van PeerLearn' },
] as const;

/** A first-time visitor: nothing remembered, nobody signed in; every call to the API or the dev issuer is noted. */
async function visitor(options: { locale: string; width?: number; theme?: string; apiDown?: boolean }) {
  const context = await suite.browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: options.locale });
  if (options.theme) await context.addInitScript((theme) => localStorage.setItem('peerlearn.theme', theme), options.theme);
  const signIn: string[] = [];
  context.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/') || pathname.startsWith('/dev/')) signIn.push(`${request.method()} ${pathname}`);
  });
  // "The API is down": every API and dev-issuer call fails at the network, as with a stopped back end behind a proxy.
  if (options.apiDown) await context.route(/\/(api|dev)\//, (route) => route.abort('connectionrefused'));
  return { context, signIn };
}

async function openAndCheck(context: BrowserContext, url: string, heading: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  return { page, errors };
}

describe('the privacy statement and the terms of use, from the built service', () => {
  it('open without signing in, in English and Dutch, in three themes, with no serious axe violations', async () => {
    const problems: string[] = [];
    for (const { view, en, nl } of pages) {
      for (const [locale, heading] of [
        ['en-US', en],
        ['nl-NL', nl],
      ] as const) {
        for (const theme of themes) {
          const { context, signIn } = await visitor({ locale, theme });
          const { page, errors } = await openAndCheck(context, `${suite.service.url}/?view=${view}`, heading);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.slice(0, 2));
          expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
          await page.screenshot({ path: `test-results/legal-${view}-${locale}-${theme}.png`, fullPage: true });
          problems.push(...(await seriousViolations(page)).map((v) => `${view}/${locale}/${theme}: ${v}`));
          expect({ view, locale, theme, signIn, errors }).toEqual({ view, locale, theme, signIn: [], errors: [] });
          await context.close();
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("open at the manifest's privacyUrl and termsOfUseUrl, also at 360 px and while the API is down", async () => {
    const manifest = JSON.parse(readFileSync('manifest/manifest.json', 'utf8')) as {
      developer: { privacyUrl: string; termsOfUseUrl: string };
    };
    const urls = [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl].map((u) =>
      u.replace('${{TAB_ENDPOINT}}', suite.service.url),
    );
    const { context, signIn } = await visitor({ locale: 'en-GB', width: 360, apiDown: true });
    for (const [url, heading] of [
      [urls[0] ?? '', pages[0].en],
      [urls[1] ?? '', pages[1].en],
    ] as const) {
      const { page, errors } = await openAndCheck(context, url, heading);
      // Nothing wider than a phone: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(errors).toEqual([]);
      await page.screenshot({ path: `test-results/legal-manifest-360-${heading.split(' ').pop() ?? ''}.png`, fullPage: true });
    }
    expect(signIn).toEqual([]);
    await context.close();
  });

  it('switches language on the page and links the terms to the privacy statement', async () => {
    const { context, signIn } = await visitor({ locale: 'en-US' });
    const { page, errors } = await openAndCheck(context, `${suite.service.url}/?view=terms`, pages[1].en);
    await page.getByRole('button', { name: 'Lees deze pagina in het Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: pages[1].nl }).waitFor();
    await page.getByRole('link', { name: /staat in de privacyverklaring/ }).click();
    await page.getByRole('heading', { level: 1, name: pages[0].nl }).waitFor();
    expect(new URL(page.url()).search).toBe('?view=privacy');
    expect(signIn).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

// A remembered demo member (Megan Bowen), so the profile opens without the picker.
const demoMember = '00000000-0000-0000-0000-0000000000001/00000000-0000-0000-0000-0000000000021';

describe('My profile → Privacy in Chromium', () => {
  it('the erase dialog at 360 px in three themes: accessible, locked until confirmed, cancel sends nothing and gives focus back', async () => {
    const problems: string[] = [];
    for (const theme of themes) {
      const context = await suite.browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'en-US' });
      await context.addInitScript(
        ([member, chosen]) => {
          localStorage.setItem('peerlearn.member', member ?? '');
          localStorage.setItem('peerlearn.theme', chosen ?? '');
        },
        [demoMember, theme],
      );
      const erases: string[] = [];
      context.on('request', (r) => {
        if (r.method() === 'DELETE' && new URL(r.url()).pathname === '/api/v1/me') erases.push(r.url());
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${suite.service.url}/#/profile`);
      await page.getByRole('heading', { level: 2, name: 'Privacy' }).waitFor();
      problems.push(...(await seriousViolations(page, '[data-testid="privacy"]')).map((v) => `section/${theme}: ${v}`));

      const trigger = page.getByRole('button', { name: 'Erase my data' });
      await trigger.click();
      const dialog = page.getByRole('dialog', { name: 'Erase your data from PeerLearn?' });
      await dialog.waitFor();
      const erase = dialog.getByRole('button', { name: 'Erase my data' });
      expect(await erase.isDisabled()).toBe(true);
      await dialog.getByRole('checkbox', { name: 'I understand this cannot be undone' }).check();
      expect(await erase.isEnabled()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: `test-results/privacy-erase-dialog-360-${theme}.png` });
      problems.push(...(await seriousViolations(page, '[role="dialog"]')).map((v) => `dialog/${theme}: ${v}`));

      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await trigger.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(erases).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
