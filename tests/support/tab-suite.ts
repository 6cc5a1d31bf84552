import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import type { RunningService } from '../../bot/src/server';
import { launchChromium } from './chromium';
import { startTestService } from './service';

export interface TabSuite {
  readonly service: RunningService;
  readonly browser: Browser;
}

/**
 * One service (serving the built tab from `dist/tab`) and one Chromium for a whole e2e file; each test
 * opens its own browser context. Screenshots go to `test-results/`.
 */
export function useTabInChromium(): TabSuite {
  let service: RunningService | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync('test-results', { recursive: true });
    [service, browser] = await Promise.all([startTestService({ tabDir: 'dist/tab' }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet (use it inside a test)`);
    return value;
  };
  return {
    get service() {
      return ready(service, 'The service');
    },
    get browser() {
      return ready(browser, 'Chromium');
    },
  };
}

/** A browser context in which a demo member is already signed in (dev mode remembers them), with a theme and language if given. */
export async function memberContext(
  browser: Browser,
  member: string,
  options: { readonly width?: number; readonly theme?: string; readonly language?: string; readonly locale?: string } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: options.locale ?? 'en-US' });
  await context.addInitScript(
    ([who, theme, language]) => {
      localStorage.setItem('peerlearn.member', who ?? '');
      if (theme) localStorage.setItem('peerlearn.theme', theme);
      if (language) localStorage.setItem('peerlearn.language', language);
    },
    [member, options.theme ?? '', options.language ?? ''],
  );
  return context;
}
