// A mixed load for 60 s against the built service on embedded defaults (fresh .data, demo team):
// CONCURRENCY readers in a closed loop, alternating the board (GET …/sessions) and expert search
// (GET /api/v1/experts?q=), plus RSVPs by the demo members, each paced within the person's write
// limit (one per 2.5 s) and so within the tenant's. Prints the rate, p50/p95/p99, errors (anything
// but 200) and the service's resident memory every 10 s. Not a test: figures for docs/BENCHMARKS.md.
//
//   npm run build:bot && npm run bench:mixed          (CONCURRENCY=32 DURATION_S=60 by default)
import { DEMO_TEAM, percentile, rssMb, startBuiltService } from './built-service.mjs';

const CONCURRENCY = Number(process.env.CONCURRENCY ?? 32);
const DURATION_MS = Number(process.env.DURATION_S ?? 60) * 1000;
const RSVP_EVERY_MS = 2_500;
const QUERIES = ['TypeScript', 'excel', 'azure', 'py', 'SQL', 'react', 'power bi', 'design'];

const service = await startBuiltService();
const members = (await service.members()).slice(0, 20);
const tokens = await Promise.all(members.map((m) => service.token(m.userId, m.displayName)));
const auth = (token) => ({ authorization: `Bearer ${token}` });
const boardUrl = `${service.url}/api/v1/teams/${DEMO_TEAM}/sessions`;
const upcoming = (await (await fetch(boardUrl, { headers: auth(tokens[0]) })).json()).sessions.map((s) => s.sessionId);

const samples = { board: [], experts: [], rsvp: [] };
const errors = {};
const rss = [];
const end = performance.now() + DURATION_MS;
const started = performance.now();

async function timed(kind, url, init) {
  const t0 = performance.now();
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    if (res.status === 200) samples[kind].push(performance.now() - t0);
    else errors[`${kind} ${res.status}`] = (errors[`${kind} ${res.status}`] ?? 0) + 1;
  } catch (error) {
    errors[`${kind} ${error.name}`] = (errors[`${kind} ${error.name}`] ?? 0) + 1;
  }
}

async function reader(i) {
  const token = tokens[i % tokens.length];
  for (let n = i; performance.now() < end; n += 1) {
    if (n % 2 === 0) await timed('board', boardUrl, { headers: auth(token) });
    else
      await timed('experts', `${service.url}/api/v1/experts?q=${encodeURIComponent(QUERIES[n % QUERIES.length])}`, {
        headers: auth(token),
      });
  }
}

async function rsvper(i) {
  const token = tokens[i];
  // Spread the members' first RSVPs over one period.
  await new Promise((r) => setTimeout(r, (RSVP_EVERY_MS * i) / tokens.length));
  for (let n = 0; performance.now() < end; n += 1) {
    const sessionId = upcoming[(i + n) % upcoming.length];
    const t0 = performance.now();
    await timed('rsvp', `${boardUrl}/${encodeURIComponent(sessionId)}/rsvp`, {
      method: 'PUT',
      headers: { ...auth(token), 'content-type': 'application/json' },
      body: JSON.stringify({ response: n % 2 === 0 ? 'yes' : 'maybe' }),
    });
    await new Promise((r) => setTimeout(r, Math.max(0, RSVP_EVERY_MS - (performance.now() - t0))));
  }
}

const sampler = setInterval(() => rss.push(rssMb(service.pid)), 10_000);
rss.push(rssMb(service.pid));
await Promise.all([...Array.from({ length: CONCURRENCY }, (_, i) => reader(i)), ...tokens.map((_, i) => rsvper(i))]);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
rss.push(rssMb(service.pid));
await service.stop();

const f = (x) => x.toFixed(1);
const all = [...samples.board, ...samples.experts, ...samples.rsvp].sort((a, b) => a - b);
console.log(`mixed load, ${f(seconds)} s, ${CONCURRENCY} readers + ${tokens.length} members RSVPing every ${RSVP_EVERY_MS / 1000} s`);
console.log(
  `  all: ${all.length} ok, ${f(all.length / seconds)} req/s; p50 ${f(percentile(all, 50))} ms, p95 ${f(percentile(all, 95))} ms, p99 ${f(percentile(all, 99))} ms`,
);
for (const [kind, xs] of Object.entries(samples)) {
  xs.sort((a, b) => a - b);
  console.log(
    `  ${kind}: ${xs.length} (${f(xs.length / seconds)}/s); p50 ${f(percentile(xs, 50))} ms, p95 ${f(percentile(xs, 95))} ms, p99 ${f(percentile(xs, 99))} ms`,
  );
}
console.log(`  errors: ${Object.keys(errors).length === 0 ? 'none' : JSON.stringify(errors)}`);
console.log(`  service RSS every 10 s: ${rss.map((x) => x.toFixed(0)).join(', ')} MB`);
