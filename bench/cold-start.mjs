// Cold start of the built service on embedded defaults: a fresh data directory (Azurite starts,
// tables and queues are created, the demo team is seeded) and a warm restart on the same data.
// Prints the time until /healthz is ok and the board API lists the demo sessions. Not a test.
// Run: npm run build && npm run bench:start
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const runs = Number(process.env.RUNS ?? 3);

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function until(fn, ms) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await fn()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function once(dataDir) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['dist/bot/index.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  await until(async () => (await fetch(`${base}/healthz`)).ok, 60_000);
  const healthy = performance.now() - t0;
  const { token } = await (
    await fetch(`${base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        tenantId: '00000000-0000-0000-0000-0000000000001',
        userId: '00000000-0000-0000-0000-0000000000020',
        name: 'Alex Wilber',
      }),
    })
  ).json();
  const board = await (await fetch(`${base}/api/v1/teams/team-id/sessions`, { headers: { authorization: `Bearer ${token}` } })).json();
  const ready = performance.now() - t0;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  return { healthy, ready, sessions: board.sessions.length };
}

const rows = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'peerlearn-bench-'));
  const cold = await once(dir);
  const warm = await once(dir);
  rmSync(dir, { recursive: true, force: true });
  rows.push({ cold, warm });
  console.log(
    `run ${i + 1}: cold healthz ${cold.healthy.toFixed(0)} ms, board ${cold.ready.toFixed(0)} ms (${cold.sessions} sessions); warm healthz ${warm.healthy.toFixed(0)} ms, board ${warm.ready.toFixed(0)} ms`,
  );
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `median of ${runs}: cold start to board ${median(rows.map((r) => r.cold.ready)).toFixed(0)} ms, warm restart to board ${median(rows.map((r) => r.warm.ready)).toFixed(0)} ms`,
);
