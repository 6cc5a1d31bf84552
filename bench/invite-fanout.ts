// Invite fan-out under Teams' limits, with throttling and a crash. Not a test: prints
// figures for docs/BENCHMARKS.md.
//
//   npm run bench:fanout
//
// One invite to 1,000 channels (100 postInvite jobs × 10 channels, through the real queue) is
// delivered by a separate worker process (bench/delivery-worker.ts: storage + ProactiveSender +
// OutboxWorker) to the fake Bot Connector, which checks Teams' windows (per conversation 7/1 s,
// 8/2 s, 60/30 s, 1800/h; 30/s per tenant) and answers every 10th call with 429 (no Retry-After,
// so the sender's own backoff runs). When 500 channels have the invite the worker is killed with
// SIGKILL and started again at once. Reports: time to complete, channels missed, duplicates,
// window violations.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createStorage } from '../bot/src/storage/shared/create-storage';
import { createDeliveryStorage } from '../bot/src/storage/delivery/delivery-storage';
import { startEmbeddedAzurite } from '../bot/src/storage/shared/embedded-azurite';
import { QueueOutbox } from '../bot/src/storage/delivery/queue-outbox';
import { clientsFromConnectionString } from '../bot/src/storage/shared/storage-clients';
import { startFakeConnector } from '../tests/support/fake-connector';
import { buildDeliveryWorker } from './build-worker';

const CHANNELS = 1_000;
const PER_JOB = 10;
const RATE = 30;
const KILL_AT = 500;
const TENANT = '00000000-0000-0000-0000-0000000000001';
const TEAM = '19:bench-team@thread.tacv2';

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function main(): Promise<void> {
  mkdirSync('dist/bench', { recursive: true });
  const script = await buildDeliveryWorker('dist/bench');
  const azurite = await startEmbeddedAzurite({ location: '.data/bench-unused', inMemory: true });
  const connector = await startFakeConnector({ tenantPerSecond: RATE });
  let calls = 0;
  connector.failWhen(() => {
    calls += 1;
    return calls % 10 === 0 ? { status: 429 } : undefined;
  });

  const storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  const delivery = createDeliveryStorage(clientsFromConnectionString(azurite.connectionString), storage.queues.jobs);
  await delivery.ensureCreated();
  await delivery.addresses.putTeam({
    tenantId: TENANT,
    teamId: TEAM,
    serviceUrl: connector.serviceUrl,
    botId: '28:bench',
    updatedAt: new Date().toISOString(),
  });
  const outbox = new QueueOutbox(storage.queues.jobs, () => new Date());
  for (let j = 0; j < CHANNELS / PER_JOB; j += 1) {
    await outbox.enqueue({ kind: 'postInvite', tenantId: TENANT, teamId: TEAM, sessionId: `fanout-${PER_JOB}-from-${j * PER_JOB}` });
  }

  const start = (): ChildProcess =>
    spawn(process.execPath, [script], {
      env: { ...process.env, STORAGE_CONNECTION_STRING: azurite.connectionString, TENANT_RATE: String(RATE), LEASE_SECONDS: '5' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const distinct = () => new Set(connector.sent.map((s) => s.conversationId)).size;

  const t0 = Date.now();
  let worker = start();
  await until(() => distinct() >= KILL_AT, 120_000, `${KILL_AT} channels`);
  worker.kill('SIGKILL');
  const killedAt = Date.now() - t0;
  const postedAtKill = connector.sent.length;
  await new Promise((r) => worker.once('exit', r));
  worker = start();
  await until(() => distinct() >= CHANNELS, 180_000, `${CHANNELS} channels`);
  const done = Date.now() - t0;
  const firstPost = (connector.requests[0]?.at ?? t0) - t0;
  // Wait out a lease so a late duplicate would show.
  await new Promise((r) => setTimeout(r, 6_000));
  worker.kill('SIGTERM');
  await new Promise((r) => worker.once('exit', r));

  const perChannel = new Map<string, number>();
  for (const s of connector.sent) perChannel.set(s.conversationId, (perChannel.get(s.conversationId) ?? 0) + 1);
  const duplicates = [...perChannel.values()].reduce((n, c) => n + (c - 1), 0);
  const throttled = connector.requests.filter((r) => r.status === 429).length;
  const ideal = CHANNELS / RATE;
  console.log(
    JSON.stringify(
      {
        channels: CHANNELS,
        channelsPosted: perChannel.size,
        missed: CHANNELS - perChannel.size,
        duplicates,
        requests: connector.requests.length,
        answered429: throttled,
        killedAtMs: killedAt,
        postedAtKill,
        firstRequestMs: firstPost,
        completeMs: done,
        completeFromFirstRequestMs: done - firstPost,
        boundMs: Math.round(1.15 * ideal * 1000),
        idealMs: Math.round(ideal * 1000),
        violations: connector.violations(),
      },
      null,
      2,
    ),
  );
  await connector.close();
  await azurite.stop();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
