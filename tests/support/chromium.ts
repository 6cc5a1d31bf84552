import { chromium } from 'playwright-core';
import type { Browser, LaunchOptions } from 'playwright-core';
import { CHROMIUM_ARGS, testChromiumPath } from '../../scripts/lib/chromium-path.mjs';

/** The environment variable through which the browser project's global setup hands its Chromium to the files. */
export const SHARED_CHROMIUM_ENV = 'PEERLEARN_TEST_CHROMIUM';

/**
 * Where the tests find Chromium (scripts/lib/chromium-path.mjs): CHROMIUM_PATH, then Debian's headless shell
 * (installed by `npm test`'s pretest or .ci/run), then a full Chromium. The headless shell is Chromium's own engine
 * without the browser's window code (the same Blink, V8 and DevTools protocol; what Playwright itself runs headless
 * tests on). A full Chromium 156 builds its top-chrome WebUI (the
 * omnibox popup's renderer) for every new context, 0.5–1 s of CPU each here; the browser project took 408 s with it
 * and 332 s with the shell (docs/BENCHMARKS.md). The benchmarks keep the full Chromium a person uses.
 */
export function chromiumPath(): string {
  const path = testChromiumPath();
  if (!path) throw new Error('Chromium not found: run "npm test" (its pretest installs it) or set CHROMIUM_PATH.');
  return path;
}

export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  };
}

/**
 * The run's one Chromium when the global setup started it (tests/support/jest/global-setup.js, browser project),
 * else one of the file's own. Starting and closing Chromium cost each file 5–7 s at load; a file still opens its
 * own contexts, and `close()` on the connected browser closes them and disconnects, leaving Chromium to the next.
 */
export function launchChromium(): Promise<Browser> {
  const shared = process.env[SHARED_CHROMIUM_ENV];
  return shared ? chromium.connect(shared) : chromium.launch(chromiumLaunchOptions());
}
