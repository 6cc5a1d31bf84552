// Browser tests need Chromium: Debian's headless shell (package "chromium-headless-shell", what the tests prefer;
// tests/support/chromium.ts), else a full Chromium. Install the shell from Debian's packages when we can; never skip the tests.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { HEADLESS_SHELL, testChromiumPath } from './lib/chromium-path.mjs';

if (!process.env.CHROMIUM_PATH && !existsSync(HEADLESS_SHELL)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log('Chromium\'s headless shell is missing: installing it with apt-get (Debian package "chromium-headless-shell")…');
    try {
      execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell', { stdio: 'inherit' });
    } catch {
      // Offline, or apt is busy: a full Chromium, if there is one, does as well (slower).
      console.log('Installing the headless shell failed; looking for another Chromium.');
    }
  }
}
const path = testChromiumPath();
if (!path) {
  console.error(
    [
      'The browser tests need Chromium and none was found.',
      'Install it, then run npm test again:',
      '  Debian/Ubuntu:  sudo apt-get install -y chromium-headless-shell',
      '  elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium',
    ].join('\n'),
  );
  process.exit(1);
}
