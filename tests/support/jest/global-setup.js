import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureFluentBundle } from './fluent-bundle.js';
import { ensureServiceBundle } from './service-bundle.js';
import { SHARED_AZURITE_ENV, sharedAccountNames, WORKERS } from './shared-azurite-spec.js';

// Runs once in the parent process before any worker starts, so every worker inherits what is set here.
/** @param {import('@jest/types').Config.GlobalConfig} globalConfig */
export default async function globalSetup(globalConfig) {
  // Session times are asserted as wall-clock text; a setup file inside a worker would set it too late
  // for modules that read the zone at load.
  process.env.TZ = 'Europe/Amsterdam';

  // The jsdom projects import Fluent UI from one bundle (jest.config.js), built here before any worker needs it.
  // So do all projects for the service's large CommonJS packages.
  await Promise.all([ensureFluentBundle(globalConfig.rootDir), ensureServiceBundle(globalConfig.rootDir)]);

  // One in-memory Azurite per jest worker for the whole run, each test file on storage accounts of its own
  // (tests/support/azurite.ts), instead of an Azurite process started and stopped by every file: that start
  // cost about 1.5 s of CPU a file, over a hundred files (one when in band). Node 24 loads the TypeScript module itself.
  const { startEmbeddedAzurite } = await import('../../../bot/src/storage/shared/embedded-azurite.ts');
  const accounts = sharedAccountNames();
  const started = await Promise.all(
    Array.from({ length: Math.min(WORKERS, globalConfig.maxWorkers) }, () =>
      startEmbeddedAzurite({ location: '.data/test-unused', inMemory: true, accounts }),
    ),
  );
  globalThis.__peerlearnSharedAzurites = started;
  process.env[SHARED_AZURITE_ENV] = JSON.stringify({
    instances: started.map((a) => ({ host: a.host, tablePort: a.tablePort, queuePort: a.queuePort, pid: a.pid })),
    slots: mkdtempSync(path.join(tmpdir(), 'peerlearn-test-accounts-')),
  });

  // The browser project's files share one Chromium (tests/support/chromium.ts), each in contexts of its own.
  const projects = globalConfig.selectProjects ?? [];
  if (projects.includes('browser')) {
    const { chromium } = await import('playwright-core');
    const { chromiumLaunchOptions, SHARED_CHROMIUM_ENV } = await import('../chromium.ts');
    const server = await chromium.launchServer(chromiumLaunchOptions());
    globalThis.__peerlearnSharedChromium = server;
    process.env[SHARED_CHROMIUM_ENV] = server.wsEndpoint();
  }
}
