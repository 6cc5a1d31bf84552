// The built service (dist/bot/index.js) as a child process on embedded defaults (a fresh data
// directory: Azurite starts, the demo team is seeded), for the load benchmarks. Not a test.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const DEMO_TENANT = '00000000-0000-0000-0000-0000000000001';
export const DEMO_TEAM = 'team-id';

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(/\d+/.exec(line ?? '')?.[0] ?? 0) / 1024;
}

export async function startBuiltService(env = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'peerlearn-load-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/bot/index.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const end = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error('the service did not start within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  const token = async (userId, name = 'Bench Person') => {
    const res = await fetch(`${url}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId: DEMO_TENANT, userId, name }),
    });
    return (await res.json()).token;
  };
  return {
    url,
    pid: child.pid,
    token,
    async members() {
      return (await (await fetch(`${url}/dev/members`)).json()).members ?? [];
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
