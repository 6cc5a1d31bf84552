// 200 different people RSVP to one session at the same moment. Not a test: prints figures for
// docs/BENCHMARKS.md.
//
//   npm run bench:rsvp            (RUNS=3 runs, PEOPLE=200 per run)
//
// The real service (in-process, embedded in-memory Azurite, real CloudAdapter, outbox worker on)
// with the fake Bot Connector. The bot is installed in a team; per run `planSession` creates a
// session and its invite is posted; then PEOPLE `adaptiveCard/action` invokes (verb `rsvp`,
// "going"), one per person never seen before (not on the roster either: the worst case, each is
// vouched for as a member), are sent at once. Per run: p50/p95/max of the answers, the stored count
// and RSVP rows (both exactly PEOPLE), the channel card saying "PEOPLE going" and when, the storage
// requests per answer (until the last answer, and with what is written behind the answers), CPU per
// answer of the service's thread and of Azurite; and the floor: PEOPLE bare `createEntity` calls to
// the same Azurite at the same concurrency, with the ratio of the answers' p95 to the floor's. The
// people send from a worker thread (Teams' side), so the service's thread does only the service's work.
// PROFILE=<dir> writes a CPU profile of the service's thread over each burst; CALLS=1 prints the
// storage requests by method and table.
import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { ClientRequest } from 'node:http';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TableClient } from '@azure/data-tables';
import { readConfig } from '../bot/src/config';
import { startService } from '../bot/src/server';
import type { RunningService } from '../bot/src/server';
import { createJsonLogger } from '../bot/src/json-logger';
import { BOT, botAddedToTeam, MEGAN, PLAYGROUND_TENANT, postActivity } from '../tests/support/activities';
import { startFakeConnector } from '../tests/support/fake-connector';
import type { FakeConnector } from '../tests/support/fake-connector';
import { eventually } from '../tests/support/eventually';

const PEOPLE = Number(process.env.PEOPLE ?? 200);
const RUNS = Number(process.env.RUNS ?? 3);
const TARGET_P95_MS = 1_000;
/** PROFILE=<dir>: a CPU profile of the service over each burst only (open it in Chrome DevTools). */
const PROFILE_DIR = process.env.PROFILE;
const TEAM = { id: '19:rsvp-bench@thread.tacv2', name: 'RSVP bench' };
const quiet = createJsonLogger({ level: (process.env.BENCH_LOG ?? 'error') as 'error' });

function invoke(serviceUrl: string, from: { id: string; name: string; aadObjectId: string }, name: string, value: unknown) {
  return {
    type: 'invoke',
    name,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: 'msteams',
    from,
    conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: PLAYGROUND_TENANT },
    recipient: BOT,
    locale: 'en-US',
    value,
    channelData: { tenant: { id: PLAYGROUND_TENANT }, team: TEAM, channel: { id: TEAM.id } },
  };
}

/**
 * The people's side (Teams, in production) runs in a worker thread of its own, so the service's thread
 * does only the service's work and its CPU time is the service's alone. It sends the prepared bodies
 * all at once and answers each one's time and whether the answer said "going".
 */
const CLIENT = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ url, bodies }) => {
  if (!bodies) {
    await (await fetch(url)).text();
    parentPort.postMessage('ready');
    return;
  }
  const results = await Promise.all(bodies.map(async (body) => {
    const started = performance.now();
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await res.text();
      return { ms: performance.now() - started, ok: res.ok && text.includes('going') };
    } catch {
      return { ms: performance.now() - started, ok: false };
    }
  }));
  parentPort.postMessage(results);
});
`;

function startClient(serviceUrl: string) {
  const worker = new Worker(CLIENT, { eval: true });
  const next = <T>(message: unknown) =>
    new Promise<T>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(message);
    });
  return {
    /** Warms the worker's fetch up on /healthz. */
    ready: () => next<string>({ url: `${serviceUrl}/healthz` }),
    send: (bodies: readonly string[]) => next<{ ms: number; ok: boolean }[]>({ url: `${serviceUrl}/api/messages`, bodies }),
    close: () => worker.terminate(),
  };
}
type Client = ReturnType<typeof startClient>;

/** Storage requests (Azurite's tables and queues), counted while `counting` is on. */
let storageCalls = 0;
let counting = false;
/** CALLS=1: prints each burst's storage requests by method and table, before the last answer and behind it. */
const CALLS_BY_KIND = process.env.CALLS === '1';
const callsByKind = new Map<string, { toAnswers: number; behind: number }>();
let answersDone = false;
subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: ClientRequest };
  if (!counting || !/^\/devstoreaccount1\//.test(request.path)) return;
  storageCalls += 1;
  if (!CALLS_BY_KIND) return;
  const kind = `${request.method} ${(request.path.split('/')[2] ?? '').replace(/[(?].*$/, '')}`;
  const seen = callsByKind.get(kind) ?? { toAnswers: 0, behind: 0 };
  if (answersDone) seen.behind += 1;
  else seen.toAnswers += 1;
  callsByKind.set(kind, seen);
});

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** CPU time (ms) a process has used so far, from /proc (Azurite runs in its own process). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
/** CPU time (ms) of this thread: the service's (the people's requests come from the client worker). */
const ownCpuMs = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

/** The floor: PEOPLE bare inserts into one partition of a fresh table, all at once, from this process. */
async function floor(connectionString: string): Promise<{ p50: number; p95: number; wall: number }> {
  const table = TableClient.fromConnectionString(connectionString, `floor${Date.now()}`, { allowInsecureConnection: true });
  await table.createTable();
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: PEOPLE }, async (_, i) => {
      const started = performance.now();
      await table.createEntity({ partitionKey: 'p', rowKey: `r${i}`, response: 'yes', respondedAt: new Date().toISOString() });
      latencies.push(performance.now() - started);
    }),
  );
  const wall = performance.now() - t0;
  await table.deleteTable();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), wall };
}

/**
 * Azurite stands in for Azure Table Storage, which is never cold: before the first run its own code
 * (a Node process of its own, JIT-compiled as it goes) serves a mix of the requests a burst makes, on a
 * table of its own, straight from a TableClient. The service is not warmed: its first burst is its first.
 */
async function warmStorage(connectionString: string): Promise<number> {
  const started = performance.now();
  const table = TableClient.fromConnectionString(connectionString, `warm${Date.now()}`, { allowInsecureConnection: true });
  await table.createTable();
  const rounds = Number(process.env.WARM_ROUNDS ?? 3);
  for (let round = 0; round < rounds; round += 1) {
    // 200 rows in 20 partitions, whatever PEOPLE is: 10 to a transaction.
    const keys = Array.from({ length: 200 }, (_, i) => ({ partitionKey: `p${i % 20}`, rowKey: `r${round}-${i}` }));
    await Promise.all(keys.map((k) => table.createEntity({ ...k, response: 'yes', at: new Date().toISOString() })));
    await Promise.all(keys.map((k) => table.upsertEntity({ ...k, response: 'no' }, 'Replace')));
    await Promise.all(keys.map((k) => table.getEntity(k.partitionKey, k.rowKey).catch(() => undefined)));
    await Promise.all(
      Array.from({ length: 20 }, async (_, p) => {
        const filter = `PartitionKey eq 'p${p}' and (${keys
          .slice(0, 14)
          .map((k) => `RowKey eq '${k.rowKey}'`)
          .join(' or ')})`;
        for await (const page of table.listEntities({ queryOptions: { filter } }).byPage()) void page;
        await table.submitTransaction(
          keys.filter((k) => k.partitionKey === `p${p}`).map((k) => ['upsert', { ...k, response: 'yes' }, 'Merge']),
        );
      }),
    );
  }
  await table.deleteTable();
  return performance.now() - started;
}

async function burst(service: RunningService, connector: FakeConnector, client: Client, run: number) {
  // Six days ahead: the invite goes out at once (it waits until 7 days before the start), whatever the time of day.
  const date = new Date(Date.now() + 6 * 24 * 3600_000).toISOString().slice(0, 10);
  const host = { id: MEGAN.id, name: MEGAN.name, aadObjectId: MEGAN.aadObjectId ?? '' };
  const title = `RSVP load ${run}`;
  const planned = await postActivity(
    service.url,
    invoke(connector.serviceUrl, host, 'composeExtension/submitAction', {
      commandId: 'planSession',
      data: { title, date, time: '10:00', durationMinutes: '60', format: 'talk', recurrence: 'none', channelId: TEAM.id },
    }),
  );
  if (!planned.ok) throw new Error(`planSession: ${planned.status} ${await planned.text()}`);
  const session = (await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM.id)).find((s) => s.title === title);
  if (!session) throw new Error('no session was created');
  // Wait for the invite to be posted, so the burst's card updates are counted from here.
  await eventually(() => {
    if (!connector.sent.some((s) => JSON.stringify(s.activity).includes(title))) throw new Error('invite not posted yet');
  });
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `29:bench-${run}-${i}`,
    name: `Person ${run}.${i}`,
    aadObjectId: `00000000-0000-4000-8${String(run).padStart(3, '0')}-${String(i).padStart(12, '0')}`,
  }));
  const bodies = people.map((person) =>
    JSON.stringify(
      invoke(connector.serviceUrl, person, 'adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'rsvp', data: { sessionId: session.sessionId, teamId: TEAM.id, response: 'yes' } },
        trigger: 'manual',
      }),
    ),
  );
  const updatesBefore = connector.sent.filter((s) => s.method === 'PUT').length;
  const load = loadavg()[0] ?? NaN;
  const cpu0 = { own: ownCpuMs(), azurite: cpuMsOf(service.azurite?.pid ?? process.pid) };
  const profiler = PROFILE_DIR ? new Session() : undefined;
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
  }
  storageCalls = 0;
  callsByKind.clear();
  answersDone = false;
  counting = true;
  const t0 = performance.now();
  const answers = await client.send(bodies);
  const latencies = answers.map((a) => a.ms);
  const failures = answers.filter((a) => !a.ok).length;
  const answered = performance.now();
  const wall = answered - t0;
  const callsToAnswers = storageCalls;
  answersDone = true;
  // What the answers left behind them (the senders' profiles and addresses) counts too.
  await service.senderRecordsSettled();
  const callsWithRecords = storageCalls;
  const cpu = { own: ownCpuMs() - cpu0.own, azurite: cpuMsOf(service.azurite?.pid ?? process.pid) - cpu0.azurite };
  counting = false;
  if (CALLS_BY_KIND) {
    const byCount = [...callsByKind].sort((a, b) => b[1].toAnswers + b[1].behind - (a[1].toAnswers + a[1].behind));
    console.log(`run ${run}: storage requests by kind (to the last answer / behind it)`);
    console.table(Object.fromEntries(byCount));
  }
  // After the CPU figures: stopping the profiler costs a few hundred ms of this thread.
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(`${PROFILE_DIR}/rsvp-burst-${run}.cpuprofile`, JSON.stringify(profile));
    profiler.disconnect();
  }
  const cardText = (title: string) =>
    JSON.stringify(
      connector.sent.filter((s) => s.method === 'PUT' && JSON.stringify(s.activity).includes(title)).at(-1)?.activity.attachments?.[0]
        ?.content ?? {},
    );
  const cardRight = await eventually(
    () => {
      if (!cardText(title).includes(`${PEOPLE} going`)) throw new Error(`the channel card does not say ${PEOPLE} going`);
      return performance.now() - answered;
    },
    { timeout: 60_000, interval: 20 },
  ).catch(() => NaN);
  latencies.sort((a, b) => a - b);
  const stored = await service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM.id, session.sessionId);
  const rsvps = await service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, session.sessionId);
  const profiles = await service.repositories.members.getMany(
    PLAYGROUND_TENANT,
    people.map((p) => p.aadObjectId),
  );
  const bare = await floor(service.storageConnectionString ?? '');
  return {
    run,
    load: load.toFixed(1),
    failed: failures,
    stored: `${stored?.counts.yes ?? 0} / ${rsvps.length}`,
    profiles: profiles.length,
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    max: Math.round(latencies.at(-1) ?? NaN),
    wall: Math.round(wall),
    cardUpdates: connector.sent.filter((s) => s.method === 'PUT').length - updatesBefore,
    cardRightMs: Math.round(cardRight),
    callsPerAnswer: (callsToAnswers / PEOPLE).toFixed(1),
    callsWithRecords: (callsWithRecords / PEOPLE).toFixed(1),
    cpuMsPerAnswer: (cpu.own / PEOPLE).toFixed(1),
    azuriteCpuMsPerAnswer: (cpu.azurite / PEOPLE).toFixed(1),
    floorP95: Math.round(bare.p95),
    floorWall: Math.round(bare.wall),
    p95OverFloor: (percentile(latencies, 95) / bare.p95).toFixed(1),
    target: percentile(latencies, 95) <= TARGET_P95_MS && failures === 0 && rsvps.length === PEOPLE ? 'met' : 'NOT met',
  };
}

async function main(): Promise<void> {
  const connector = await startFakeConnector();
  const service = await startService(
    { ...readConfig({ NODE_ENV: 'test' }), port: 0, seedDemo: false },
    { log: quiet, inMemoryStorage: true },
  );
  try {
    await postActivity(service.url, botAddedToTeam(connector.serviceUrl, TEAM));
    const client = startClient(service.url);
    await client.ready();
    if (process.env.WARM_STORAGE !== '0')
      console.log(`storage emulator warmed in ${Math.round(await warmStorage(service.storageConnectionString ?? ''))} ms`);
    const rows = [];
    for (let run = 1; run <= RUNS; run += 1) rows.push(await burst(service, connector, client, run));
    await client.close();
    console.log(`\n${PEOPLE} people RSVP "going" to one session at once; target p95 ≤ ${TARGET_P95_MS} ms, exactly ${PEOPLE} stored,`);
    console.log('the channel card right at the end. Calls = storage requests per answer (to the last answer / with the');
    console.log('profiles and addresses written behind the answers). Floor = the same number of bare createEntity calls');
    console.log('to the same Azurite at the same concurrency, measured right after each run. CPU = ms per answer of the');
    console.log("service's thread (the people send from a worker thread) and of Azurite's process, to the last record written.\n");
    console.table(rows);
    const stored = rows.every((r) => r.stored === `${PEOPLE} / ${PEOPLE}` && r.profiles === PEOPLE && r.failed === 0);
    console.log(`stored exactly ${PEOPLE} answers and ${PEOPLE} profiles in every run: ${stored ? 'yes' : 'NO'}`);
  } finally {
    await service.close();
    await connector.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
