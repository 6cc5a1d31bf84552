import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { DevMembersResponse } from '../../bot/src/api/contract';
import { childrenOf, freePort, isAlive, startBuiltService, waitUntil } from '../support/processes';
import type { StartedProcess } from '../support/processes';

const dataDir = mkdtempSync(path.join(tmpdir(), 'peerlearn-life-'));
const started: StartedProcess[] = [];

afterAll(() => {
  for (const p of started) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function boot(): Promise<{ service: StartedProcess; port: number; azuritePid: number; ms: number }> {
  const port = await freePort();
  const t0 = Date.now();
  const service = startBuiltService({ PORT: String(port), DATA_DIR: dataDir });
  started.push(service);
  await waitUntil(
    () => service.output().includes('PeerLearn is running at') || service.child.exitCode !== null,
    60_000,
    'the service to start',
  );
  expect(service.output()).toContain(`http://127.0.0.1:${port}`);
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(await res.json()).toEqual({ status: 'ok', storage: 'ok' });
  const [azuritePid] = childrenOf(service.child.pid ?? -1);
  expect(azuritePid).toBeGreaterThan(0);
  return { service, port, azuritePid: azuritePid ?? -1, ms: Date.now() - t0 };
}

describe('the built service with embedded Azurite', () => {
  it('seeds on first start, keeps data across restarts, and leaves no Azurite behind (SIGTERM and SIGKILL)', async () => {
    const first = await boot();
    expect(first.service.output()).toContain('demo team seeded');
    const members = (await (await fetch(`http://127.0.0.1:${first.port}/dev/members`)).json()) as DevMembersResponse;
    expect(members.members.length).toBeGreaterThanOrEqual(12);

    first.service.child.kill('SIGTERM');
    expect(await first.service.exited).toBe(0);
    expect(isAlive(first.azuritePid)).toBe(false);

    const second = await boot();
    expect(second.service.output()).not.toContain('demo team seeded');
    const again = (await (await fetch(`http://127.0.0.1:${second.port}/dev/members`)).json()) as DevMembersResponse;
    expect(again.members).toEqual(members.members);

    second.service.child.kill('SIGKILL');
    await second.service.exited;
    // The kernel closes the IPC channel; Azurite notices and exits on its own.
    const ms = await waitUntil(() => !isAlive(second.azuritePid), 10_000, 'Azurite to exit after SIGKILL');
    expect(ms).toBeLessThan(10_000);
  });

  it('stops with one message naming every bad setting', async () => {
    const bad = startBuiltService({ PORT: 'abc', SEED_DEMO: 'perhaps', DATA_DIR: dataDir });
    started.push(bad);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('PORT must be a whole number from 1 to 65535 (got "abc")');
    expect(bad.output()).toContain('SEED_DEMO must be true or false (got "perhaps")');
  });

  it('refuses dev mode in production', async () => {
    const prod = startBuiltService({ NODE_ENV: 'production', DATA_DIR: dataDir });
    started.push(prod);
    expect(await prod.exited).toBe(2);
    expect(prod.output()).toContain('AUTH_MODE=dev is refused when NODE_ENV=production');
  });
});
