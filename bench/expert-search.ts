// Expert search under load. Not a test: prints figures for docs/BENCHMARKS.md.
//
//   npm run bench:search                        (builds the service and this file with esbuild, then runs it)
//   npm run bench:search -- --profiles 10000    (another organisation size; default 100,000)
//
// 1. Starts Azurite (its own process) and loads 100,000 deterministic profiles (~5 skills each) and
//    20,000 endorsements into one tenant, in batches, through the service's own repositories.
// 2. Starts the built service (dist/bot/index.js, with --expose-gc and bench/gc-on-signal.mjs) on that
//    storage twice: the first start finds no index snapshot, reads every profile and writes the snapshot;
//    the second restores the snapshot (the target). For each: the time from listening until its log says
//    the index is warm, and its RSS after a forced garbage collection (SIGUSR2, bench-only: the service
//    itself has no such hook; the collections run without a stack, bench/gc-on-signal.mjs says why), and its
//    peak RSS. The load below runs against the second.
// 3. With one client (20 concurrent connections, keep-alive), sends the same 2,000 realistic
//    queries (typos, aliases, prefixes, names, empty) as `composeExtension/query` invokes to the floor
//    (an empty botbuilder CloudAdapter handler) and the service in turns (ROUNDS parts each, so a slow
//    spell of the machine falls on both), and, on a sample, to a naive baseline (scan the tenant's
//    profiles partition and filter, per query). Then the service's RSS after a forced collection, and
//    once more SETTLE_MS (20 s) after that collection, with no further one.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { TableClient, odata } from '@azure/data-tables';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { InvokeResponse, TurnContext } from 'botbuilder';
import express from 'express';
import { fold } from '../bot/src/domain/experts/text-fold';
import { createStorage } from '../bot/src/storage/shared/create-storage';
import { startEmbeddedAzurite } from '../bot/src/storage/shared/embedded-azurite';
import { profilesPartition, TABLES } from '../bot/src/storage/shared/keys';
import { endorsementsOf, profileOf as corpusProfile, queries, userIdOf } from '../tests/support/expert-corpus';

const profilesArg = process.argv.indexOf('--profiles');
const PROFILES = Number(profilesArg > 0 ? process.argv[profilesArg + 1] : (process.env.PROFILES ?? 100_000));
const QUERIES = Number(process.env.QUERIES ?? 2_000);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20);
/** The queries go to the floor and the service in turns, this many each, so a slow spell of the machine falls on both. */
const ROUNDS = Math.max(1, Math.floor(Number(process.env.ROUNDS ?? 4)) || 1);
/** How long after the forced collection that follows the load the service is left alone before its RSS is read once more. */
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 20_000);
/** Searches sent after `/readyz` first says 200, to see that none of them says "starting up". */
const SEARCHES_AFTER_READY = 20;
// The naive scan took 131 s for 20 queries at 100,000 profiles (2026-11-27): opt in with NAIVE_SAMPLE=20.
const NAIVE_SAMPLE = Number(process.env.NAIVE_SAMPLE ?? 0);
const TENANT = 'bench-tenant-0000-0000-000000000001';
const profileOf = (i: number, at: string) => corpusProfile(i, at, TENANT);

function invoke(query: string, i: number) {
  return JSON.stringify({
    type: 'invoke',
    name: 'composeExtension/query',
    id: `bench-${i}`,
    serviceUrl: 'http://127.0.0.1:9/',
    channelId: 'msteams',
    from: { id: `29:bench-${i % 50}`, name: profileOf(i % 50, '').displayName, aadObjectId: userIdOf(i % 50) },
    conversation: { id: `a:bench-${i % 50}`, conversationType: 'personal', tenantId: TENANT },
    recipient: { id: '28:bench-bot', name: 'PeerLearn' },
    // One locale per person: a changed locale is a profile write (recordSighting), which a real user does not do per query.
    locale: (i % 50) % 3 === 0 ? 'nl-NL' : 'en-US',
    value: { commandId: 'findExpert', parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 10 } },
    channelData: { tenant: { id: TENANT } },
  });
}

// ─── the baselines, served by this file in a child process ───────────────────────────────────
function emptyResult(): InvokeResponse {
  return { status: 200, body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [] } } };
}

class FloorBot extends ActivityHandler {
  protected override async onInvokeActivity(): Promise<InvokeResponse> {
    return emptyResult();
  }
}

class NaiveBot extends ActivityHandler {
  constructor(private readonly table: TableClient) {
    super();
  }
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { parameters?: { name: string; value: string }[] };
    const words = fold(value.parameters?.[0]?.value ?? '')
      .split(' ')
      .filter((w) => w !== '');
    const filter = odata`PartitionKey eq ${profilesPartition(TENANT)}`;
    const found: { name: string; teaches: string }[] = [];
    for await (const row of this.table.listEntities<{ displayName: string; teaches: string; bio: string }>({ queryOptions: { filter } })) {
      const text = fold(`${row.displayName} ${row.teaches} ${row.bio}`);
      if (words.every((w) => text.includes(w))) found.push({ name: row.displayName, teaches: row.teaches });
    }
    const attachments = found
      .slice(0, 10)
      .map((f) => ({ contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: f.name, text: f.teaches } }));
    return { status: 200, body: { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } } };
  }
}

async function serve(kind: 'floor' | 'naive', connectionString: string): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot =
    kind === 'floor'
      ? new FloorBot()
      : new NaiveBot(TableClient.fromConnectionString(connectionString, TABLES.profiles, { allowInsecureConnection: true }));
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
  const server = app.listen(0, '127.0.0.1', () => {
    process.stdout.write(`PORT ${(server.address() as AddressInfo).port}\n`);
  });
  server.keepAliveTimeout = 5_000;
}

// ─── the client ──────────────────────────────────────────────────────────────────────────────
interface Run {
  readonly latencies: number[];
  readonly failures: number;
  readonly wallMs: number;
  readonly withResults: number;
}

async function load(url: string, list: readonly string[], concurrency: number): Promise<Run> {
  const latencies: number[] = [];
  let failures = 0;
  let withResults = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < list.length; i = next++) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: invoke(list[i] ?? '', i),
        });
        const body = (await res.json()) as { composeExtension?: { attachments?: unknown[] } };
        if (res.status !== 200) failures += 1;
        if ((body.composeExtension?.attachments?.length ?? 0) > 0) withResults += 1;
      } catch {
        failures += 1;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, failures, wallMs: performance.now() - started, withResults };
}

/** One run of many: the list in ROUNDS parts, to the floor and the service in turns. */
async function interleaved(floorUrl: string, serviceUrl: string, list: readonly string[]): Promise<{ floor: Run; service: Run }> {
  const floor: Run[] = [];
  const service: Run[] = [];
  const size = Math.ceil(list.length / ROUNDS);
  for (let i = 0, round = 0; i < list.length; i += size, round += 1) {
    const part = list.slice(i, i + size);
    // Which of the two goes first alternates too: neither always follows the other's drain.
    if (round % 2 === 0) {
      floor.push(await load(floorUrl, part, CONCURRENCY));
      service.push(await load(serviceUrl, part, CONCURRENCY));
    } else {
      service.push(await load(serviceUrl, part, CONCURRENCY));
      floor.push(await load(floorUrl, part, CONCURRENCY));
    }
  }
  const merged = (runs: readonly Run[]): Run => ({
    latencies: runs.flatMap((r) => r.latencies),
    failures: runs.reduce((n, r) => n + r.failures, 0),
    wallMs: runs.reduce((n, r) => n + r.wallMs, 0),
    withResults: runs.reduce((n, r) => n + r.withResults, 0),
  });
  return { floor: merged(floor), service: merged(service) };
}

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
function summary(name: string, run: Run) {
  return {
    name,
    requests: run.latencies.length,
    p50: percentile(run.latencies, 50),
    p95: percentile(run.latencies, 95),
    p99: percentile(run.latencies, 99),
    max: Math.max(...run.latencies),
    rps: run.latencies.length / (run.wallMs / 1000),
    failures: run.failures,
    withResults: run.withResults,
  };
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** RSS after a forced collection (bench/gc-on-signal.mjs collects on SIGUSR2 and prints a line when done), in MB. */
interface RssAfterGc {
  readonly rss: number;
  /** After one more, last-resort collection, which also hands V8's emptied pages back to the system. */
  readonly released: number;
  /** The highest RSS since the process started (VmHWM). */
  readonly peak: number;
}

async function rssAfterGc(child: ChildProcess): Promise<RssAfterGc> {
  const line = await new Promise<string>((resolve) => {
    const onData = (chunk: Buffer) => {
      const found = /bench: gc done;[^\n]*/.exec(chunk.toString())?.[0];
      if (!found) return;
      child.stdout?.off('data', onData);
      console.log(`  ${found}`);
      resolve(found);
    };
    child.stdout?.on('data', onData);
    child.kill('SIGUSR2');
  });
  const figure = (pattern: RegExp) => Number(pattern.exec(line)?.[1] ?? Number.NaN);
  return { rss: figure(/; rss ([\d.]+) MB/), released: figure(/last-resort gc ([\d.]+) MB/), peak: figure(/peak ([\d.]+) MB/) };
}

function spawnSelf(kind: 'floor' | 'naive', connectionString: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [process.argv[1] ?? '', `--serve-${kind}`, connectionString], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const port = /PORT (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

// A child stopped by a signal has no exit code but a signal code: waiting for its 'exit' then would wait
// forever (the hang after the table, session 8). No process.exit() at the end either: this same file runs
// as the --serve-* children, whose main() returns once they listen, so an exit there stopped them mid-run.
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.removeAllListeners('exit');
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

interface StartedService {
  readonly service: ChildProcess;
  readonly url: string;
  readonly listening: number;
  readonly firstResults: number;
  readonly warm: number;
  /** When `/readyz` first said 200 (App Service's health check: the instance takes traffic). */
  readonly ready: number;
  /** Searches that answered with a message ("starting up") after `/readyz` had said 200: should be none. */
  readonly startingAfterReady: number;
  readonly searchesAfterReady: number;
  readonly rss: RssAfterGc;
  /** Resolves when the service logs that it wrote the tenant's snapshot (bytes, ms). */
  readonly snapshotWritten: Promise<{ readonly bytes: number; readonly ms: number }>;
}

/** Starts the built service on the storage and waits until it listens, answers with results and logs its index warm. */
async function startService(connectionString: string, flags: readonly string[]): Promise<StartedService> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // The service's V8 flags as `npm start` and App Service give them (package.json, infra/azure.bicep);
  // SERVICE_NODE_FLAGS tries others (SERVICE_NODE_FLAGS=' ' for V8's defaults).
  const service = spawn(process.execPath, [...flags, '--expose-gc', '--import', './bench/gc-on-signal.mjs', 'dist/bot/index.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      STORAGE_CONNECTION_STRING: connectionString,
      NODE_ENV: 'development',
      WORKER: 'false',
      LOG_REQUESTS: 'false',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let warm = Number.NaN;
  let logged = '';
  let onSnapshot: (written: { bytes: number; ms: number }) => void = () => undefined;
  const snapshotWritten = new Promise<{ bytes: number; ms: number }>((resolve) => {
    onSnapshot = resolve;
  });
  service.stdout?.on('data', (chunk: Buffer) => {
    logged = (logged + chunk.toString()).slice(-4_000);
    if (Number.isNaN(warm) && /expert index: tenant \S+ warm with [1-9]/.test(logged)) warm = performance.now() - started;
    const snapshot = /snapshot of tenant \S+ written: \d+ profiles, (\d+) bytes in (\d+) ms/.exec(logged);
    if (snapshot) onSnapshot({ bytes: Number(snapshot[1]), ms: Number(snapshot[2]) });
  });
  let listening = Number.NaN;
  let firstResults = Number.NaN;
  let ready = Number.NaN;
  let startingAfterReady = 0;
  // Searches sent after /readyz first said 200: the check below needs some, not only the one before it.
  let searchesAfterReady = 0;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: invoke('excel', 0),
      });
      if (Number.isNaN(listening)) listening = performance.now() - started;
      const body = (await res.json()) as { composeExtension?: { type?: string; attachments?: unknown[] } };
      if (!Number.isNaN(ready)) searchesAfterReady += 1;
      if (!Number.isNaN(ready) && body.composeExtension?.type === 'message') startingAfterReady += 1;
      if (Number.isNaN(firstResults) && (body.composeExtension?.attachments?.length ?? 0) > 0) firstResults = performance.now() - started;
      if (Number.isNaN(ready) && (await fetch(`${url}/readyz`)).ok) ready = performance.now() - started;
      if (!Number.isNaN(warm) && !Number.isNaN(firstResults) && searchesAfterReady >= SEARCHES_AFTER_READY) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 300_000) throw new Error('service did not warm within 5 minutes');
    await new Promise((r) => setTimeout(r, 25));
  }
  const rss = await rssAfterGc(service);
  return { service, url, listening, firstResults, warm, ready, startingAfterReady, searchesAfterReady, rss, snapshotWritten };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === '--serve-floor' || mode === '--serve-naive')
    return serve(mode === '--serve-floor' ? 'floor' : 'naive', process.argv[3] ?? '');

  const azurite = await startEmbeddedAzurite({ location: '.data/bench-unused', inMemory: true });
  const children: ChildProcess[] = [];
  try {
    const storage = createStorage({ connectionString: azurite.connectionString });
    await storage.ensureCreated();
    const at = new Date().toISOString();
    let t0 = performance.now();
    const BATCH = 5_000;
    let skills = 0;
    for (let i = 0; i < PROFILES; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, PROFILES - i) }, (_, j) => profileOf(i + j, at));
      skills += batch.reduce((n, p) => n + p.teaches.length, 0);
      await storage.repositories.members.putMany(batch);
      if ((i + BATCH) % 20_000 === 0 || i + BATCH >= PROFILES)
        console.log(
          `  seeding: ${Math.min(i + BATCH, PROFILES)} / ${PROFILES} profiles, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
        );
    }
    const seedProfilesMs = performance.now() - t0;
    t0 = performance.now();
    const endorsements = endorsementsOf(PROFILES, at, TENANT);
    for (let i = 0; i < endorsements.length; i += BATCH) {
      await storage.experts.endorsements.addMany(endorsements.slice(i, i + BATCH));
      console.log(
        `  seeding: ${Math.min(i + BATCH, endorsements.length)} / ${endorsements.length} endorsements, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
    const seedEndorsementsMs = performance.now() - t0;
    console.log(
      `seeded ${PROFILES} profiles (${(skills / PROFILES).toFixed(1)} skills each) in ${(seedProfilesMs / 1000).toFixed(1)} s, ${endorsements.length} endorsements in ${(seedEndorsementsMs / 1000).toFixed(1)} s`,
    );

    const list = queries(QUERIES);
    const warmup = queries(200).map((q) => `${q} `);

    // The service, built, twice: the first start finds no snapshot and reads every profile (then writes
    // the snapshot); the second restores the snapshot. Warm = from listening until the log says so.
    const flags = (process.env.SERVICE_NODE_FLAGS ?? '--max-semi-space-size=4').split(' ').filter((f) => f !== '');
    const first = await startService(azurite.connectionString, flags);
    children.push(first.service);
    console.log(
      `first start (no snapshot): listening after ${fmt(first.listening)}; index warm ${fmt(first.warm - first.listening)} after listening; /readyz 200 ${fmt(first.ready - first.listening)} after listening; RSS after GC ${first.rss.rss.toFixed(0)} MB`,
    );
    const written = await first.snapshotWritten;
    console.log(`snapshot written: ${(written.bytes / 1e6).toFixed(1)} MB in ${fmt(written.ms)}`);
    await stop(first.service);
    const second = await startService(azurite.connectionString, flags);
    const service = second.service;
    const serviceUrl = second.url;
    children.push(service);
    const rssWarm = second.rss;
    console.log(
      `second start (from the snapshot): listening after ${fmt(second.listening)}; first query with results ${fmt(second.firstResults - second.listening)} later; index warm ${fmt(second.warm - second.listening)} after listening; /readyz 200 ${fmt(second.ready - second.listening)} after listening; RSS after GC ${rssWarm.rss.toFixed(0)} MB`,
    );

    const floor = await spawnSelf('floor', azurite.connectionString);
    children.push(floor.child);

    await load(floor.url, warmup, CONCURRENCY);
    await load(serviceUrl, warmup, CONCURRENCY);
    const runs = await interleaved(floor.url, serviceUrl, list);
    const floorRun = summary('floor: empty CloudAdapter handler', runs.floor);
    const serviceRun = summary('PeerLearn findExpert (in-memory index)', runs.service);
    const rssLoaded = await rssAfterGc(service);
    // Left alone after that collection: whether RSS stays where the collections left it.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const rssSettled = rssMb(service.pid);
    await stop(floor.child);
    await stop(service);

    const rows = [floorRun, serviceRun];
    if (NAIVE_SAMPLE > 0) {
      const naive = await spawnSelf('naive', azurite.connectionString);
      children.push(naive.child);
      const sample = list.filter((q) => q !== '').slice(0, NAIVE_SAMPLE);
      rows.push(
        summary(
          `naive: scan the profiles partition and filter (${sample.length} queries)`,
          await load(naive.url, sample, Math.min(CONCURRENCY, sample.length)),
        ),
      );
      await stop(naive.child);
    }

    console.log(
      `\n${PROFILES} profiles; service flags '${flags.join(' ')}'; load average at the end ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log('\n| handler | requests | p50 | p95 | p99 | max | req/s | failed | with results |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows)
      console.log(
        `| ${r.name} | ${r.requests} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.max)} | ${r.rps.toFixed(0)} | ${r.failures} | ${r.withResults} |`,
      );
    const seedS = (seedProfilesMs + seedEndorsementsMs) / 1000;
    const ratio = serviceRun.p95 / floorRun.p95;
    const targets: [string, string, string, boolean][] = [
      ['seeding (profiles + endorsements)', `${seedS.toFixed(1)} s`, '< 120 s', seedS < 120],
      [
        'index warm after listening, from the snapshot',
        fmt(second.warm - second.listening),
        '≤ 5,000 ms',
        second.warm - second.listening <= 5_000,
      ],
      ['index warm after listening, first start (all profiles)', fmt(first.warm - first.listening), '(no bound)', true],
      [
        '/readyz 200 after listening, first start / from the snapshot; searches saying "starting up" after it',
        `${fmt(first.ready - first.listening)} / ${fmt(second.ready - second.listening)}; ${first.startingAfterReady + second.startingAfterReady} of ${first.searchesAfterReady + second.searchesAfterReady}`,
        'none after it',
        first.startingAfterReady + second.startingAfterReady === 0,
      ],
      ['snapshot size / write time', `${(written.bytes / 1e6).toFixed(1)} MB / ${fmt(written.ms)}`, '(no bound)', true],
      ['RSS after GC, index warm', `${rssWarm.rss.toFixed(0)} MB`, '≤ 300 MB', rssWarm.rss <= 300],
      ['RSS after GC, after the search load', `${rssLoaded.rss.toFixed(0)} MB`, '≤ 300 MB', rssLoaded.rss <= 300],
      [
        'the same two after a last-resort GC (V8 hands its emptied pages back)',
        `${rssWarm.released.toFixed(0)} / ${rssLoaded.released.toFixed(0)} MB`,
        '(no bound)',
        true,
      ],
      [`RSS ${(SETTLE_MS / 1000).toFixed(0)} s after those GCs, left alone`, `${rssSettled.toFixed(0)} MB`, '(no bound)', true],
      ['peak RSS of the service (since its start, VmHWM)', `${rssLoaded.peak.toFixed(0)} MB`, '(no bound)', true],
      ['findExpert p95 / floor p95', `${ratio.toFixed(2)} (${fmt(serviceRun.p95)} / ${fmt(floorRun.p95)})`, '≤ 1.5', ratio <= 1.5],
      ['findExpert p99', fmt(serviceRun.p99), '≤ 150 ms', serviceRun.p99 <= 150],
    ];
    console.log('\n| target | measured | bound | |');
    console.log('|---|---:|---:|---|');
    for (const [what, measured, bound, met] of targets) console.log(`| ${what} | ${measured} | ${bound} | ${met ? 'met' : 'NOT MET'} |`);
  } finally {
    for (const child of children) await stop(child).catch(() => undefined);
    await azurite.stop();
  }
}

await main();
