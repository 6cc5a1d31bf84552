// 200 different people RSVP to one session at the same moment. Not a test: prints
// figures for docs/BENCHMARKS.md.
//
//   npm run bench:rsvp
//
// The real service (in-process, embedded in-memory Azurite, real CloudAdapter, outbox worker on)
// with the fake Bot Connector. The bot is installed in a team, `planSession` creates a session and
// its invite is posted; then 200 `adaptiveCard/action` invokes (verb `rsvp`, "going"), one per
// person, are sent at once. Reports p50/p95/max latency of the invoke answers, the stored count
// and the number of stored RSVPs (both must be exactly 200: no lost updates under the ETag); then
// waits for the channel card at the fake connector to say "200 going" and counts the card updates
// (PUTs) the burst caused and how long after the last answer the card was right.
import { randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { readConfig } from '../bot/src/config';
import { startService } from '../bot/src/server';
import { createJsonLogger } from '../bot/src/json-logger';
import { BOT, botAddedToTeam, MEGAN, PLAYGROUND_TENANT, postActivity } from '../tests/support/activities';
import { startFakeConnector } from '../tests/support/fake-connector';
import { eventually } from '../tests/support/eventually';

const PEOPLE = Number(process.env.PEOPLE ?? 200);
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

/** Storage requests (Azurite's tables and queues) by operation, counted while the burst runs. */
const storageCalls = new Map<string, number>();
let counting = false;
subscribe('http.client.request.start', (message) => {
  const { request } = message as { request: ClientRequest };
  if (!counting || !/^\/devstoreaccount1\//.test(request.path)) return;
  const [, , resource = ''] = request.path.split('?')[0]?.split('/') ?? [];
  const op = `${request.method} ${resource.replace(/\(.*\)$/, '(…)').replace(/^(\w+?)[0-9a-f-]*$/, '$1')}`;
  storageCalls.set(op, (storageCalls.get(op) ?? 0) + 1);
});

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function main(): Promise<void> {
  const connector = await startFakeConnector();
  const service = await startService(
    { ...readConfig({ NODE_ENV: 'test' }), port: 0, seedDemo: false },
    { log: quiet, inMemoryStorage: true },
  );
  try {
    await postActivity(service.url, botAddedToTeam(connector.serviceUrl, TEAM));
    const date = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);
    const host = { id: MEGAN.id, name: MEGAN.name, aadObjectId: MEGAN.aadObjectId ?? '' };
    const planned = await postActivity(
      service.url,
      invoke(connector.serviceUrl, host, 'composeExtension/submitAction', {
        commandId: 'planSession',
        data: { title: 'RSVP load', date, time: '10:00', durationMinutes: '60', format: 'talk', recurrence: 'none', channelId: TEAM.id },
      }),
    );
    if (!planned.ok) throw new Error(`planSession: ${planned.status} ${await planned.text()}`);
    const [session] = await service.repositories.sessions.listForTeam(PLAYGROUND_TENANT, TEAM.id);
    if (!session) throw new Error('no session was created');

    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      id: `29:bench-${i}`,
      name: `Person ${i}`,
      aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }));
    const latencies: number[] = [];
    let failures = 0;
    const updatesBefore = connector.sent.filter((s) => s.method === 'PUT').length;
    counting = true;
    const t0 = Date.now();
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
    const wall = Date.now() - t0;
    const answered = performance.now();
    counting = false;
    // The shared card in the channel: its last update must show every answer.
    const lastCardText = () =>
      JSON.stringify(connector.sent.filter((s) => s.method === 'PUT').at(-1)?.activity.attachments?.[0]?.content ?? {});
    const cardRight = await eventually(
      () => {
        if (!lastCardText().includes(`${PEOPLE} going`)) throw new Error(`the channel card does not say ${PEOPLE} going`);
        return performance.now() - answered;
      },
      { timeout: 60_000, interval: 20 },
    ).catch(() => NaN);
    const cardUpdates = connector.sent.filter((s) => s.method === 'PUT').length - updatesBefore;
    latencies.sort((a, b) => a - b);
    const stored = await service.repositories.sessions.get(PLAYGROUND_TENANT, TEAM.id, session.sessionId);
    const rsvps = await service.repositories.rsvps.listForSession(PLAYGROUND_TENANT, session.sessionId);
    console.log(
      JSON.stringify(
        {
          people: PEOPLE,
          failedInvokes: failures,
          storedGoing: stored?.counts.yes,
          storedRsvps: rsvps.length,
          wallMs: wall,
          p50Ms: Math.round(percentile(latencies, 50)),
          p95Ms: Math.round(percentile(latencies, 95)),
          maxMs: Math.round(latencies.at(-1) ?? NaN),
          cardUpdates,
          cardRightAfterLastAnswerMs: Math.round(cardRight),
          storageCallsPerAnswer: Number(([...storageCalls.values()].reduce((a, b) => a + b, 0) / PEOPLE).toFixed(1)),
          storageCalls: Object.fromEntries([...storageCalls].sort((a, b) => b[1] - a[1])),
        },
        null,
        2,
      ),
    );
  } finally {
    await service.close();
    await connector.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
