import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { buildDeploy, DEPLOY_ZIP_MAX_BYTES } from '../../scripts/build-deploy.mjs';
import { startTestAzurite } from '../support/azurite';
import { startFakeAppInsights } from '../support/fake-app-insights';
import type { FakeAppInsights } from '../support/fake-app-insights';
import { freePort, waitUntil } from '../support/processes';
import { readZip } from '../support/ship/read-zip';
import type { ZipEntry } from '../support/ship/read-zip';

/**
 * `npm run build:deploy` (issue #17): the zip App Service receives. Built from the dist/ that
 * `npm test` has just built, unpacked into an empty folder far from the repository (so nothing
 * resolves from the repository's node_modules), and started there as production would start it.
 */
const rootPackage = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let entries: ZipEntry[] = [];
let bytes = 0;
let unpacked = '';
let azurite: EmbeddedAzurite;
let insights: FakeAppInsights;

beforeAll(async () => {
  const built = buildDeploy({ skipBuild: true, log: () => undefined });
  bytes = built.bytes;
  entries = readZip(readFileSync(built.zip));
  unpacked = mkdtempSync(path.join(tmpdir(), 'peerlearn-deploy-'));
  for (const entry of entries) {
    const file = path.join(unpacked, entry.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, entry.data);
  }
  [azurite, insights] = await Promise.all([startTestAzurite(), startFakeAppInsights()]);
});

afterAll(async () => {
  await Promise.all([azurite?.stop(), insights?.close()]);
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
});

const names = () => entries.map((e) => e.name);
const installed = () => new Set(names().flatMap((n) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(n)?.[1] ?? []));

describe('build/deploy.zip', () => {
  it(`stays under ${DEPLOY_ZIP_MAX_BYTES / 1024 / 1024} MB and holds the bundle, the tab and a production install`, () => {
    expect(bytes).toBeLessThanOrEqual(DEPLOY_ZIP_MAX_BYTES);
    expect(names()).toEqual(expect.arrayContaining(['package.json', 'dist/bot/index.js', 'dist/tab/index.html']));
    const deployPackage = JSON.parse(entries.find((e) => e.name === 'package.json')?.data.toString() ?? '{}') as {
      dependencies: Record<string, string>;
    };
    // Exactly what the bundle imports, at the root's ranges.
    expect(Object.keys(deployPackage.dependencies).sort()).toEqual(
      [
        '@azure/data-tables',
        '@azure/identity',
        '@azure/monitor-opentelemetry',
        '@azure/storage-queue',
        '@opentelemetry/api',
        'botbuilder',
        'express',
        'i18next',
        'jose',
        'zod',
      ].sort(),
    );
    for (const [name, range] of Object.entries(deployPackage.dependencies)) expect(range).toBe(rootPackage.dependencies[name]);
  });

  it('has only packages the bundle needs: no dev tools, no node binary, no sources, tests, declarations or source maps', () => {
    // Every installed package must be reachable from the bundle's imports through `dependencies`
    // (a dev dependency of the root may be there only as some runtime package's own dependency).
    const manifests = new Map<string, string[]>();
    for (const e of entries) {
      const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(e.name);
      if (!match?.[1]) continue;
      const manifest = JSON.parse(e.data.toString()) as {
        dependencies?: Record<string, string>;
        optionalDependencies?: Record<string, string>;
      };
      const deps = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})];
      manifests.set(match[1], [...(manifests.get(match[1]) ?? []), ...deps]);
    }
    const needed = new Set<string>();
    const queue = Object.keys(
      (JSON.parse(entries.find((e) => e.name === 'package.json')?.data.toString() ?? '{}') as { dependencies: Record<string, string> })
        .dependencies,
    );
    while (queue.length > 0) {
      const name = queue.pop() ?? '';
      if (needed.has(name)) continue;
      needed.add(name);
      queue.push(...(manifests.get(name) ?? []));
    }
    expect([...installed()].filter((name) => !needed.has(name))).toEqual([]);
    for (const name of [
      'node',
      'azurite',
      'vite',
      'typescript',
      'jest',
      'eslint',
      'esbuild',
      '@fluentui/react-components',
      'react',
      'fast-check',
    ]) {
      expect(installed().has(name)).toBe(false);
    }
    const unwanted = names().filter(
      (n) =>
        /^(bot|tabs|tests|bench|scripts|infra|manifest|env)\//.test(n) ||
        n.startsWith('node_modules/.bin/') ||
        (n.startsWith('node_modules/') && /\.(map|d\.[cm]?ts)$/.test(n)) ||
        (!n.startsWith('node_modules/') && /\.tsx?$/.test(n)),
    );
    expect(unwanted).toEqual([]);
  });

  it('starts on its own from an unpacked copy, in production, against Azurite, with telemetry, and answers /healthz', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/bot/index.js'], {
      cwd: unpacked,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        STORAGE_CONNECTION_STRING: azurite.connectionString,
        BOT_ID: '11111111-1111-1111-1111-111111111111',
        BOT_TENANT_ID: '22222222-2222-2222-2222-222222222222',
        BOT_TYPE: 'UserAssignedMSI',
        AAD_APP_CLIENT_ID: '33333333-3333-3333-3333-333333333333',
        ALLOWED_TENANTS: '22222222-2222-2222-2222-222222222222',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        CALENDAR_LINK_SECRET: 'a'.repeat(40),
        LOG_LEVEL: 'warn',
        // The telemetry packages (and OpenTelemetry's ESM hooks) must load from the artifact too.
        APPLICATIONINSIGHTS_CONNECTION_STRING: insights.connectionString,
        NODE_EXTRA_CA_CERTS: insights.certificateFile,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    let exitCode: number | null | undefined;
    child.once('exit', (code) => (exitCode = code));
    try {
      await waitUntil(
        async () => {
          if (exitCode !== undefined) throw new Error(`the unpacked service exited (${exitCode}):\n${output}`);
          return (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.status === 200;
        },
        60_000,
        'the unpacked service to be healthy',
      );
      const tab = await fetch(`http://127.0.0.1:${port}/`);
      expect(tab.status).toBe(200);
      expect(await tab.text()).toContain('<div id="root">');
      // The distro samples at most a few traces a second (a rate limiter that may start empty): ask again while waiting.
      await waitUntil(
        async () => {
          if (insights.envelopes.some((e) => e.data?.baseType === 'RequestData')) return true;
          await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
          return false;
        },
        30_000,
        'a request span at the stub',
      );
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => (exitCode !== undefined ? resolve(undefined) : child.once('exit', resolve)));
    }
  });
});
