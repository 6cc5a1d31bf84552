import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from '@jest/globals';
import type { Browser } from 'playwright-core';
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
