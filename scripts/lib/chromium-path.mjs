import { existsSync } from 'node:fs';

/** Debian's headless shell (package "chromium-headless-shell"): what the browser tests prefer (tests/support/chromium.ts). */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * The Chromium the tests run on, in order: CHROMIUM_PATH, Debian's headless shell, a full Chromium. Never a
 * downloaded browser. Undefined when none is there. Shared by the tests and `npm test`'s pretest
 * (scripts/ensure-chromium.mjs), which installs the shell first.
 */
export function testChromiumPath() {
  return [process.env.CHROMIUM_PATH, HEADLESS_SHELL, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

/** The flags the tests and the page benchmarks start Chromium with: headless, no sandbox (CI runs as root), quiet. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
  '--disable-component-update',
  '--no-first-run',
];
