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
// answer of the service and of Azurite; and the floor: PEOPLE bare `createEntity` calls to the
// same Azurite at the same concurrency, with the ratio of the answers' p95 to the floor's.
import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import type { ClientRequest } from 'node:http';
import { loadavg } from 'node:os';
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

/** Storage requests (Azurite's tables and queues), counted while `counting` is on. */
let storageCalls = 0;
let counting = false;
subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: ClientRequest };
  if (counting && /^\/devstoreaccount1\//.test(request.path)) storageCalls += 1;
});

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** CPU time (ms) a process has used so far, from /proc (Azurite runs in its own process). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
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

async function burst(service: RunningService, connector: FakeConnector, run: number) {
  const date = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);
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
  const latencies: number[] = [];
  let failures = 0;
  const updatesBefore = connector.sent.filter((s) => s.method === 'PUT').length;
  const load = loadavg()[0] ?? NaN;
  const cpu0 = { own: ownCpuMs(), azurite: cpuMsOf(service.azurite?.pid ?? process.pid) };
  storageCalls = 0;
  counting = true;
  const t0 = performance.now();
  await Promise.all(
    people.map(async (person) => {
      const activity = invoke(connector.serviceUrl, person, 'adaptiveCard/action', {
        action: { type: 'Action.Execute', verb: 'rsvp', data: { sessionId: session.sessionId, teamId: TEAM.id, response: 'yes' } },
        trigger: 'manual',
      });
      const started = performance.now();
      const res = await postActivity(service.url, activity);
      const body = await res.text();
      latencies.push(performance.now() - started);
      if (!res.ok || !body.includes('going')) failures += 1;
    }),
  );
  const answered = performance.now();
  const wall = answered - t0;
  const callsToAnswers = storageCalls;
  // What the answers left behind them (the senders' profiles and addresses) counts too.
  await service.senderRecordsSettled();
  const callsWithRecords = storageCalls;
  const cpu = { own: ownCpuMs() - cpu0.own, azurite: cpuMsOf(service.azurite?.pid ?? process.pid) - cpu0.azurite };
  counting = false;
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
    const rows = [];
    for (let run = 1; run <= RUNS; run += 1) rows.push(await burst(service, connector, run));
    console.log(`\n${PEOPLE} people RSVP "going" to one session at once; target p95 ≤ ${TARGET_P95_MS} ms, exactly ${PEOPLE} stored,`);
    console.log('the channel card right at the end. Calls = storage requests per answer (to the last answer / with the');
    console.log('profiles and addresses written behind the answers). Floor = the same number of bare createEntity calls');
    console.log('to the same Azurite at the same concurrency, measured right after each run.\n');
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
